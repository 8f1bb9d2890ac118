#include "service/quarterly_report_service.h"

#include <set>

#include "core/clock.h"
#include "core/report_window.h"
#include "http/api_error.h"
#include "http/json_body.h"
#include "service/audit.h"
#include "service/data_scope.h"
#include "service/ledger_file.h"
#include "service/region_filter.h"
#include "service/region_service.h"
#include "service/task_service.h"
#include "store/sql_builder.h"

namespace guiyan::service {
namespace {

using http::bad_request;

nlohmann::json report_text_or_null(const std::optional<std::string>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json();
}

// The joint-meeting office of `region` or of the nearest region above it, or null.
nlohmann::json joint_office_for(store::Conn& c, std::string region) {
  while (!region.empty()) {
    if (auto r = store::query_one(c,
                                  "SELECT id FROM department WHERE kind = 'joint_office' AND "
                                  "region_code = $1 ORDER BY id LIMIT 1",
                                  {region})) {
      return department_brief(c, r->i64(0), "department_id");
    }
    auto parent = store::query_one(c, "SELECT parent_code FROM region WHERE code = $1", {region});
    region = parent && !parent->is_null(0) ? parent->text(0) : std::string();
  }
  return nullptr;
}

core::ReportWindow checked_window(int64_t year, int64_t quarter) {
  if (year < 2000 || year > 2100) throw bad_request("year", "年度应为2000至2100之间的年份");
  auto w = core::report_window(static_cast<int>(year), static_cast<int>(quarter));
  if (!w) throw bad_request("quarter", "季度应为1至4");
  return *w;
}

nlohmann::json window_json(const core::ReportWindow& w) {
  return {{"year", w.year},
          {"quarter", w.quarter},
          {"label", core::quarter_label(w.year, w.quarter)},
          {"opens_on", w.opens_on.to_iso()},
          {"due_on", w.due_on.to_iso()}};
}

std::string report_body_date(http::JsonBody& b, const std::string& name, const std::string& label) {
  auto v = b.opt_str(name, label, 10);
  std::string today = core::today_local();
  if (!v) return today;
  if (!core::Date::parse_iso(*v)) throw bad_request(name, label + "应为日期，如 2025-03-31");
  if (*v > today) throw bad_request(name, label + "不能晚于今天");
  return *v;
}

// The unit's report of the quarter as JSON, or null.
nlohmann::json report_of(store::Conn& c, int64_t department_id, int64_t year, int64_t quarter) {
  auto r = store::query_one(c,
                            "SELECT q.id, q.progress, q.problems, q.experience, q.filed_on, "
                            "q.filed_at, COALESCE(u.display_name, ''), q.updated_at FROM "
                            "quarterly_report q LEFT JOIN app_user u ON u.id = q.filed_by WHERE "
                            "q.department_id = $1 AND q.year = $2 AND q.quarter = $3",
                            {department_id, year, quarter});
  if (!r) return nullptr;
  return {{"id", r->i64(0)},
          {"progress", r->text(1)},
          {"problems", report_text_or_null(r->opt_text(2))},
          {"experience", report_text_or_null(r->opt_text(3))},
          {"filed_on", r->text(4)},
          {"filed_at", r->text(5)},
          {"filed_by", r->text(6)},
          {"updated_at", r->text(7)}};
}

void put_timeliness(nlohmann::json& j, const core::ReportWindow& w, const nlohmann::json& report,
                    core::Date on) {
  std::optional<core::Date> filed;
  if (!report.is_null()) filed = core::Date::parse_iso(report["filed_on"].get<std::string>());
  auto t = core::report_timeliness(w, filed, on);
  j["timeliness"] = t.status;
  j["timeliness_label"] = core::report_timeliness_label(t.status);
  j["days_late"] = t.days_late;
  j["late"] = t.status == "late";
}

// The reporting line of a department: {lead_department_id, lead_department_name, region_code}
// or nullopt when it is no member unit.
std::optional<store::Row> line_of(store::Conn& c, int64_t department_id) {
  return store::query_one(c,
                          "SELECT l.lead_department_id, d.name, l.region_code FROM report_line "
                          "l JOIN department d ON d.id = l.lead_department_id WHERE "
                          "l.department_id = $1",
                          {department_id});
}

bool quarter_compiled(store::Conn& c, int64_t lead, int64_t year, int64_t quarter) {
  return store::query_one(c,
                          "SELECT 1 FROM report_compilation WHERE lead_department_id = $1 AND "
                          "year = $2 AND quarter = $3",
                          {lead, year, quarter})
      .has_value();
}

// The quarter's sheet, computed on a connection (for the API, the export and the page).
nlohmann::json quarter_sheet(store::Conn& c, const Principal& p, const QuarterQuery& q) {
  auto w = checked_window(q.year, q.quarter);
  core::Date on = q.as_of ? *q.as_of : core::today_local_date();
  std::string region = q.region.empty() ? p.region_code : q.region;
  store::SqlBuilder sql;
  std::string where;
  if (q.lead_department_id) {
    auto lead = department_brief(c, *q.lead_department_id, "lead_department_id");
    if (!acts_for_department(p, *q.lead_department_id, lead["region_code"])) {
      throw http::not_found("牵头单位");
    }
    where = "l.lead_department_id = " + sql.bind(*q.lead_department_id);
    if (!q.region.empty()) where += " AND " + subtree_condition(sql, "l.region_code", region);
  } else {
    if (!region_exists(c, region)) throw bad_request("region", "区划代码不存在");
    if (!in_scope(p, region)) throw http::not_found("区划");
    where = subtree_condition(sql, "l.region_code", region);
  }
  nlohmann::json items = nlohmann::json::array();
  nlohmann::json counts = {{"members", 0}, {"filed", 0},   {"on_time", 0}, {"early", 0},
                           {"late", 0},    {"missing", 0}, {"open", 0},    {"not_due", 0}};
  std::set<int64_t> leads;
  for (const auto& r : store::query(c,
                                    "SELECT l.department_id, d.name, d.kind, d.region_code, "
                                    "l.lead_department_id, ld.name FROM report_line l JOIN "
                                    "department d ON d.id = l.department_id JOIN department ld "
                                    "ON ld.id = l.lead_department_id WHERE " +
                                        where + " ORDER BY ld.id, d.region_code, d.id",
                                    sql.params())) {
    int64_t dep = r.i64(0);
    nlohmann::json j = {{"department_id", dep},           {"department_name", r.text(1)},
                        {"department_kind", r.text(2)},   {"region_code", r.text(3)},
                        {"lead_department_id", r.i64(4)}, {"lead_department_name", r.text(5)}};
    leads.insert(r.i64(4));
    j["report"] = report_of(c, dep, q.year, q.quarter);
    put_timeliness(j, w, j["report"], on);
    nlohmann::json reminders = nlohmann::json::array();
    for (const auto& m : store::query(c,
                                      "SELECT sent_on, message FROM report_reminder WHERE "
                                      "department_id = $1 AND year = $2 AND quarter = $3 ORDER "
                                      "BY sent_on, id",
                                      {dep, q.year, q.quarter})) {
      reminders.push_back(
          {{"sent_on", m.text(0)}, {"message", report_text_or_null(m.opt_text(1))}});
    }
    j["reminders"] = reminders;
    counts["members"] = counts["members"].get<int>() + 1;
    if (!j["report"].is_null()) counts["filed"] = counts["filed"].get<int>() + 1;
    std::string t = j["timeliness"];
    counts[t] = counts[t].get<int>() + 1;
    items.push_back(std::move(j));
  }
  nlohmann::json compilations = nlohmann::json::array();
  for (int64_t lead : leads) {
    auto r = store::query_one(c,
                              "SELECT c.id, c.lead_department_id, d.name, c.content, "
                              "c.compiled_on, COALESCE(u.display_name, ''), c.compiled_at FROM "
                              "report_compilation c JOIN department d ON d.id = "
                              "c.lead_department_id LEFT JOIN app_user u ON u.id = c.compiled_by "
                              "WHERE c.lead_department_id = $1 AND c.year = $2 AND c.quarter = $3",
                              {lead, q.year, q.quarter});
    if (!r) continue;
    compilations.push_back({{"id", r->i64(0)},
                            {"lead_department_id", r->i64(1)},
                            {"lead_department_name", r->text(2)},
                            {"content", r->text(3)},
                            {"compiled_on", r->text(4)},
                            {"compiled_by", r->text(5)},
                            {"compiled_at", r->text(6)}});
  }
  return {{"window", window_json(w)},
          {"as_of", on.to_iso()},
          {"region_code", region},
          {"region_name", region_name(c, region).value_or("")},
          {"items", items},
          {"counts", counts},
          {"compilations", compilations}};
}

// Minimal HTML escaping for the printable page.
std::string html_escape(const std::string& s) {
  std::string out;
  for (char ch : s) {
    switch (ch) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += ch;
    }
  }
  return out;
}

std::string text_cell(const nlohmann::json& v) {
  return v.is_string() ? v.get<std::string>() : std::string();
}

}  // namespace

