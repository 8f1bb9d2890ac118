// Follow-up notices 督办 and each unit's alerts (task_service.h).
#include "core/clock.h"
#include "core/task_status.h"
#include "http/api_error.h"
#include "http/json_body.h"
#include "service/audit.h"
#include "service/data_scope.h"
#include "service/region_service.h"
#include "service/task_service.h"
#include "store/sql_builder.h"

namespace guiyan::service {
namespace {

using http::bad_request;

// The SELECT list (alias o, task t, department d) notice_row_json reads.
const char* kNoticeColumns =
    "o.id, o.task_id, t.year, t.number, t.content, t.region_code, o.department_id, d.name, "
    "o.content, o.issued_on, o.reply_due_on, o.reply, o.replied_on, COALESCE((SELECT "
    "u.display_name FROM app_user u WHERE u.id = o.replied_by), ''), COALESCE((SELECT "
    "u.display_name FROM app_user u WHERE u.id = o.issued_by), ''), o.created_at";
const char* kNoticeFrom =
    " FROM task_notice o JOIN task t ON t.id = o.task_id JOIN department d ON d.id = "
    "o.department_id";

// A notice's status on `on`: answered once replied, overdue when unreplied after its reply date.
std::string notice_status_on(const store::Row& r, core::Date on) {
  if (!r.is_null(11)) return "answered";
  return on.to_iso() > r.text(10) ? "overdue" : "open";
}

nlohmann::json notice_row_json(const store::Row& r, core::Date on) {
  std::string status = notice_status_on(r, on);
  auto due = core::Date::parse_iso(r.text(10));
  return {{"id", r.i64(0)},
          {"task_id", r.i64(1)},
          {"task_year", r.i64(2)},
          {"task_number", r.i64(3)},
          {"task_content", r.text(4)},
          {"region_code", r.text(5)},
          {"department_id", r.i64(6)},
          {"department_name", r.text(7)},
          {"content", r.text(8)},
          {"issued_on", r.text(9)},
          {"reply_due_on", r.text(10)},
          {"reply", r.is_null(11) ? nlohmann::json() : nlohmann::json(r.text(11))},
          {"replied_on", r.is_null(12) ? nlohmann::json() : nlohmann::json(r.text(12))},
          {"replied_by", r.text(13)},
          {"issued_by", r.text(14)},
          {"created_at", r.text(15)},
          {"status", status},
          {"status_label", status == "answered"  ? "已答复"
                           : status == "overdue" ? "逾期未答复"
                                                 : "待答复"},
          {"days_overdue", status == "overdue" ? on.day_number() - due->day_number() : 0}};
}

std::string followup_body_date(http::JsonBody& b, const std::string& name,
                               const std::string& label) {
  auto v = b.opt_str(name, label, 10);
  std::string today = core::today_local();
  if (!v) return today;
  if (!core::Date::parse_iso(*v)) throw bad_request(name, label + "应为日期，如 2025-04-30");
  if (*v > today) throw bad_request(name, label + "不能晚于今天");
  return *v;
}

std::optional<store::Row> notice_row(store::Conn& c, int64_t id) {
  return store::query_one(
      c, std::string("SELECT ") + kNoticeColumns + kNoticeFrom + " WHERE o.id = $1", {id});
}

}  // namespace

nlohmann::json task_notices_of(store::Conn& c, int64_t task_id, core::Date on) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& r : store::query(c,
                                    std::string("SELECT ") + kNoticeColumns + kNoticeFrom +
                                        " WHERE o.task_id = $1 ORDER BY o.issued_on, o.id",
                                    {task_id})) {
    out.push_back(notice_row_json(r, on));
  }
  return out;
}

nlohmann::json issue_task_notice_api(store::Db& db, const Principal& p, int64_t task_id,
                                     const nlohmann::json& body_in) {
  require(p, "task:supervise");
  http::JsonBody b(body_in.dump());
  auto dep = b.opt_int("department_id", "督办单位");
  std::string content = b.str("content", "督办内容", 2000);
  auto due = b.opt_str("reply_due_on", "答复期限", 10);
  std::string issued = followup_body_date(b, "issued_on", "督办日期");
  b.finish();
  if (!dep) throw bad_request("department_id", "请选择被督办单位", "required");
  if (!due) throw bad_request("reply_due_on", "缺少必填字段“答复期限”", "required");
  if (!core::Date::parse_iso(*due)) {
    throw bad_request("reply_due_on", "答复期限应为日期，如 2025-04-30");
  }
  if (*due < issued) throw bad_request("reply_due_on", "答复期限不能早于督办日期");
  auto conn = db.acquire();
  store::Tx tx(*conn);
  auto task = store::query_one(*conn, "SELECT region_code FROM task WHERE id = $1", {task_id});
  if (!task || !in_scope(p, task->text(0))) throw http::not_found("任务");
  auto unit = department_brief(*conn, *dep, "department_id");
  if (!store::query_one(*conn, "SELECT 1 FROM task_unit WHERE task_id = $1 AND department_id = $2",
                        {task_id, *dep})) {
    throw bad_request("department_id",
                      "“" + unit["name"].get<std::string>() + "”不是该任务的牵头或责任单位");
  }
  std::string now = core::now_iso();
  int64_t id = store::query_int(
      *conn,
      "INSERT INTO task_notice (task_id, department_id, content, issued_on, reply_due_on, "
      "issued_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id",
      {task_id, *dep, content, issued, *due, p.user_id, now});
  audit(*conn, Actor::of(p),
        {"issue_notice",
         "task",
         std::to_string(task_id),
         task->text(0),
         nullptr,
         {{"notice_id", id},
          {"department_id", *dep},
          {"content", content},
          {"issued_on", issued},
          {"reply_due_on", *due}}});
  auto out = notice_row_json(*notice_row(*conn, id), core::today_local_date());
  tx.commit();
  return out;
}

