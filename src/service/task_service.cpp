#include "service/task_service.h"

#include <algorithm>
#include <set>

#include "core/clock.h"
#include "core/task_status.h"
#include "http/api_error.h"
#include "http/json_body.h"
#include "service/audit.h"
#include "service/data_scope.h"
#include "service/indicator_catalogue.h"
#include "service/indicator_service.h"
#include "service/region_service.h"
#include "store/sql_builder.h"

namespace guiyan::service {
namespace {

using http::bad_request;

// The SELECT list (alias t) task_row_json reads.
const char* kTaskColumns =
    "t.id, t.region_code, t.year, t.number, t.content, t.deadline, t.deadline_text, "
    "t.indicator_code, t.indicator_target, t.done_on, t.done_note, t.notes, t.created_at, "
    "t.updated_at, COALESCE((SELECT r.name FROM region r WHERE r.code = t.region_code), ''), "
    "(SELECT MIN(n.noted_on) FROM task_note n WHERE n.task_id = t.id), (SELECT COUNT(*) FROM "
    "task_note n WHERE n.task_id = t.id), (SELECT COUNT(*) FROM task_notice o WHERE o.task_id = "
    "t.id AND o.reply IS NULL)";

nlohmann::json task_text_or_null(const std::optional<std::string>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json();
}

// The units of a task in the list's order: [{id,name,kind,region_code,role}].
nlohmann::json task_units_json(store::Conn& c, int64_t id) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& r : store::query(c,
                                    "SELECT d.id, d.name, d.kind, d.region_code, u.role FROM "
                                    "task_unit u JOIN department d ON d.id = u.department_id "
                                    "WHERE u.task_id = $1 ORDER BY u.position",
                                    {id})) {
    out.push_back({{"id", r.i64(0)},
                   {"name", r.text(1)},
                   {"kind", r.text(2)},
                   {"region_code", r.text(3)},
                   {"role", r.text(4)}});
  }
  return out;
}

// A task row with its units and its status on `on`.
nlohmann::json task_row_json(store::Conn& c, const store::Row& r, core::Date on) {
  int64_t id = r.i64(0);
  nlohmann::json j = {
      {"id", id},
      {"region_code", r.text(1)},
      {"region_name", r.text(14)},
      {"year", r.i64(2)},
      {"number", r.i64(3)},
      {"content", r.text(4)},
      {"deadline", r.text(5)},
      {"deadline_text", task_text_or_null(r.opt_text(6))},
      {"indicator_code", task_text_or_null(r.opt_text(7))},
      {"indicator_target", r.is_null(8) ? nlohmann::json() : nlohmann::json(r.f64(8))},
      // Filled by add_task_progress where a task is answered (not in the audit's form).
      {"progress", nullptr},
      {"done_on", task_text_or_null(r.opt_text(9))},
      {"done_note", task_text_or_null(r.opt_text(10))},
      {"notes", task_text_or_null(r.opt_text(11))},
      {"created_at", r.text(12)},
      {"updated_at", r.text(13)},
      {"note_count", r.i64(16)},
      {"open_notices", r.i64(17)}};
  core::TaskFacts facts{*core::Date::parse_iso(r.text(5)), std::nullopt, std::nullopt};
  if (auto d = r.opt_text(9)) facts.done_on = core::Date::parse_iso(*d);
  if (auto d = r.opt_text(15)) facts.first_note_on = core::Date::parse_iso(*d);
  auto s = core::task_status_on(facts, on);
  j["status"] = s.status;
  j["status_label"] = core::task_status_label(s.status);
  j["done_late"] = s.done_late;
  j["due_soon"] = s.due_soon;
  j["days_left"] = s.days_left;
  j["units"] = task_units_json(c, id);
  j["lead_unit"] = nullptr;
  for (const auto& u : j["units"]) {
    if (u["role"] == "lead") j["lead_unit"] = u;
  }
  return j;
}

// The linked indicator's actual for the task's region and year against the task's target.
void add_task_progress(store::Db& db, store::Conn& c, nlohmann::json& task) {
  if (!task["indicator_code"].is_string()) return;
  std::optional<double> target;
  if (task["indicator_target"].is_number()) target = task["indicator_target"].get<double>();
  task["progress"] = indicator_progress(db, c, task["indicator_code"], task["region_code"],
                                        task["year"].get<int>(), target);
}