nlohmann::json list_report_lines(store::Db& db, const Principal& p, const std::string& region_in) {
  require(p, "report:read");
  std::string region = region_in.empty() ? p.region_code : region_in;
  auto conn = db.acquire();
  if (!region_in.empty()) {
    check_region_filter(db, *conn, p, region_in);
  } else if (!region_exists(*conn, region)) {
    throw bad_request("region", "区划代码不存在");
  }
  store::SqlBuilder sql;
  std::string where = "(" + scope_condition(p, sql, "l.region_code") + ") AND " +
                      subtree_condition(sql, "l.region_code", region);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& r : store::query(*conn,
                                    "SELECT l.department_id, d.name, d.kind, d.region_code, "
                                    "l.lead_department_id, ld.name, l.region_code FROM "
                                    "report_line l JOIN department d ON d.id = l.department_id "
                                    "JOIN department ld ON ld.id = l.lead_department_id WHERE " +
                                        where + " ORDER BY ld.id, d.region_code, d.id",
                                    sql.params())) {
    items.push_back({{"department_id", r.i64(0)},
                     {"department_name", r.text(1)},
                     {"department_kind", r.text(2)},
                     {"department_region_code", r.text(3)},
                     {"lead_department_id", r.i64(4)},
                     {"lead_department_name", r.text(5)},
                     {"region_code", r.text(6)}});
  }
  return {{"items", items}, {"joint_office", joint_office_for(*conn, region)}};
}

