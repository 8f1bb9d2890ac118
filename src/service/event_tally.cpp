// The yearly count of held events per region and level against the minimum (event_service.h).
#include <map>

#include "core/clock.h"
#include "core/event_vocabulary.h"
#include "http/api_error.h"
#include "service/child_regions.h"
#include "service/data_scope.h"
#include "service/event_service.h"
#include "service/indicator_catalogue.h"
#include "service/region_filter.h"
#include "service/region_service.h"
#include "store/sql_builder.h"

namespace guiyan::service {
namespace {

// The counts of one region: its own events (at its level) and those of its subtree by level.
struct EventTallyRow {
  std::string code, name, level;  // level "" for a region that holds no events (province …)
  int64_t held = 0, planned = 0, cancelled = 0;
  std::map<std::string, int64_t> festivals, by_level;

  void add(const std::string& event_level, const std::string& festival, const std::string& status,
           int64_t n) {
    if (status == "held") by_level[event_level] += n;
    if (event_level != level) return;
    if (status == "held") {
      held += n;
      festivals[festival.empty() ? "none" : festival] += n;
    } else if (status == "planned") {
      planned += n;
    } else {
      cancelled += n;
    }
  }

  nlohmann::json json() const {
    auto minimum = level.empty() ? std::nullopt : event_yearly_minimum(level);
    nlohmann::json fest = nlohmann::json::object(), levels = nlohmann::json::object();
    for (const auto& t : core::event_festivals()) {
      auto it = festivals.find(t.key);
      fest[t.key] = it == festivals.end() ? 0 : it->second;
    }
    auto none = festivals.find("none");
    fest["none"] = none == festivals.end() ? 0 : none->second;
    for (const auto& t : core::event_levels()) {
      auto it = by_level.find(t.key);
      levels[t.key] = it == by_level.end() ? 0 : it->second;
    }
    return {{"code", code},
            {"name", name},
            {"level", level.empty() ? nlohmann::json() : nlohmann::json(level)},
            {"level_label", level.empty()
                                ? nlohmann::json()
                                : nlohmann::json(core::term_label(core::event_levels(), level))},
            {"minimum", minimum ? nlohmann::json(*minimum) : nlohmann::json()},
            {"held", held},
            {"planned", planned},
            {"cancelled", cancelled},
            {"met", minimum ? nlohmann::json(held >= *minimum) : nlohmann::json()},
            {"shortfall",
             minimum ? nlohmann::json(std::max<int64_t>(0, *minimum - held)) : nlohmann::json()},
            {"festivals", fest},
            {"by_level", levels}};
  }
};

std::string event_level_at(int64_t depth) {
  auto level = core::event_level_of_depth(static_cast<int>(depth));
  return level ? std::string(*level) : std::string();
}

}  // namespace

nlohmann::json event_tally(store::Db& db, const Principal& p, const std::string& region_in,
                           std::optional<int64_t> year_in) {
  require(p, "event:read");
  int64_t year = year_in.value_or(core::today_local_date().year);
  if (year < 1900 || year > 2999) throw http::bad_request("year", "年份不正确");
  std::string region = region_in.empty() ? p.region_code : region_in;
  EventTallyRow self;
  {
    auto conn = db.acquire();
    if (!region_in.empty()) check_region_filter(db, *conn, p, region_in);
    auto r = store::query_one(*conn, "SELECT name, level FROM region WHERE code = $1", {region});
    if (!r) throw http::bad_request("region", "区划代码不存在");
    self.code = region;
    self.name = r->text(0);
    self.level = event_level_at(r->i64(1));
  }
  nlohmann::json children = region_children(db, region)["items"];
  ChildRegions kids(children);
  std::vector<EventTallyRow> rows(children.size());
  for (size_t i = 0; i < children.size(); ++i) {
    rows[i].code = children[i]["code"].get<std::string>();
    rows[i].name = children[i]["name"].get<std::string>();
    rows[i].level = event_level_at(children[i]["level"].get<int64_t>());
  }
  auto conn = db.acquire();
  store::SqlBuilder sql;
  std::string y = std::to_string(year);
  std::string where = scope_condition(p, sql, "e.region_code", "e.created_by") + " AND " +
                      subtree_condition(sql, "e.region_code", region) +
                      " AND e.held_on >= " + sql.bind(y + "-01-01") +
                      " AND e.held_on <= " + sql.bind(y + "-12-31");
  for (const auto& r :
       store::query(*conn,
                    "SELECT e.region_code, e.level, e.festival, e.status, "
                    "COUNT(*) FROM event e WHERE " +
                        where + " GROUP BY e.region_code, e.level, e.festival, e.status",
                    sql.params())) {
    std::string festival = r.is_null(2) ? std::string() : r.text(2);
    self.add(r.text(1), festival, r.text(3), r.i64(4));
    int child = kids.index_of(r.text(0));
    if (child >= 0) rows[static_cast<size_t>(child)].add(r.text(1), festival, r.text(3), r.i64(4));
  }
  nlohmann::json items = nlohmann::json::array();
  int64_t with_minimum = 0, met = 0;
  for (const auto& row : rows) {
    auto j = row.json();
    if (!j["minimum"].is_null()) {
      ++with_minimum;
      if (j["met"].get<bool>()) ++met;
    }
    items.push_back(std::move(j));
  }
  return {
      {"region", self.json()}, {"year", year},        {"minimums", event_vocabulary()["minimums"]},
      {"items", items},        {"children_met", met}, {"children_with_minimum", with_minimum}};
}

}  // namespace guiyan::service