// The task's row, or nullopt.
std::optional<store::Row> task_row(store::Conn& c, int64_t id) {
  return store::query_one(c, std::string("SELECT ") + kTaskColumns + " FROM task t WHERE t.id = $1",
                          {id});
}

// True when the account's department is one of the task's units (lead only when `lead_only`).
bool own_unit_of(store::Conn& c, const Principal& p, int64_t task_id, bool lead_only = false) {
  if (!p.department_id) return false;
  return store::query_one(c,
                          std::string("SELECT 1 FROM task_unit WHERE task_id = $1 AND "
                                      "department_id = $2") +
                              (lead_only ? " AND role = 'lead'" : ""),
                          {task_id, *p.department_id})
      .has_value();
}

// The task row when the account may see it; 404 otherwise.
store::Row visible_task(store::Conn& c, const Principal& p, int64_t id) {
  auto r = task_row(c, id);
  if (!r || !(in_scope(p, r->text(1)) || own_unit_of(c, p, id))) throw http::not_found("任务");
  return *r;
}

// What the audit log keeps of a task.
nlohmann::json task_audit_form(store::Conn& c, int64_t id) {
  auto j = task_row_json(c, *task_row(c, id), core::today_local_date());
  nlohmann::json out = nlohmann::json::object();
  for (const char* k : {"region_code", "year", "number", "content", "deadline", "deadline_text",
                        "indicator_code", "indicator_target", "done_on", "done_note", "notes"}) {
    out[k] = j[k];
  }
  nlohmann::json units = nlohmann::json::array();
  for (const auto& u : j["units"]) units.push_back({{"id", u["id"]}, {"role", u["role"]}});
  out["units"] = units;
  return out;
}

void audit_task(store::Conn& c, const Principal& p, const std::string& action, int64_t id,
                const std::string& region, nlohmann::json before, nlohmann::json after) {
  audit(c, Actor::of(p),
        {action, "task", std::to_string(id), region, std::move(before), std::move(after)});
}

// A dated body field: YYYY-MM-DD, default today, not in the future.
std::string task_body_date(http::JsonBody& b, const std::string& name, const std::string& label) {
  auto v = b.opt_str(name, label, 10);
  std::string today = core::today_local();
  if (!v) return today;
  if (!core::Date::parse_iso(*v)) throw bad_request(name, label + "应为日期，如 2025-04-30");
  if (*v > today) throw bad_request(name, label + "不能晚于今天");
  return *v;
}

// What a create or change of a task says: fields given, in checked form.
struct TaskInput {
  std::optional<int64_t> year, number, lead;
  std::optional<std::vector<int64_t>> responsible;
  std::optional<std::string> region, content, deadline, deadline_text, notes, indicator_code;
  bool has_target = false, has_indicator = false, has_notes = false;
  std::optional<double> indicator_target;
};

std::vector<int64_t> read_id_array(const nlohmann::json& v, const std::string& field,
                                   const std::string& label) {
  if (v.is_null()) return {};
  if (!v.is_array()) throw bad_request(field, label + "应为部门编号数组");
  std::vector<int64_t> out;
  for (const auto& x : v) {
    if (!x.is_number_integer()) throw bad_request(field, label + "应为部门编号数组");
    if (std::find(out.begin(), out.end(), x.get<int64_t>()) == out.end()) out.push_back(x);
  }
  return out;
}