nlohmann::json set_report_line_api(store::Db& db, const Principal& p, int64_t id,
                                   const nlohmann::json& body_in) {
  require(p, "task:supervise");
  http::JsonBody b(body_in.dump());
  auto lead_id = b.opt_int("lead_department_id", "牵头单位");
  b.finish();
  auto conn = db.acquire();
  store::Tx tx(*conn);
  auto member = department_brief(*conn, id, "department_id");
  std::string member_region = member["region_code"];
  if (!in_scope(p, member_region)) throw http::not_found("部门");
  auto office = joint_office_for(*conn, member_region);
  nlohmann::json lead;
  if (lead_id) {
    lead = department_brief(*conn, *lead_id, "lead_department_id");
  } else if (!office.is_null()) {
    lead = office;
  } else {
    throw bad_request("lead_department_id",
                      "本地区尚未设立联席会议办公室，请先在部门管理中新增（类型：联席会议办公室），"
                      "或指定牵头单位");
  }
  if (lead["id"] == id) throw bad_request("lead_department_id", "成员单位不能向本单位报送");
  std::string region = office.is_null() ? lead["region_code"].get<std::string>()
                                        : office["region_code"].get<std::string>();
  if (!region_within(member_region, region)) {
    throw bad_request("department_id", "该单位不在联席会议所在区划内");
  }
  if (!in_scope(p, region)) throw bad_request("department_id", "该联席会议不在您的数据范围内");
  auto old = line_of(*conn, id);
  nlohmann::json before =
      old ? nlohmann::json{{"lead_department_id", old->i64(0)}, {"region_code", old->text(2)}}
          : nlohmann::json();
  store::exec(*conn, "DELETE FROM report_line WHERE department_id = $1", {id});
  store::exec(*conn,
              "INSERT INTO report_line (department_id, lead_department_id, region_code, "
              "created_by, created_at) VALUES ($1, $2, $3, $4, $5)",
              {id, lead["id"].get<int64_t>(), region, p.user_id, core::now_iso()});
  nlohmann::json after = {{"lead_department_id", lead["id"]}, {"region_code", region}};
  audit(*conn, Actor::of(p),
        {"set_report_line", "department", std::to_string(id), region, before, after});
  tx.commit();
  return {{"department_id", id},
          {"department_name", member["name"]},
          {"lead_department_id", lead["id"]},
          {"lead_department_name", lead["name"]},
          {"region_code", region}};
}

