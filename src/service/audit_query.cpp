#include "service/audit_query.h"

#include "core/clock.h"
#include "http/api_error.h"
#include "service/data_scope.h"
#include "store/sql_builder.h"

namespace guiyan::service {

nlohmann::json list_audit(store::Db& db, const Principal& p, const AuditQuery& q) {
  require(p, "audit:read");
  store::SqlBuilder sql;
  std::string where = scope_condition(p, sql, "COALESCE(a.region_code, '420000')");
  if (!q.user.empty()) where += " AND a.username = " + sql.bind(q.user);
  if (!q.entity.empty()) where += " AND a.entity = " + sql.bind(q.entity);
  if (!q.entity_id.empty()) where += " AND a.entity_id = " + sql.bind(q.entity_id);
  if (!q.action.empty()) where += " AND a.action = " + sql.bind(q.action);
  if (!q.from.empty()) {
    auto t = core::parse_iso(q.from);
    if (!t) throw http::bad_request("from", "开始日期格式应为 YYYY-MM-DD");
    where += " AND a.at >= " + sql.bind(core::to_iso(*t));
  }
  if (!q.to.empty()) {
    auto t = core::parse_iso(q.to);
    if (!t) throw http::bad_request("to", "结束日期格式应为 YYYY-MM-DD");
    if (q.to.size() == 10) *t += std::chrono::days{1};
    where += " AND a.at < " + sql.bind(core::to_iso(*t));
  }
  if (q.before_id) where += " AND a.id < " + sql.bind(*q.before_id);
  std::string limit = sql.bind(q.limit);
  auto conn = db.acquire();
  nlohmann::json items = nlohmann::json::array();
  auto parse = [](const store::Row& r, size_t i) -> nlohmann::json {
    if (r.is_null(i)) return nullptr;
    return nlohmann::json::parse(r.text(i), nullptr, false);
  };
  int64_t last_id = 0;
  for (const auto& r : store::query(*conn,
                                    "SELECT a.id, a.at, a.user_id, a.username, a.ip, a.action, "
                                    "a.entity, a.entity_id, a.before_json, a.after_json "
                                    "FROM audit_log a WHERE " +
                                        where + " ORDER BY a.id DESC LIMIT " + limit,
                                    sql.params())) {
    last_id = r.i64(0);
    items.push_back({{"id", r.i64(0)},
                     {"at", r.text(1)},
                     {"user_id", r.is_null(2) ? nlohmann::json() : nlohmann::json(r.i64(2))},
                     {"username", r.text(3)},
                     {"ip", r.text(4)},
                     {"action", r.text(5)},
                     {"entity", r.text(6)},
                     {"entity_id", r.text(7)},
                     {"before", parse(r, 8)},
                     {"after", parse(r, 9)}});
  }
  nlohmann::json next = nullptr;
  if (static_cast<int64_t>(items.size()) == q.limit) next = last_id;
  return {{"items", items}, {"next_before_id", next}};
}

}  // namespace guiyan::service