TaskInput read_task_input(const nlohmann::json& body_in) {
  nlohmann::json rest = body_in;
  TaskInput in;
  if (rest.contains("responsible_department_ids")) {
    in.responsible =
        read_id_array(rest["responsible_department_ids"], "responsible_department_ids", "责任单位");
    rest.erase("responsible_department_ids");
  }
  if (rest.contains("indicator_target")) {
    in.has_target = true;
    const auto& v = rest["indicator_target"];
    if (!v.is_null() && !v.is_number()) {
      throw bad_request("indicator_target", "指标目标值应为数字");
    }
    if (v.is_number()) {
      in.indicator_target = v.get<double>();
      if (*in.indicator_target < 0) throw bad_request("indicator_target", "指标目标值不能为负数");
    }
    rest.erase("indicator_target");
  }
  http::JsonBody b(rest.dump());
  in.year = b.opt_int("year", "年度");
  if (in.year && (*in.year < 2000 || *in.year > 2100)) {
    throw bad_request("year", "年度应为2000至2100之间的年份");
  }
  in.number = b.opt_int("number", "序号");
  if (in.number && (*in.number < 1 || *in.number > 9999)) {
    throw bad_request("number", "序号应为1至9999之间的整数");
  }
  in.lead = b.opt_int("lead_department_id", "牵头单位");
  in.region = b.opt_str("region_code", "所属区划", 12);
  in.content = b.opt_str("content", "任务内容", 2000);
  in.deadline_text = b.opt_str("deadline", "完成时限", 20);
  if (in.deadline_text) {
    auto d = core::parse_task_deadline(*in.deadline_text);
    if (!d) {
      throw bad_request("deadline", "完成时限应为日期（如 2025-04-30）或月份（如 2025年4月）");
    }
    in.deadline = d->to_iso();
  }
  in.has_notes = b.has("notes");
  in.notes = b.opt_str("notes", "备注", 1000, true);
  in.has_indicator = b.has("indicator_code");
  in.indicator_code = b.opt_str("indicator_code", "关联指标", 50, true);
  if (in.indicator_code && in.indicator_code->empty()) in.indicator_code.reset();
  if (in.indicator_code && !find_indicator(*in.indicator_code)) {
    throw bad_request("indicator_code",
                      "关联指标不存在（见 GET /api/v1/indicators），如 new_ventures");
  }
  b.finish();
  return in;
}

// Checks the units (exist, distinct, in the task's region or below) and stores them.
void set_task_units(store::Conn& c, int64_t id, const std::string& region, int64_t lead,
                    const std::vector<int64_t>& responsible) {
  std::vector<std::pair<int64_t, std::string>> units = {{lead, "lead"}};
  for (int64_t d : responsible) {
    if (d != lead) units.emplace_back(d, "responsible");
  }
  store::exec(c, "DELETE FROM task_unit WHERE task_id = $1", {id});
  int position = 0;
  for (const auto& [d, role] : units) {
    std::string field = role == "lead" ? "lead_department_id" : "responsible_department_ids";
    auto dep = department_brief(c, d, field);
    if (!region_within(dep["region_code"].get<std::string>(), region)) {
      throw bad_request(field, "单位“" + dep["name"].get<std::string>() +
                                   "”不在任务所属区划内，不能作为" +
                                   (role == "lead" ? "牵头单位" : "责任单位"));
    }
    store::exec(c,
                "INSERT INTO task_unit (task_id, department_id, role, position) VALUES ($1, $2, "
                "$3, $4)",
                {id, d, role, ++position});
  }
}

// 409 when another task of the region's year has this number.
void check_task_number(store::Conn& c, const std::string& region, int64_t year, int64_t number,
                       std::optional<int64_t> self) {
  auto r = store::query_one(
      c, "SELECT id FROM task WHERE region_code = $1 AND year = $2 AND number = $3",
      {region, year, number});
  if (r && (!self || r->i64(0) != *self)) {
    throw http::ApiError(
        409, "duplicate",
        std::to_string(year) + "年任务清单中已有序号 " + std::to_string(number) + " 的任务",
        "number");
  }
}

nlohmann::json task_detail(store::Conn& c, const store::Row& row, core::Date on) {
  auto j = task_row_json(c, row, on);
  int64_t id = j["id"];
  nlohmann::json notes = nlohmann::json::array();
  for (const auto& r : store::query(c,
                                    "SELECT n.id, n.department_id, d.name, n.noted_on, n.content, "
                                    "COALESCE(u.display_name, ''), n.recorded_at FROM task_note n "
                                    "JOIN department d ON d.id = n.department_id LEFT JOIN "
                                    "app_user u ON u.id = n.recorded_by WHERE n.task_id = $1 "
                                    "ORDER BY n.noted_on DESC, n.id DESC",
                                    {id})) {
    notes.push_back({{"id", r.i64(0)},
                     {"department_id", r.i64(1)},
                     {"department_name", r.text(2)},
                     {"noted_on", r.text(3)},
                     {"content", r.text(4)},
                     {"recorded_by", r.text(5)},
                     {"recorded_at", r.text(6)}});
  }
  j["progress_notes"] = notes;
  return j;
}

core::Date as_of_or_today(std::optional<core::Date> as_of) {
  return as_of ? *as_of : core::today_local_date();
}

}  // namespace

std::optional<core::Date> date_param_value(const std::string& text, const std::string& field) {
  if (text.empty()) return std::nullopt;
  auto d = core::Date::parse_iso(text);
  if (!d) throw bad_request(field, "参数“" + field + "”应为日期，如 2025-04-30");
  return d;
}