void delete_report_line_api(store::Db& db, const Principal& p, int64_t id) {
  require(p, "task:supervise");
  auto conn = db.acquire();
  store::Tx tx(*conn);
  auto old = line_of(*conn, id);
  if (!old || !in_scope(p, old->text(2))) throw http::not_found("报送关系");
  store::exec(*conn, "DELETE FROM report_line WHERE department_id = $1", {id});
  audit(*conn, Actor::of(p),
        {"delete_report_line",
         "department",
         std::to_string(id),
         old->text(2),
         {{"lead_department_id", old->i64(0)}, {"region_code", old->text(2)}},
         nullptr});
  tx.commit();
}

nlohmann::json quarter_reports_api(store::Db& db, const Principal& p, const QuarterQuery& q) {
  require(p, "report:read");
  auto conn = db.acquire();
  return quarter_sheet(*conn, p, q);
}

nlohmann::json unit_report_api(store::Db& db, const Principal& p,
                               std::optional<int64_t> department_id, int64_t year, int64_t quarter,
                               std::optional<core::Date> as_of) {
  require(p, "report:read");
  auto w = checked_window(year, quarter);
  if (!department_id) department_id = p.department_id;
  if (!department_id) throw bad_request("department_id", "请选择单位", "required");
  auto conn = db.acquire();
  auto dep = department_brief(*conn, *department_id, "department_id");
  if (!acts_for_department(p, *department_id, dep["region_code"])) throw http::not_found("部门");
  auto line = line_of(*conn, *department_id);
  nlohmann::json j = {{"department", dep},
                      {"member", line.has_value()},
                      {"lead", line ? nlohmann::json{{"id", line->i64(0)}, {"name", line->text(1)}}
                                    : nlohmann::json()},
                      {"window", window_json(w)},
                      {"as_of", (as_of ? *as_of : core::today_local_date()).to_iso()}};
  j["report"] = report_of(*conn, *department_id, year, quarter);
  put_timeliness(j, w, j["report"], as_of ? *as_of : core::today_local_date());
  j["compiled"] = line && quarter_compiled(*conn, line->i64(0), year, quarter);
  return j;
}

