#include "service/appeal_service.h"

#include <chrono>

#include "core/clock.h"
#include "core/project_vocabulary.h"
#include "http/api_error.h"
#include "http/json_body.h"
#include "service/audit.h"
#include "service/data_scope.h"
#include "service/merchant_service.h"
#include "service/project_service.h"
#include "service/region_filter.h"
#include "service/region_service.h"
#include "store/sql_builder.h"

namespace guiyan::service {
namespace {

using http::bad_request;

// The time limit when an appeal is raised without one.
constexpr int kDefaultDays = 15;

const char* kColumns =
    "a.id, a.project_id, a.merchant_id, a.region_code, a.category, a.content, a.raised_on, "
    "a.assigned_unit, a.due_on, a.status, a.closed_on, a.satisfaction, a.created_by, "
    "a.created_at, COALESCE((SELECT p.name FROM project p WHERE p.id = a.project_id), ''), "
    "COALESCE((SELECT COALESCE(m.enterprise_name, m.name) FROM merchant m WHERE m.id = "
    "a.merchant_id), ''), (SELECT COUNT(*) FROM appeal_reply r WHERE r.appeal_id = a.id)";

nlohmann::json opt(const std::optional<std::string>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json();
}

nlohmann::json appeal_json(const store::Row& r) {
  std::string today = core::today_local();
  std::string status = r.text(9), due = r.text(8);
  auto closed = r.opt_text(10);
  return {{"id", r.i64(0)},
          {"project_id", r.opt_i64(1) ? nlohmann::json(*r.opt_i64(1)) : nlohmann::json()},
          {"project_name", r.text(14)},
          {"merchant_id", r.opt_i64(2) ? nlohmann::json(*r.opt_i64(2)) : nlohmann::json()},
          {"merchant_name", r.text(15)},
          {"region_code", r.text(3)},
          {"category", r.text(4)},
          {"category_label", core::term_label(core::appeal_categories(), r.text(4))},
          {"content", r.text(5)},
          {"raised_on", r.text(6)},
          {"assigned_unit", r.text(7)},
          {"due_on", due},
          {"status", status},
          {"status_label", core::term_label(core::appeal_statuses(), status)},
          {"closed_on", opt(closed)},
          {"satisfaction", opt(r.opt_text(11))},
          {"satisfaction_label",
           r.is_null(11) ? nlohmann::json()
                         : nlohmann::json(core::term_label(core::satisfactions(), r.text(11)))},
          {"replies", r.i64(16)},
          {"overdue", status != "closed" && due < today},
          {"closed_late", closed.has_value() && *closed > due},
          {"created_at", r.text(13)}};
}

nlohmann::json appeal_in_scope(store::Conn& c, const Principal& p, int64_t id) {
  auto r = store::query_one(c, std::string("SELECT ") + kColumns + " FROM appeal a WHERE a.id = $1",
                            {id});
  if (!r || !in_scope(p, r->text(3), r->opt_i64(12))) throw http::not_found("诉求");
  return appeal_json(*r);
}

std::string date_or(http::JsonBody& body, const std::string& name, const std::string& label,
                    const std::string& fallback, bool future_ok = false) {
  auto v = body.opt_str(name, label, 10);
  if (!v) return fallback;
  if (v->size() != 10 || !core::parse_iso(*v))
    throw bad_request(name, label + "应为日期，如 2026-03-01");
  if (!future_ok && *v > core::today_local()) throw bad_request(name, label + "不能晚于今天");
  return *v;
}

}  // namespace

nlohmann::json list_appeals(store::Db& db, const Principal& p, const AppealQuery& q) {
  require(p, "project:read");
  auto conn = db.acquire();
  store::SqlBuilder sql;
  std::string where = scope_condition(p, sql, "a.region_code", "a.created_by");
  if (!q.region.empty()) {
    check_region_filter(db, *conn, p, q.region);
    where += " AND " + subtree_condition(sql, "a.region_code", q.region);
  }
  if (!q.status.empty()) {
    auto key = core::find_term(core::appeal_statuses(), q.status);
    if (!key) throw bad_request("status", "筛选条件“status”的取值不正确");
    where += " AND a.status = " + sql.bind(*key);
  }
  if (q.project_id) where += " AND a.project_id = " + sql.bind(*q.project_id);
  if (q.merchant_id) where += " AND a.merchant_id = " + sql.bind(*q.merchant_id);
  auto overdue = [](store::SqlBuilder& s) {
    return "a.status <> 'closed' AND a.due_on < " + s.bind(core::today_local());
  };
  if (q.overdue) where += " AND " + overdue(sql);
  // The count binds today's date once more for itself: PostgreSQL refuses a statement whose
  // parameter it never reads (it cannot tell its type), as the page would be without it.
  store::SqlBuilder counting = sql;
  auto counts = store::query_one(*conn,
                                 "SELECT COUNT(*), SUM(CASE WHEN " + overdue(counting) +
                                     " THEN 1 ELSE 0 END) FROM appeal a WHERE " + where,
                                 counting.params());
  nlohmann::json items = nlohmann::json::array();
  std::string page =
      " ORDER BY a.id DESC LIMIT " + sql.bind(q.limit) + " OFFSET " + sql.bind(q.offset);
  for (const auto& r : store::query(
           *conn, std::string("SELECT ") + kColumns + " FROM appeal a WHERE " + where + page,
           sql.params())) {
    items.push_back(appeal_json(r));
  }
  return {{"items", items}, {"total", counts->i64(0)}, {"overdue", counts->i64(1)}};
}

nlohmann::json create_appeal_api(store::Db& db, const Principal& p, const nlohmann::json& body_in) {
  require(p, "project:write");
  http::JsonBody body(body_in.dump());
  auto project_id = body.opt_int("project_id", "项目编号");
  auto merchant_id = body.opt_int("merchant_id", "楚商楚才编号");
  if (!project_id && !merchant_id) {
    throw bad_request("project_id", "诉求须关联一个招商项目或一位楚商楚才", "required");
  }
  auto category = core::find_term(core::appeal_categories(), body.str("category", "诉求类别", 20));
  if (!category) throw bad_request("category", "诉求类别不在可选范围内");
  std::string content = body.str("content", "诉求内容", 2000);
  std::string unit = body.str("assigned_unit", "承办单位", 100);
  std::string today = core::today_local();
  std::string raised = date_or(body, "raised_on", "提出日期", today);
  auto days = body.opt_int("time_limit_days", "办理时限（天）");
  if (days && (*days < 1 || *days > 365))
    throw bad_request("time_limit_days", "办理时限应为1到365天");
  std::string due = date_or(body, "due_on", "办结时限", "", true);
  if (due.empty()) {
    due = core::to_iso(*core::parse_iso(raised) + std::chrono::days{days.value_or(kDefaultDays)})
              .substr(0, 10);
  } else if (days) {
    throw bad_request("due_on", "办结时限和办理时限（天）只填一项");
  }
  if (due < raised) throw bad_request("due_on", "办结时限不能早于提出日期");
  body.finish();
  auto conn = db.acquire();
  store::Tx tx(*conn);
  std::string region;
  if (project_id) {
    try {
      region = project_in_scope(*conn, p, *project_id)["region_code"];
    } catch (const http::ApiError&) {
      throw bad_request("project_id", "招商项目不存在或不在您的数据范围内");
    }
  }
  if (merchant_id) {
    try {
      auto m = merchant_in_scope(*conn, p, *merchant_id);
      if (region.empty()) region = m.text("hometown_code");
    } catch (const http::ApiError&) {
      throw bad_request("merchant_id", "楚商楚才记录不存在或不在您的数据范围内");
    }
  }
  std::string now = core::now_iso();
  int64_t id = store::query_int(
      *conn,
      "INSERT INTO appeal (project_id, merchant_id, region_code, category, content, raised_on, "
      "assigned_unit, due_on, status, created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, "
      "$5, $6, $7, $8, 'open', $9, $10, $10) RETURNING id",
      {store::nullable(project_id), store::nullable(merchant_id), region, *category, content,
       raised, unit, due, p.user_id, now});
  auto after = appeal_in_scope(*conn, p, id);
  audit(*conn, Actor::of(p), {"create", "appeal", std::to_string(id), region, nullptr, after});
  tx.commit();
  return after;
}

nlohmann::json project_appeals(store::Conn& c, int64_t id) {
  nlohmann::json out = nlohmann::json::array();
  c.run(std::string("SELECT ") + kColumns +
            " FROM appeal a WHERE a.project_id = $1 ORDER BY a.id DESC",
        {id}, [&](const store::Row& r) { out.push_back(appeal_json(r)); });
  return out;
}

nlohmann::json get_appeal_api(store::Db& db, const Principal& p, int64_t id) {
  require(p, "project:read");
  auto conn = db.acquire();
  auto j = appeal_in_scope(*conn, p, id);
  nlohmann::json replies = nlohmann::json::array();
  for (const auto& r : store::query(*conn,
                                    "SELECT r.id, r.replied_on, r.unit, r.content, "
                                    "COALESCE(u.display_name, '') FROM appeal_reply r LEFT JOIN "
                                    "app_user u ON u.id = r.recorded_by WHERE r.appeal_id = $1 "
                                    "ORDER BY r.replied_on, r.id",
                                    {id})) {
    replies.push_back({{"id", r.i64(0)},
                       {"replied_on", r.text(1)},
                       {"unit", opt(r.opt_text(2))},
                       {"content", r.text(3)},
                       {"recorded_by", r.text(4)}});
  }
  j["reply_list"] = replies;
  return j;
}

nlohmann::json reply_appeal_api(store::Db& db, const Principal& p, int64_t id,
                                const nlohmann::json& body_in) {
  require(p, "project:write");
  http::JsonBody body(body_in.dump());
  std::string content = body.str("content", "答复内容", 2000);
  auto unit = body.opt_str("unit", "答复单位", 100);
  std::string on = date_or(body, "replied_on", "答复日期", core::today_local());
  body.finish();
  auto conn = db.acquire();
  store::Tx tx(*conn);
  auto before = appeal_in_scope(*conn, p, id);
  if (before["status"] == "closed") throw http::ApiError(409, "closed", "该诉求已办结，不能再答复");
  if (on < before["raised_on"].get<std::string>()) {
    throw bad_request("replied_on", "答复日期不能早于提出日期");
  }
  store::exec(*conn,
              "INSERT INTO appeal_reply (appeal_id, replied_on, unit, content, recorded_by, "
              "recorded_at) VALUES ($1, $2, $3, $4, $5, $6)",
              {id, on, store::nullable(unit), content, p.user_id, core::now_iso()});
  store::exec(*conn, "UPDATE appeal SET status = 'answered', updated_at = $2 WHERE id = $1",
              {id, core::now_iso()});
  auto after = appeal_in_scope(*conn, p, id);
  audit(*conn, Actor::of(p),
        {"reply",
         "appeal",
         std::to_string(id),
         before["region_code"].get<std::string>(),
         {{"status", before["status"]}},
         {{"status", after["status"]}, {"content", content}}});
  tx.commit();
  conn.reset();  // back to the pool before the answer is read on a connection of its own
  return get_appeal_api(db, p, id);
}

nlohmann::json close_appeal_api(store::Db& db, const Principal& p, int64_t id,
                                const nlohmann::json& body_in) {
  require(p, "project:write");
  http::JsonBody body(body_in.dump());
  auto satisfaction =
      core::find_term(core::satisfactions(), body.str("satisfaction", "满意度", 20));
  if (!satisfaction) throw bad_request("satisfaction", "满意度应为 满意、基本满意 或 不满意");
  std::string on = date_or(body, "closed_on", "办结日期", core::today_local());
  body.finish();
  auto conn = db.acquire();
  store::Tx tx(*conn);
  auto before = appeal_in_scope(*conn, p, id);
  if (before["status"] == "closed") throw http::ApiError(409, "closed", "该诉求已办结");
  if (on < before["raised_on"].get<std::string>()) {
    throw bad_request("closed_on", "办结日期不能早于提出日期");
  }
  store::exec(*conn,
              "UPDATE appeal SET status = 'closed', closed_on = $2, satisfaction = $3, updated_at "
              "= $4 WHERE id = $1",
              {id, on, *satisfaction, core::now_iso()});
  auto after = appeal_in_scope(*conn, p, id);
  audit(*conn, Actor::of(p),
        {"close", "appeal", std::to_string(id), before["region_code"].get<std::string>(), before,
         after});
  tx.commit();
  conn.reset();  // back to the pool before the answer is read on a connection of its own
  return get_appeal_api(db, p, id);
}

}  // namespace guiyan::service