nlohmann::json department_brief(store::Conn& c, int64_t id, const std::string& field) {
  auto r =
      store::query_one(c, "SELECT id, name, kind, region_code FROM department WHERE id = $1", {id});
  if (!r) throw bad_request(field, "部门编号 " + std::to_string(id) + " 不存在");
  return {
      {"id", r->i64(0)}, {"name", r->text(1)}, {"kind", r->text(2)}, {"region_code", r->text(3)}};
}

bool acts_for_department(const Principal& p, int64_t id, const std::string& region) {
  return (p.department_id && *p.department_id == id) || in_scope(p, region);
}

nlohmann::json list_tasks(store::Db& db, const Principal& p, const TaskQuery& q) {
  require(p, "task:read");
  if (!q.status.empty() && core::task_status_label(q.status).empty()) {
    throw bad_request("status", "筛选条件“status”的取值不正确");
  }
  auto conn = db.acquire();
  core::Date on = as_of_or_today(q.as_of);
  store::SqlBuilder sql;
  std::string where = "(" + scope_condition(p, sql, "t.region_code") + ")";
  if (p.department_id) {
    where = "(" + where +
            " OR t.id IN (SELECT u.task_id FROM task_unit u WHERE u.department_id = " +
            sql.bind(*p.department_id) + "))";
  }
  if (q.year) where += " AND t.year = " + sql.bind(*q.year);
  if (!q.region.empty()) {
    if (!region_exists(*conn, q.region)) throw bad_request("region", "区划代码不存在");
    where += " AND " + subtree_condition(sql, "t.region_code", q.region);
  }
  if (q.department_id) {
    where += " AND t.id IN (SELECT u.task_id FROM task_unit u WHERE u.department_id = " +
             sql.bind(*q.department_id) + ")";
  }
  nlohmann::json items = nlohmann::json::array();
  nlohmann::json counts = {
      {"not_started", 0}, {"in_progress", 0}, {"done", 0}, {"overdue", 0}, {"due_soon", 0}};
  int64_t total = 0;
  for (const auto& r : store::query(*conn,
                                    std::string("SELECT ") + kTaskColumns + " FROM task t WHERE " +
                                        where + " ORDER BY t.year DESC, t.region_code, t.number",
                                    sql.params())) {
    auto j = task_row_json(*conn, r, on);
    add_task_progress(db, *conn, j);
    counts[j["status"].get<std::string>()] = counts[j["status"].get<std::string>()].get<int>() + 1;
    if (j["due_soon"].get<bool>()) counts["due_soon"] = counts["due_soon"].get<int>() + 1;
    if (!q.status.empty() && j["status"] != q.status) continue;
    if (q.due_soon && j["due_soon"].get<bool>() != *q.due_soon) continue;
    if (total >= q.offset && total < q.offset + q.limit) items.push_back(std::move(j));
    ++total;
  }
  return {{"items", items}, {"total", total}, {"counts", counts}, {"as_of", on.to_iso()}};
}

nlohmann::json get_task_api(store::Db& db, const Principal& p, int64_t id,
                            std::optional<core::Date> as_of) {
  require(p, "task:read");
  auto conn = db.acquire();
  auto row = visible_task(*conn, p, id);
  auto j = task_detail(*conn, row, as_of_or_today(as_of));
  add_task_progress(db, *conn, j);
  j["notices"] = task_notices_of(*conn, id, as_of_or_today(as_of));
  return j;
}