nlohmann::json file_report_api(store::Db& db, const Principal& p, const nlohmann::json& body_in,
                               bool* created) {
  require(p, "report:write");
  http::JsonBody b(body_in.dump());
  auto year = b.opt_int("year", "年度");
  auto quarter = b.opt_int("quarter", "季度");
  auto dep_id = b.opt_int("department_id", "报送单位");
  std::string progress = b.str("progress", "工作推进情况", 5000);
  auto problems = b.opt_str("problems", "存在主要问题", 5000);
  auto experience = b.opt_str("experience", "典型经验做法", 5000);
  std::string filed_on = report_body_date(b, "filed_on", "报送日期");
  b.finish();
  if (!year) throw bad_request("year", "缺少必填字段“年度”", "required");
  if (!quarter) throw bad_request("quarter", "缺少必填字段“季度”", "required");
  auto w = checked_window(*year, *quarter);
  if (!dep_id) dep_id = p.department_id;
  if (!dep_id) throw bad_request("department_id", "请选择报送单位", "required");
  auto conn = db.acquire();
  store::Tx tx(*conn);
  auto dep = department_brief(*conn, *dep_id, "department_id");
  if (!acts_for_department(p, *dep_id, dep["region_code"])) {
    throw bad_request("department_id", "只能报送本单位的季度信息", "out_of_scope");
  }
  auto line = line_of(*conn, *dep_id);
  if (!line) {
    throw bad_request("department_id",
                      "“" + dep["name"].get<std::string>() +
                          "”不是联席会议成员单位，请联系联席会议办公室设置报送关系");
  }
  // A report of a quarter that has not begun is a typing error.
  core::Date quarter_start{static_cast<int>(*year), static_cast<int>(*quarter) * 3 - 2, 1};
  if (*core::Date::parse_iso(filed_on) < quarter_start) {
    throw bad_request("filed_on", "报送日期不能早于该季度开始（" + quarter_start.to_iso() + "）");
  }
  if (quarter_compiled(*conn, line->i64(0), *year, *quarter)) {
    throw http::ApiError(409, "compiled",
                         "牵头单位“" + line->text(1) + "”已汇总" +
                             core::quarter_label(w.year, w.quarter) + "信息，不能再修改");
  }
  auto before = report_of(*conn, *dep_id, *year, *quarter);
  std::string now = core::now_iso();
  if (before.is_null()) {
    store::exec(*conn,
                "INSERT INTO quarterly_report (department_id, year, quarter, progress, problems, "
                "experience, filed_on, filed_at, filed_by, updated_at) VALUES ($1, $2, $3, $4, "
                "$5, $6, $7, $8, $9, $8)",
                {*dep_id, *year, *quarter, progress, store::nullable(problems),
                 store::nullable(experience), filed_on, now, p.user_id});
  } else {
    store::exec(*conn,
                "UPDATE quarterly_report SET progress = $2, problems = $3, experience = $4, "
                "updated_at = $5 WHERE id = $1",
                {before["id"].get<int64_t>(), progress, store::nullable(problems),
                 store::nullable(experience), now});
  }
  *created = before.is_null();
  auto after = report_of(*conn, *dep_id, *year, *quarter);
  audit(*conn, Actor::of(p),
        {*created ? "file_report" : "edit_report",
         "department",
         std::to_string(*dep_id),
         dep["region_code"].get<std::string>(),
         before,
         {{"year", *year}, {"quarter", *quarter}, {"report", after}}});
  tx.commit();
  conn.reset();  // back to the pool before the answer is read on a connection of its own
  return unit_report_api(db, p, dep_id, *year, *quarter, std::nullopt);
}

nlohmann::json compile_reports_api(store::Db& db, const Principal& p,
                                   const nlohmann::json& body_in) {
  require(p, "report:write");
  http::JsonBody b(body_in.dump());
  auto year = b.opt_int("year", "年度");
  auto quarter = b.opt_int("quarter", "季度");
  auto lead_id = b.opt_int("lead_department_id", "牵头单位");
  std::string content = b.str("content", "汇总内容", 20000);
  std::string on = report_body_date(b, "compiled_on", "汇总日期");
  b.finish();
  if (!year) throw bad_request("year", "缺少必填字段“年度”", "required");
  if (!quarter) throw bad_request("quarter", "缺少必填字段“季度”", "required");
  checked_window(*year, *quarter);
  if (!lead_id) lead_id = p.department_id;
  if (!lead_id) throw bad_request("lead_department_id", "请选择牵头单位", "required");
  auto conn = db.acquire();
  store::Tx tx(*conn);
  auto lead = department_brief(*conn, *lead_id, "lead_department_id");
  if (!acts_for_department(p, *lead_id, lead["region_code"])) {
    throw bad_request("lead_department_id", "只能汇总本单位牵头的信息", "out_of_scope");
  }
  if (!store::query_one(*conn, "SELECT 1 FROM report_line WHERE lead_department_id = $1",
                        {*lead_id})) {
    throw bad_request("lead_department_id",
                      "“" + lead["name"].get<std::string>() + "”没有向其报送的成员单位");
  }
  auto old = store::query_one(*conn,
                              "SELECT content, compiled_on FROM report_compilation WHERE "
                              "lead_department_id = $1 AND year = $2 AND quarter = $3",
                              {*lead_id, *year, *quarter});
  store::exec(*conn,
              "DELETE FROM report_compilation WHERE lead_department_id = $1 AND year = $2 AND "
              "quarter = $3",
              {*lead_id, *year, *quarter});
  std::string now = core::now_iso();
  int64_t id = store::query_int(
      *conn,
      "INSERT INTO report_compilation (lead_department_id, year, quarter, content, compiled_on, "
      "compiled_by, compiled_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
      {*lead_id, *year, *quarter, content, on, p.user_id, now});
  audit(*conn, Actor::of(p),
        {"compile_reports",
         "department",
         std::to_string(*lead_id),
         lead["region_code"].get<std::string>(),
         old ? nlohmann::json{{"content", old->text(0)}, {"compiled_on", old->text(1)}}
             : nlohmann::json(),
         {{"year", *year}, {"quarter", *quarter}, {"content", content}, {"compiled_on", on}}});
  tx.commit();
  return {{"id", id},
          {"lead_department_id", *lead_id},
          {"lead_department_name", lead["name"]},
          {"year", *year},
          {"quarter", *quarter},
          {"content", content},
          {"compiled_on", on},
          {"compiled_at", now}};
}

