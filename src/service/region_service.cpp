#include "service/region_service.h"

#include "http/api_error.h"
#include "service/region_tree.h"

namespace guiyan::service {

bool region_exists(store::Conn& c, const std::string& code) {
  return store::query_int(c, "SELECT COUNT(*) FROM region WHERE code = $1", {code}) > 0;
}

std::optional<std::string> region_name(store::Conn& c, const std::string& code) {
  auto r = store::query_one(c, "SELECT name FROM region WHERE code = $1", {code});
  if (!r) return std::nullopt;
  return r->text(0);
}

nlohmann::json region_children(store::Db& db, const std::string& parent) {
  auto conn = db.acquire();
  return region_children(db, *conn, parent);
}

nlohmann::json region_children(store::Db& db, store::Conn& c, const std::string& parent) {
  const RegionTree& tree = region_tree(db, c);
  if (!parent.empty() && !tree.holds(parent)) throw http::not_found("行政区划");
  return tree.children(parent);
}

nlohmann::json region_with_path(store::Db& db, const std::string& code) {
  auto conn = db.acquire();
  nlohmann::json found = region_tree(db, *conn).with_path(code);
  if (found.is_null()) throw http::not_found("行政区划");
  return found;
}

nlohmann::json industries(store::Db& db) {
  auto conn = db.acquire();
  nlohmann::json items = nlohmann::json::array();
  for (const auto& r : store::query(*conn,
                                    "SELECT code, name, parent FROM industry ORDER BY "
                                    "COALESCE(parent, code), parent IS NOT NULL, code")) {
    items.push_back({{"code", r.text(0)},
                     {"name", r.text(1)},
                     {"parent", r.is_null(2) ? nlohmann::json() : nlohmann::json(r.text(2))}});
  }
  return {{"items", items}};
}

}  // namespace guiyan::service