nlohmann::json create_task_api(store::Db& db, const Principal& p, const nlohmann::json& body) {
  require(p, "task:write");
  auto in = read_task_input(body);
  if (!in.year) throw bad_request("year", "缺少必填字段“年度”", "required");
  if (!in.content) throw bad_request("content", "缺少必填字段“任务内容”", "required");
  if (!in.deadline) throw bad_request("deadline", "缺少必填字段“完成时限”", "required");
  if (!in.lead) throw bad_request("lead_department_id", "缺少必填字段“牵头单位”", "required");
  if (in.indicator_target && !in.indicator_code) {
    throw bad_request("indicator_code", "填写指标目标值时需同时选择关联指标", "required");
  }
  std::string region = in.region.value_or(p.region_code);
  auto conn = db.acquire();
  if (!region_exists(*conn, region)) throw bad_request("region_code", "所属区划代码不存在");
  if (!in_scope(p, region)) {
    throw bad_request("region_code", "所选区划不在您的数据范围内", "out_of_scope");
  }
  store::Tx tx(*conn);
  int64_t number = in.number ? *in.number
                             : store::query_int(*conn,
                                                "SELECT COALESCE(MAX(number), 0) + 1 FROM task "
                                                "WHERE region_code = $1 AND year = $2",
                                                {region, *in.year});
  check_task_number(*conn, region, *in.year, number, std::nullopt);
  std::string now = core::now_iso();
  int64_t id = store::query_int(
      *conn,
      "INSERT INTO task (region_code, year, number, content, deadline, deadline_text, "
      "indicator_code, indicator_target, notes, created_by, created_at, updated_at) VALUES ($1, "
      "$2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) RETURNING id",
      {region, *in.year, number, *in.content, *in.deadline, *in.deadline_text,
       store::nullable(in.indicator_code), store::nullable(in.indicator_target),
       store::nullable(in.notes), p.user_id, now});
  set_task_units(*conn, id, region, *in.lead, in.responsible.value_or(std::vector<int64_t>{}));
  audit_task(*conn, p, "create", id, region, nullptr, task_audit_form(*conn, id));
  auto out = task_detail(*conn, *task_row(*conn, id), core::today_local_date());
  add_task_progress(db, *conn, out);
  out["notices"] = nlohmann::json::array();
  tx.commit();
  return out;
}

nlohmann::json update_task_api(store::Db& db, const Principal& p, int64_t id,
                               const nlohmann::json& body) {
  require(p, "task:write");
  auto in = read_task_input(body);
  if (in.region) throw bad_request("region_code", "任务的所属区划不能修改");
  {
    auto conn = db.acquire();
    store::Tx tx(*conn);
    auto row = visible_task(*conn, p, id);
    std::string region = row.text(1);
    if (!in_scope(p, region)) throw http::forbidden();
    auto before = task_audit_form(*conn, id);
    int64_t year = in.year.value_or(row.i64(2));
    int64_t number = in.number.value_or(row.i64(3));
    if (in.year || in.number) check_task_number(*conn, region, year, number, id);
    std::optional<std::string> code = in.has_indicator ? in.indicator_code : row.opt_text(7);
    std::optional<double> target = in.has_target    ? in.indicator_target
                                   : row.is_null(8) ? std::nullopt
                                                    : std::optional<double>(row.f64(8));
    if (!code) {
      if (in.has_target && target) {
        throw bad_request("indicator_code", "填写指标目标值时需同时选择关联指标", "required");
      }
      target.reset();  // no indicator, no target
    }
    store::exec(
        *conn,
        "UPDATE task SET year = $2, number = $3, content = $4, deadline = $5, "
        "deadline_text = $6, indicator_code = $7, indicator_target = $8, notes = $9, "
        "updated_at = $10 WHERE id = $1",
        {id, year, number, in.content.value_or(row.text(4)), in.deadline.value_or(row.text(5)),
         in.deadline_text ? store::Value{*in.deadline_text} : store::nullable(row.opt_text(6)),
         store::nullable(code), store::nullable(target),
         in.has_notes ? store::nullable(in.notes) : store::nullable(row.opt_text(11)),
         core::now_iso()});
    if (in.lead || in.responsible) {
      auto units = task_units_json(*conn, id);
      int64_t lead = in.lead.value_or(units[0]["id"].get<int64_t>());
      std::vector<int64_t> responsible;
      if (in.responsible) {
        responsible = *in.responsible;
      } else {
        for (const auto& u : units) {
          if (u["role"] == "responsible") responsible.push_back(u["id"]);
        }
      }
      set_task_units(*conn, id, region, lead, responsible);
    }
    auto after = task_audit_form(*conn, id);
    if (after != before) audit_task(*conn, p, "update", id, region, before, after);
    tx.commit();
  }
  return get_task_api(db, p, id, std::nullopt);
}

void delete_task_api(store::Db& db, const Principal& p, int64_t id) {
  require(p, "task:write");
  auto conn = db.acquire();
  store::Tx tx(*conn);
  auto row = visible_task(*conn, p, id);
  if (!in_scope(p, row.text(1))) throw http::forbidden();
  auto before = task_audit_form(*conn, id);
  store::exec(*conn, "DELETE FROM task_notice WHERE task_id = $1", {id});
  store::exec(*conn, "DELETE FROM task_note WHERE task_id = $1", {id});
  store::exec(*conn, "DELETE FROM task_unit WHERE task_id = $1", {id});
  store::exec(*conn, "DELETE FROM task WHERE id = $1", {id});
  audit_task(*conn, p, "delete", id, row.text(1), before, nullptr);
  tx.commit();
}