nlohmann::json send_report_reminders_api(store::Db& db, const Principal& p,
                                         const nlohmann::json& body_in) {
  require(p, "task:supervise");
  http::JsonBody b(body_in.dump());
  QuarterQuery q;
  auto year = b.opt_int("year", "年度");
  auto quarter = b.opt_int("quarter", "季度");
  q.region = b.opt_str("region", "区划", 12).value_or("");
  auto message = b.opt_str("message", "催报内容", 500);
  std::string on = report_body_date(b, "sent_on", "催报日期");
  b.finish();
  if (!year) throw bad_request("year", "缺少必填字段“年度”", "required");
  if (!quarter) throw bad_request("quarter", "缺少必填字段“季度”", "required");
  q.year = *year;
  q.quarter = *quarter;
  q.as_of = core::Date::parse_iso(on);
  auto conn = db.acquire();
  store::Tx tx(*conn);
  auto sheet = quarter_sheet(*conn, p, q);
  nlohmann::json items = nlohmann::json::array();
  std::string now = core::now_iso();
  const auto& rows = sheet["items"];
  for (const auto& it : rows) {
    if (!it["report"].is_null()) continue;
    store::exec(*conn,
                "INSERT INTO report_reminder (region_code, department_id, year, quarter, sent_on, "
                "message, sent_by, sent_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                {sheet["region_code"].get<std::string>(), it["department_id"].get<int64_t>(), *year,
                 *quarter, on, store::nullable(message), p.user_id, now});
    items.push_back({{"department_id", it["department_id"]},
                     {"department_name", it["department_name"]},
                     {"sent_on", on}});
  }
  audit(*conn, Actor::of(p),
        {"remind_reports",
         "region",
         sheet["region_code"].get<std::string>(),
         sheet["region_code"].get<std::string>(),
         nullptr,
         {{"year", *year}, {"quarter", *quarter}, {"sent_on", on}, {"units", items}}});
  tx.commit();
  int64_t count = static_cast<int64_t>(items.size());
  return {{"items", items}, {"count", count}};
}

std::string export_quarter_reports(store::Db& db, const Principal& p, const QuarterQuery& q) {
  require(p, "report:read");
  nlohmann::json sheet;
  {
    auto conn = db.acquire();
    sheet = quarter_sheet(*conn, p, q);
  }
  using CK = io::CellKind;
  LedgerFile file("xlsx", core::quarter_label(q.year, q.quarter) + "信息报送",
                  {"序号", "成员单位", "牵头单位", "报送日期", "报送情况", "逾期天数",
                   "工作推进情况", "存在主要问题", "典型经验做法", "催报次数"},
                  {CK::number, CK::text, CK::text, CK::date, CK::text, CK::number, CK::text,
                   CK::text, CK::text, CK::number});
  int n = 0;
  const auto& rows = sheet["items"];
  for (const auto& it : rows) {
    const auto& r = it["report"];
    file.row(
        {std::to_string(++n), it["department_name"], it["lead_department_name"],
         r.is_null() ? "" : text_cell(r["filed_on"]), it["timeliness_label"],
         std::to_string(it["days_late"].get<int64_t>()),
         r.is_null() ? "" : text_cell(r["progress"]), r.is_null() ? "" : text_cell(r["problems"]),
         r.is_null() ? "" : text_cell(r["experience"]), std::to_string(it["reminders"].size())});
  }
  const auto& comps = sheet["compilations"];
  for (const auto& c : comps) {
    file.row({"", "（牵头单位汇总）", c["lead_department_name"], c["compiled_on"], "已汇总", "",
              c["content"], "", "", ""});
  }
  std::string path = file.close();
  auto conn = db.acquire();
  store::Tx tx(*conn);
  audit(*conn, Actor::of(p),
        {"export",
         "quarterly_report",
         "",
         sheet["region_code"].get<std::string>(),
         nullptr,
         {{"year", q.year}, {"quarter", q.quarter}, {"rows", n}}});
  tx.commit();
  return path;
}