nlohmann::json answer_task_notice_api(store::Db& db, const Principal& p, int64_t notice_id,
                                      const nlohmann::json& body_in) {
  require(p, "task:write");
  http::JsonBody b(body_in.dump());
  std::string reply = b.str("reply", "答复内容", 2000);
  std::string on = followup_body_date(b, "replied_on", "答复日期");
  b.finish();
  auto conn = db.acquire();
  store::Tx tx(*conn);
  auto row = notice_row(*conn, notice_id);
  bool own = row && p.department_id && *p.department_id == row->i64(6);
  if (!row || !(own || in_scope(p, row->text(5)))) throw http::not_found("督办通知");
  if (on < row->text(9)) throw bad_request("replied_on", "答复日期不能早于督办日期");
  nlohmann::json before =
      row->is_null(11) ? nlohmann::json()
                       : nlohmann::json{{"reply", row->text(11)}, {"replied_on", row->text(12)}};
  store::exec(*conn,
              "UPDATE task_notice SET reply = $2, replied_on = $3, replied_by = $4, updated_at = "
              "$5 WHERE id = $1",
              {notice_id, reply, on, p.user_id, core::now_iso()});
  audit(*conn, Actor::of(p),
        {"answer_notice",
         "task",
         std::to_string(row->i64(1)),
         row->text(5),
         before,
         {{"notice_id", notice_id}, {"reply", reply}, {"replied_on", on}}});
  auto out = notice_row_json(*notice_row(*conn, notice_id), core::today_local_date());
  tx.commit();
  return out;
}

nlohmann::json list_task_notices(store::Db& db, const Principal& p, const std::string& status,
                                 std::optional<int64_t> department_id, const std::string& region,
                                 std::optional<core::Date> as_of) {
  require(p, "task:read");
  if (!status.empty() && status != "open" && status != "overdue" && status != "answered") {
    throw bad_request("status", "筛选条件“status”应为 open、overdue 或 answered");
  }
  core::Date on = as_of ? *as_of : core::today_local_date();
  auto conn = db.acquire();
  store::SqlBuilder sql;
  std::string where = "(" + scope_condition(p, sql, "t.region_code") + ")";
  if (p.department_id) {
    where = "(" + where + " OR o.department_id = " + sql.bind(*p.department_id) + ")";
  }
  if (department_id) where += " AND o.department_id = " + sql.bind(*department_id);
  if (!region.empty()) {
    if (!region_exists(*conn, region)) throw bad_request("region", "区划代码不存在");
    where += " AND " + subtree_condition(sql, "t.region_code", region);
  }
  if (status == "answered") where += " AND o.reply IS NOT NULL";
  if (status == "open" || status == "overdue") where += " AND o.reply IS NULL";
  nlohmann::json items = nlohmann::json::array();
  for (const auto& r : store::query(*conn,
                                    std::string("SELECT ") + kNoticeColumns + kNoticeFrom +
                                        " WHERE " + where + " ORDER BY o.reply_due_on, o.id",
                                    sql.params())) {
    auto j = notice_row_json(r, on);
    if (status == "overdue" && j["status"] != "overdue") continue;
    items.push_back(std::move(j));
  }
  int64_t total = static_cast<int64_t>(items.size());
  return {{"items", items}, {"total", total}, {"as_of", on.to_iso()}};
}

nlohmann::json task_alerts(store::Db& db, const Principal& p, std::optional<int64_t> department_id,
                           std::optional<core::Date> as_of) {
  require(p, "task:read");
  if (!department_id) department_id = p.department_id;
  if (!department_id) throw bad_request("department_id", "请选择单位", "required");
  nlohmann::json dep;
  {
    auto conn = db.acquire();
    dep = department_brief(*conn, *department_id, "department_id");
  }
  if (!acts_for_department(p, *department_id, dep["region_code"])) {
    throw http::not_found("部门");
  }
  TaskQuery q;
  q.department_id = department_id;
  q.as_of = as_of;
  q.limit = 500;
  q.status = "overdue";
  auto overdue = list_tasks(db, p, q);
  q.status.clear();
  q.due_soon = true;
  auto due_soon = list_tasks(db, p, q);
  auto notices = list_task_notices(db, p, "open", department_id, "", as_of);
  return {{"department", dep},
          {"as_of", overdue["as_of"]},
          {"due_soon_days", core::kTaskDueSoonDays},
          {"overdue", overdue["items"]},
          {"due_soon", due_soon["items"]},
          {"notices", notices["items"]}};
}

}  // namespace guiyan::service