nlohmann::json add_task_note_api(store::Db& db, const Principal& p, int64_t id,
                                 const nlohmann::json& body_in) {
  require(p, "task:write");
  http::JsonBody b(body_in.dump());
  std::string content = b.str("content", "工作进展", 2000);
  std::string on = task_body_date(b, "noted_on", "进展日期");
  auto dep = b.opt_int("department_id", "填报单位");
  b.finish();
  {
    auto conn = db.acquire();
    store::Tx tx(*conn);
    auto row = visible_task(*conn, p, id);
    if (!dep) dep = p.department_id;
    if (!dep) throw bad_request("department_id", "请选择填报单位", "required");
    auto unit = department_brief(*conn, *dep, "department_id");
    if (!store::query_one(*conn,
                          "SELECT 1 FROM task_unit WHERE task_id = $1 AND department_id = $2",
                          {id, *dep})) {
      throw bad_request("department_id",
                        "“" + unit["name"].get<std::string>() + "”不是该任务的牵头或责任单位");
    }
    if (!acts_for_department(p, *dep, unit["region_code"]) && !in_scope(p, row.text(1))) {
      throw bad_request("department_id", "只能填报本单位的工作进展", "out_of_scope");
    }
    int64_t note = store::query_int(
        *conn,
        "INSERT INTO task_note (task_id, department_id, noted_on, content, recorded_by, "
        "recorded_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        {id, *dep, on, content, p.user_id, core::now_iso()});
    store::exec(*conn, "UPDATE task SET updated_at = $2 WHERE id = $1", {id, core::now_iso()});
    audit_task(
        *conn, p, "add_note", id, row.text(1), nullptr,
        {{"note_id", note}, {"department_id", *dep}, {"noted_on", on}, {"content", content}});
    tx.commit();
  }
  return get_task_api(db, p, id, std::nullopt);
}

nlohmann::json mark_task_done_api(store::Db& db, const Principal& p, int64_t id,
                                  const nlohmann::json& body_in) {
  require(p, "task:write");
  http::JsonBody b(body_in.dump());
  std::string on = task_body_date(b, "done_on", "完成日期");
  auto note = b.opt_str("note", "完成情况", 1000);
  b.finish();
  {
    auto conn = db.acquire();
    store::Tx tx(*conn);
    auto row = visible_task(*conn, p, id);
    if (!in_scope(p, row.text(1)) && !own_unit_of(*conn, p, id, true)) throw http::forbidden();
    if (!row.is_null(9)) {
      throw http::ApiError(409, "already_done", "该任务已于 " + row.text(9) + " 标记完成");
    }
    store::exec(*conn,
                "UPDATE task SET done_on = $2, done_note = $3, done_by = $4, updated_at = $5 "
                "WHERE id = $1",
                {id, on, store::nullable(note), p.user_id, core::now_iso()});
    audit_task(*conn, p, "mark_done", id, row.text(1), nullptr,
               {{"done_on", on}, {"note", task_text_or_null(note)}});
    tx.commit();
  }
  return get_task_api(db, p, id, std::nullopt);
}

nlohmann::json undo_task_done_api(store::Db& db, const Principal& p, int64_t id) {
  require(p, "task:write");
  {
    auto conn = db.acquire();
    store::Tx tx(*conn);
    auto row = visible_task(*conn, p, id);
    if (!in_scope(p, row.text(1)) && !own_unit_of(*conn, p, id, true)) throw http::forbidden();
    if (row.is_null(9)) throw http::ApiError(409, "not_done", "该任务尚未标记完成");
    store::exec(*conn,
                "UPDATE task SET done_on = NULL, done_note = NULL, done_by = NULL, updated_at = "
                "$2 WHERE id = $1",
                {id, core::now_iso()});
    audit_task(*conn, p, "undo_done", id, row.text(1),
               {{"done_on", row.text(9)}, {"note", task_text_or_null(row.opt_text(10))}}, nullptr);
    tx.commit();
  }
  return get_task_api(db, p, id, std::nullopt);
}

}  // namespace guiyan::service