std::string print_quarter_reports(store::Db& db, const Principal& p, const QuarterQuery& q) {
  require(p, "report:read");
  auto conn = db.acquire();
  auto sheet = quarter_sheet(*conn, p, q);
  std::string title = html_escape(sheet["region_name"].get<std::string>() +
                                  sheet["window"]["label"].get<std::string>() +
                                  "楚商回乡和返乡创业工作信息报送汇总");
  std::string h =
      "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>" + title +
      "</title><style>body{font-family:'SimSun','Songti SC',serif;margin:2cm;}h1{text-align:"
      "center;font-size:20pt;}table{border-collapse:collapse;width:100%;}td,th{border:1px solid "
      "#000;padding:4px;vertical-align:top;font-size:10.5pt;}.meta{text-align:center;}@media "
      "print{body{margin:0;}}</style></head><body><h1>" +
      title + "</h1><p class=\"meta\">报送时间：" + sheet["window"]["opens_on"].get<std::string>() +
      " 至 " + sheet["window"]["due_on"].get<std::string>() + "　统计日期：" +
      sheet["as_of"].get<std::string>() + "　成员单位 " +
      std::to_string(sheet["counts"]["members"].get<int>()) + " 个，已报送 " +
      std::to_string(sheet["counts"]["filed"].get<int>()) + " 个，逾期报送 " +
      std::to_string(sheet["counts"]["late"].get<int>()) + " 个，未报送 " +
      std::to_string(sheet["counts"]["missing"].get<int>() + sheet["counts"]["open"].get<int>() +
                     sheet["counts"]["not_due"].get<int>()) +
      " 个</p><table><thead><tr><th>序号</th><th>成员单位</th><th>牵头单位</th><th>报送日期</"
      "th><th>报送情况</th><th>工作推进情况</th><th>存在主要问题</th><th>典型经验做法</th></tr></"
      "thead><tbody>";
  int n = 0;
  const auto& rows = sheet["items"];
  for (const auto& it : rows) {
    const auto& r = it["report"];
    auto cell = [&](const char* k) {
      return r.is_null() ? std::string() : html_escape(text_cell(r[k]));
    };
    h += "<tr><td>" + std::to_string(++n) + "</td><td>" +
         html_escape(it["department_name"].get<std::string>()) + "</td><td>" +
         html_escape(it["lead_department_name"].get<std::string>()) + "</td><td>" +
         cell("filed_on") + "</td><td>" + html_escape(it["timeliness_label"].get<std::string>()) +
         "</td><td>" + cell("progress") + "</td><td>" + cell("problems") + "</td><td>" +
         cell("experience") + "</td></tr>";
  }
  h += "</tbody></table>";
  const auto& comps = sheet["compilations"];
  for (const auto& c : comps) {
    h += "<h2>" + html_escape(c["lead_department_name"].get<std::string>()) + "汇总（" +
         html_escape(c["compiled_on"].get<std::string>()) +
         "）</h2><p style=\"white-space:pre-"
         "wrap\">" +
         html_escape(c["content"].get<std::string>()) + "</p>";
  }
  h += "</body></html>";
  return h;
}

}  // namespace guiyan::service
