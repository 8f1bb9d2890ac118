#include "service/project_service.h"

#include <chrono>
#include <set>

#include "core/clock.h"
#include "core/industry.h"
#include "core/project_fields.h"
#include "core/project_vocabulary.h"
#include "core/stage_move.h"
#include "core/text.h"
#include "http/api_error.h"
#include "http/json_body.h"
#include "service/appeal_service.h"
#include "service/audit.h"
#include "service/data_scope.h"
#include "service/merchant_service.h"
#include "service/region_filter.h"
#include "service/region_service.h"
#include "service/region_tree.h"
#include "store/sql_builder.h"

namespace guiyan::service {
namespace {

using http::bad_request;

// Days without a visit after which a project being built is overdue for one (every two months).
constexpr int kVisitDays = 60;

std::string columns() {
  std::string cols = "p.id";
  for (const auto& f : core::project_fields()) cols += ", p." + f.name;
  return cols +
         ", p.stage, p.stage_on, p.dropped_from, p.dropped_reason, p.created_by, p.created_at, "
         "p.updated_at, COALESCE((SELECT r.name FROM region r WHERE r.code = p.region_code), ''), "
         "COALESCE((SELECT SUM(f.amount_wan) FROM project_funding f WHERE f.project_id = p.id), "
         "0), (SELECT MAX(v.visited_on) FROM project_visit v WHERE v.project_id = p.id), "
         "(SELECT COUNT(*) FROM appeal a WHERE a.project_id = p.id AND a.status <> 'closed')";
}

std::string days_before(const std::string& today, int days) {
  return core::to_iso(*core::parse_iso(today) - std::chrono::days{days}).substr(0, 10);
}

nlohmann::json opt(const std::optional<std::string>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json();
}

// The API form of a project row selected with columns().
nlohmann::json row_json(const store::Row& r) {
  nlohmann::json j{{"id", r.i64(0)}};
  size_t i = 1;
  for (const auto& f : core::project_fields()) j[f.name] = core::field_json(f, r.at(i++));
  std::string stage = r.text(i);
  j["stage"] = stage;
  j["stage_label"] = core::term_label(core::project_stages(), stage);
  j["stage_on"] = opt(r.opt_text(i + 1));
  j["dropped_from"] = opt(r.opt_text(i + 2));
  j["dropped_reason"] = opt(r.opt_text(i + 3));
  j["created_by"] = r.opt_i64(i + 4) ? nlohmann::json(*r.opt_i64(i + 4)) : nlohmann::json();
  j["created_at"] = r.text(i + 5);
  j["updated_at"] = r.text(i + 6);
  j["region_name"] = r.text(i + 7);
  j["funds_arrived_wan"] = r.i64(i + 8);
  j["last_visit_on"] = opt(r.opt_text(i + 9));
  j["open_appeals"] = r.i64(i + 10);
  j["major"] = j["amount_wan"].is_number() && j["amount_wan"].get<int64_t>() >= 10000;
  std::string today = core::today_local();
  // Sixty days from the last visit, or from reaching the stage when there has been none.
  std::string since = !r.is_null(i + 9) ? r.text(i + 9) : r.text(i + 1);
  j["visit_overdue"] = needs_visits(stage) && since < days_before(today, kVisitDays);
  return j;
}

std::optional<int64_t> created_by_of(const nlohmann::json& j) {
  if (j["created_by"].is_null()) return std::nullopt;
  return j["created_by"].get<int64_t>();
}

// Validates a JSON body's project fields; other keys are left to the caller (`extra`).
std::map<std::string, store::Value> read_values(store::Conn& c, const Principal& p,
                                                const nlohmann::json& body,
                                                const std::set<std::string>& extra) {
  if (!body.is_object()) throw bad_request("", "请求内容应为 JSON 对象", "invalid_json");
  std::map<std::string, store::Value> values;
  std::string today = core::today_local();
  for (const auto& [key, raw] : body.items()) {
    if (extra.count(key)) continue;
    const core::Field* f = core::find_project_field(key);
    if (!f) throw bad_request(key, "不认识的字段“" + key + "”", "unknown_field");
    auto v = core::normalize_json(*f, raw, today);
    if (!v.ok()) throw bad_request(key, v.error);
    values[key] = v.value;
  }
  if (auto it = values.find("name");
      it != values.end() && std::holds_alternative<store::Null>(it->second)) {
    throw bad_request("name", "项目名称不能为空", "required");
  }
  if (auto it = values.find("region_code"); it != values.end()) {
    auto code = std::get_if<std::string>(&it->second);
    if (!code) throw bad_request("region_code", "落地地区不能为空", "required");
    if (!region_exists(c, *code)) throw bad_request("region_code", "落地地区区划代码不存在");
    if (!in_scope(p, *code)) {
      throw bad_request("region_code", "所选区划不在您的数据范围内", "out_of_scope");
    }
  }
  if (auto it = values.find("ambassador_id"); it != values.end()) {
    if (auto id = std::get_if<int64_t>(&it->second)) {
      auto a = store::query_one(c, "SELECT region_code, created_by FROM ambassador WHERE id = $1",
                                {*id});
      if (!a || !in_scope(p, a->text(0), a->opt_i64(1))) {
        throw bad_request("ambassador_id", "引荐大使不存在或不在您的数据范围内");
      }
    }
  }
  if (auto it = values.find("industry"); it != values.end()) {
    auto code = std::get_if<std::string>(&it->second);
    std::string section = code ? core::industry_section(*code) : "";
    values["industry_section"] =
        section.empty() ? store::Value{store::Null{}} : store::Value{section};
  }
  return values;
}

// The merchant ids of a body's merchant_ids, or nullopt when absent. Each must be in scope,
// unless project `id` links it already (another office's merchant the editor may keep or drop).
std::optional<std::vector<int64_t>> read_merchants(store::Conn& c, const Principal& p,
                                                   const nlohmann::json& body,
                                                   std::optional<int64_t> id = std::nullopt) {
  auto it = body.find("merchant_ids");
  if (it == body.end()) return std::nullopt;
  if (!it->is_array()) throw bad_request("merchant_ids", "关联楚商应为编号数组");
  std::vector<int64_t> ids;
  for (const auto& v : *it) {
    if (!v.is_number_integer()) throw bad_request("merchant_ids", "关联楚商应为编号数组");
    try {
      bool linked = id && store::query_one(c,
                                           "SELECT 1 FROM project_merchant WHERE project_id = $1 "
                                           "AND merchant_id = $2",
                                           {*id, v.get<int64_t>()});
      if (!linked) merchant_in_scope(c, p, v.get<int64_t>());
    } catch (const http::ApiError&) {
      throw bad_request("merchant_ids", "楚商楚才编号 " + std::to_string(v.get<int64_t>()) +
                                            " 不存在或不在您的数据范围内");
    }
    if (std::find(ids.begin(), ids.end(), v.get<int64_t>()) == ids.end()) {
      ids.push_back(v.get<int64_t>());
    }
  }
  return ids;
}

void set_merchants(store::Conn& c, int64_t id, const std::vector<int64_t>& ids) {
  store::exec(c, "DELETE FROM project_merchant WHERE project_id = $1", {id});
  for (int64_t m : ids) {
    store::exec(c, "INSERT INTO project_merchant (project_id, merchant_id) VALUES ($1, $2)",
                {id, m});
  }
}

std::string date_field(http::JsonBody& body, const std::string& name, const std::string& label,
                       bool required, const std::string& fallback = {}) {
  auto v = required ? std::optional<std::string>(body.str(name, label, 10))
                    : body.opt_str(name, label, 10);
  if (!v) return fallback;
  if (v->size() != 10 || !core::parse_iso(*v)) {
    throw bad_request(name, label + "应为日期，如 2026-03-01");
  }
  if (*v > core::today_local()) throw bad_request(name, label + "不能晚于今天");
  return *v;
}

// Writes one change to the project's audit trail (the project's region).
void audit_project(store::Conn& c, const Principal& p, const std::string& action, int64_t id,
                   const nlohmann::json& project, nlohmann::json before, nlohmann::json after) {
  audit(c, Actor::of(p),
        {action, "project", std::to_string(id), project["region_code"].get<std::string>(),
         std::move(before), std::move(after)});
}

}  // namespace

bool needs_visits(const std::string& stage) {
  return stage == "signed" || stage == "landed" || stage == "construction";
}

nlohmann::json project_in_scope(store::Conn& c, const Principal& p, int64_t id) {
  auto r = store::query_one(c, "SELECT " + columns() + " FROM project p WHERE p.id = $1", {id});
  if (!r) throw http::not_found("招商项目");
  auto j = row_json(*r);
  if (!in_scope(p, j["region_code"].get<std::string>(), created_by_of(j))) {
    throw http::not_found("招商项目");
  }
  return j;
}

nlohmann::json list_projects(store::Db& db, const Principal& p, const ProjectQuery& q) {
  require(p, "project:read");
  auto conn = db.acquire();
  store::SqlBuilder sql;
  std::string where = scope_condition(p, sql, "p.region_code", "p.created_by");
  if (!q.region.empty()) {
    check_region_filter(db, *conn, p, q.region);
    where += " AND " + subtree_condition(sql, "p.region_code", q.region);
  }
  if (!q.stage.empty()) {
    auto key = core::find_term(core::project_stages(), q.stage);
    if (!key) throw bad_request("stage", "筛选条件“stage”的取值不正确");
    where += " AND p.stage = " + sql.bind(*key);
  }
  if (q.major) where += " AND p.amount_wan >= 10000";
  if (!q.q.empty()) {
    std::string like = sql.bind("%" + q.q + "%");
    where += " AND (p.name LIKE " + like + " OR p.investor LIKE " + like + ")";
  }
  int64_t total =
      store::query_int(*conn, "SELECT COUNT(*) FROM project p WHERE " + where, sql.params());
  nlohmann::json items = nlohmann::json::array();
  std::string page =
      " ORDER BY p.id DESC LIMIT " + sql.bind(q.limit) + " OFFSET " + sql.bind(q.offset);
  for (const auto& r : store::query(
           *conn, "SELECT " + columns() + " FROM project p WHERE " + where + page, sql.params())) {
    items.push_back(row_json(r));
  }
  return {{"items", items}, {"total", total}};
}

nlohmann::json create_project_api(store::Db& db, const Principal& p, const nlohmann::json& body) {
  require(p, "project:write");
  auto conn = db.acquire();
  auto values = read_values(*conn, p, body, {"stage", "stage_on", "merchant_ids"});
  if (!values.count("name")) throw bad_request("name", "缺少必填字段“项目名称”", "required");
  if (!values.count("region_code")) {
    throw bad_request("region_code", "缺少必填字段“落地地区”", "required");
  }
  std::string stage = "lead";
  if (auto it = body.find("stage"); it != body.end() && !it->is_null()) {
    auto key = it->is_string() ? core::find_term(core::project_stages(), it->get<std::string>())
                               : std::nullopt;
    if (!key || *key == "dropped") {
      throw bad_request("stage",
                        "新项目的阶段应为 线索、对接、考察、接待、洽谈、签约、落地、开工 或 投产");
    }
    stage = *key;
  }
  std::string today = core::today_local();
  std::string stage_on = today;
  if (auto it = body.find("stage_on"); it != body.end() && !it->is_null()) {
    stage_on = it->is_string() ? it->get<std::string>() : "";
    if (stage_on.size() != 10 || !core::parse_iso(stage_on) || stage_on > today) {
      throw bad_request("stage_on", "阶段日期应为不晚于今天的日期，如 2026-03-01");
    }
  }
  store::Tx tx(*conn);
  auto merchants = read_merchants(*conn, p, body);
  std::string cols, vals, now = core::now_iso();
  store::Params params;
  auto add = [&](const std::string& col, store::Value v) {
    params.push_back(std::move(v));
    cols += (cols.empty() ? "" : ", ") + col;
    vals += (vals.empty() ? "$" : ", $") + std::to_string(params.size());
  };
  for (const auto& [k, v] : values) add(k, v);
  add("stage", stage);
  add("stage_on", stage_on);
  add("created_by", p.user_id);
  add("created_at", now);
  add("updated_at", now);
  int64_t id = store::query_int(
      *conn, "INSERT INTO project (" + cols + ") VALUES (" + vals + ") RETURNING id", params);
  store::exec(*conn,
              "INSERT INTO project_stage (project_id, stage, entered_on, region_code, amount_wan, "
              "created_by, recorded_by, recorded_at) SELECT id, $2, $3, region_code, amount_wan, "
              "created_by, $4, $5 FROM project WHERE id = $1",
              {id, stage, stage_on, p.user_id, now});
  if (merchants) set_merchants(*conn, id, *merchants);
  auto after = project_in_scope(*conn, p, id);
  audit_project(*conn, p, "create", id, after, nullptr, after);
  tx.commit();
  return after;
}

nlohmann::json update_project_api(store::Db& db, const Principal& p, int64_t id,
                                  const nlohmann::json& body) {
  require(p, "project:write");
  auto conn = db.acquire();
  store::Tx tx(*conn);
  auto before = project_in_scope(*conn, p, id);
  if (body.contains("stage") || body.contains("stage_on")) {
    throw bad_request("stage", "阶段只能通过“推进”改变（POST /projects/{id}/moves）");
  }
  auto values = read_values(*conn, p, body, {"merchant_ids"});
  auto merchants = read_merchants(*conn, p, body, id);
  if (!values.empty()) {
    std::string sets;
    store::Params params;
    for (const auto& [k, v] : values) {
      params.push_back(v);
      sets += k + " = $" + std::to_string(params.size()) + ", ";
    }
    params.push_back(core::now_iso());
    sets += "updated_at = $" + std::to_string(params.size());
    params.push_back(id);
    store::exec(*conn,
                "UPDATE project SET " + sets + " WHERE id = $" + std::to_string(params.size()),
                params);
  }
  if (merchants) set_merchants(*conn, id, *merchants);
  // The stage entries carry the project's region and amount for the board.
  store::exec(*conn,
              "UPDATE project_stage SET region_code = (SELECT region_code FROM project WHERE id = "
              "$1), amount_wan = (SELECT amount_wan FROM project WHERE id = $1) WHERE project_id = "
              "$1",
              {id});
  auto after = project_in_scope(*conn, p, id);
  nlohmann::json logged = after;
  if (merchants) logged["merchant_ids"] = *merchants;
  audit_project(*conn, p, "update", id, after, before, logged);
  tx.commit();
  return after;
}

nlohmann::json move_project_api(store::Db& db, const Principal& p, int64_t id,
                                const nlohmann::json& body_in) {
  require(p, "project:write");
  http::JsonBody body(body_in.dump());
  std::string target_word = body.str("stage", "目标阶段", 20);
  auto target = core::find_term(core::project_stages(), target_word);
  if (!target) {
    throw bad_request("stage",
                      "阶段应为 线索、对接、考察、接待、洽谈、签约、落地、开工、投产 或 终止");
  }
  std::string today = core::today_local();
  std::string on = body.opt_str("on", "日期", 10).value_or(today);
  std::string reason = body.opt_str("reason", "终止原因", 500).value_or("");
  auto note = body.opt_str("note", "说明", 500);
  std::map<std::string, std::optional<std::string>> skipped;
  if (body_in.contains("dates")) {
    const auto& dates = body_in["dates"];
    if (!dates.is_object())
      throw bad_request("dates", "跳过阶段的日期应为对象，如 {\"inspection\": \"2026-03-01\"}");
    for (const auto& [k, v] : dates.items()) {
      auto key = core::find_term(core::project_stages(), k);
      if (!key) throw bad_request("dates", "“" + k + "”不是项目阶段");
      if (!v.is_null() && !v.is_string())
        throw bad_request("dates", "阶段日期应为日期或 null（日期不详）");
      skipped[*key] = v.is_null() ? std::nullopt : std::optional<std::string>(v.get<std::string>());
    }
  }
  for (const auto& [key, v] : body_in.items()) {
    static const std::set<std::string> known = {"stage", "on", "dates", "reason", "note"};
    if (!known.count(key)) throw bad_request(key, "不认识的字段“" + key + "”", "unknown_field");
  }
  auto conn = db.acquire();
  store::Tx tx(*conn);
  auto before = project_in_scope(*conn, p, id);
  std::optional<std::string> current_on =
      before["stage_on"].is_null()
          ? std::nullopt
          : std::optional<std::string>(before["stage_on"].get<std::string>());
  auto plan =
      core::plan_stage_move(before["stage"], current_on, *target, on, skipped, today, reason);
  if (!plan.ok()) throw bad_request(plan.field, plan.error);
  std::string now = core::now_iso();
  // Each entry knows when the project left it and for which stage (the board's days per stage).
  if (auto left = store::query_one(*conn,
                                   "SELECT id, entered_on FROM project_stage WHERE project_id = $1 "
                                   "ORDER BY id DESC LIMIT 1",
                                   {id})) {
    store::exec(*conn,
                "UPDATE project_stage SET left_on = $2, left_to = $3, days_in_stage = $4 WHERE id "
                "= $1",
                {left->i64(0), store::nullable(plan.entries.front().on), plan.entries.front().stage,
                 store::nullable(core::days_in_stage(left->opt_text(1), plan.entries.front().on))});
  }
  for (size_t i = 0; i < plan.entries.size(); ++i) {
    const auto& e = plan.entries[i];
    bool last = i + 1 == plan.entries.size();
    store::exec(*conn,
                "INSERT INTO project_stage (project_id, stage, entered_on, left_on, left_to, "
                "days_in_stage, region_code, amount_wan, created_by, note, recorded_by, "
                "recorded_at) SELECT id, $2, $3, $4, $5, $9, region_code, amount_wan, created_by, "
                "$6, $7, $8 FROM project WHERE id = $1",
                {id, e.stage, store::nullable(e.on),
                 last ? store::Value{store::Null{}} : store::nullable(plan.entries[i + 1].on),
                 last ? store::Value{store::Null{}} : store::Value{plan.entries[i + 1].stage},
                 last ? store::nullable(note) : store::Value{store::Null{}}, p.user_id, now,
                 last ? store::Value{store::Null{}}
                      : store::nullable(core::days_in_stage(e.on, plan.entries[i + 1].on))});
  }
  if (*target == "dropped") {
    store::exec(*conn,
                "UPDATE project SET stage = 'dropped', stage_on = $2, dropped_from = stage, "
                "dropped_reason = $3, updated_at = $4 WHERE id = $1",
                {id, on, reason, now});
  } else {
    store::exec(*conn,
                "UPDATE project SET stage = $2, stage_on = $3, updated_at = $4 WHERE id = $1",
                {id, *target, on, now});
  }
  auto after = project_in_scope(*conn, p, id);
  nlohmann::json entries = nlohmann::json::array();
  for (const auto& e : plan.entries) entries.push_back({{"stage", e.stage}, {"on", opt(e.on)}});
  audit_project(*conn, p, "move", id, after,
                {{"stage", before["stage"]}, {"stage_on", before["stage_on"]}},
                {{"stage", after["stage"]}, {"entries", entries}, {"reason", reason}});
  tx.commit();
  return after;
}

nlohmann::json add_funding_api(store::Db& db, const Principal& p, int64_t id,
                               const nlohmann::json& body_in) {
  require(p, "project:write");
  http::JsonBody body(body_in.dump());
  std::string on = date_field(body, "arrived_on", "到资日期", true);
  auto amount = body.opt_int("amount_wan", "到资金额（万元）");
  if (!amount || *amount <= 0) {
    throw bad_request("amount_wan", "到资金额应为大于0的整数（万元）", "required");
  }
  auto note = body.opt_str("note", "说明", 500);
  body.finish();
  auto conn = db.acquire();
  store::Tx tx(*conn);
  auto project = project_in_scope(*conn, p, id);
  // A project dropped after it was signed keeps the funds that arrived before it was dropped.
  bool dropped = project["stage"] == "dropped";
  std::string reached = dropped && project["dropped_from"].is_string()
                            ? project["dropped_from"].get<std::string>()
                            : project["stage"].get<std::string>();
  if (core::stage_rank(reached) < core::stage_rank("signed")) {
    throw bad_request("arrived_on", dropped ? std::string("项目终止前未签约，不能登记到资")
                                            : "项目签约后才能登记到资（当前阶段：" +
                                                  project["stage_label"].get<std::string>() + "）");
  }
  if (dropped && project["stage_on"].is_string() && on > project["stage_on"].get<std::string>()) {
    throw bad_request("arrived_on", "项目已于 " + project["stage_on"].get<std::string>() +
                                        " 终止，只能登记终止前到位的资金");
  }
  int64_t fid =
      store::query_int(*conn,
                       "INSERT INTO project_funding (project_id, arrived_on, amount_wan, "
                       "note, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6) "
                       "RETURNING id",
                       {id, on, *amount, store::nullable(note), p.user_id, core::now_iso()});
  nlohmann::json after{
      {"id", fid}, {"arrived_on", on}, {"amount_wan", *amount}, {"note", opt(note)}};
  audit_project(*conn, p, "add_funding", id, project, nullptr, after);
  tx.commit();
  return after;
}

nlohmann::json add_milestone_api(store::Db& db, const Principal& p, int64_t id,
                                 const nlohmann::json& body_in) {
  require(p, "project:write");
  http::JsonBody body(body_in.dump());
  auto kind = core::find_term(core::milestone_kinds(), body.str("kind", "审批事项", 20));
  if (!kind)
    throw bad_request("kind",
                      "审批事项应为 立项备案、用地审批、规划许可、环评审批、施工许可 或 竣工验收");
  std::string started = date_field(body, "started_on", "受理日期", true);
  std::string finished = date_field(body, "finished_on", "办结日期", false);
  if (!finished.empty() && finished < started) {
    throw bad_request("finished_on", "办结日期不能早于受理日期");
  }
  auto note = body.opt_str("note", "说明", 500);
  body.finish();
  auto conn = db.acquire();
  store::Tx tx(*conn);
  auto project = project_in_scope(*conn, p, id);
  int64_t mid = store::query_int(
      *conn,
      "INSERT INTO project_milestone (project_id, kind, started_on, finished_on, note, "
      "recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
      {id, *kind, started, finished.empty() ? store::Value{store::Null{}} : store::Value{finished},
       store::nullable(note), p.user_id, core::now_iso()});
  nlohmann::json after{
      {"id", mid},
      {"kind", *kind},
      {"started_on", started},
      {"finished_on", finished.empty() ? nlohmann::json() : nlohmann::json(finished)},
      {"note", opt(note)}};
  audit_project(*conn, p, "add_milestone", id, project, nullptr, after);
  tx.commit();
  return after;
}

nlohmann::json update_milestone_api(store::Db& db, const Principal& p, int64_t id,
                                    int64_t milestone_id, const nlohmann::json& body_in) {
  require(p, "project:write");
  http::JsonBody body(body_in.dump());
  std::string finished = date_field(body, "finished_on", "办结日期", true);
  auto note = body.opt_str("note", "说明", 500);
  body.finish();
  auto conn = db.acquire();
  store::Tx tx(*conn);
  auto project = project_in_scope(*conn, p, id);
  auto m = store::query_one(*conn,
                            "SELECT kind, started_on, finished_on FROM project_milestone WHERE id "
                            "= $1 AND project_id = $2",
                            {milestone_id, id});
  if (!m) throw http::not_found("审批事项");
  if (finished < m->text(1)) throw bad_request("finished_on", "办结日期不能早于受理日期");
  store::exec(*conn,
              "UPDATE project_milestone SET finished_on = $2, note = COALESCE($3, note) WHERE id = "
              "$1",
              {milestone_id, finished, store::nullable(note)});
  nlohmann::json after{{"id", milestone_id},
                       {"kind", m->text(0)},
                       {"started_on", m->text(1)},
                       {"finished_on", finished}};
  audit_project(*conn, p, "update_milestone", id, project,
                {{"id", milestone_id}, {"finished_on", opt(m->opt_text(2))}}, after);
  tx.commit();
  return after;
}

nlohmann::json add_visit_api(store::Db& db, const Principal& p, int64_t id,
                             const nlohmann::json& body_in) {
  require(p, "project:write");
  http::JsonBody body(body_in.dump());
  std::string on = date_field(body, "visited_on", "走访日期", false, core::today_local());
  std::string findings = body.str("findings", "走访情况", 1000);
  auto staff = body.opt_str("staff", "走访人员", 200);
  auto help = body.opt_str("help", "帮办事项", 1000);
  body.finish();
  auto conn = db.acquire();
  store::Tx tx(*conn);
  auto project = project_in_scope(*conn, p, id);
  int64_t vid = store::query_int(
      *conn,
      "INSERT INTO project_visit (project_id, visited_on, staff, findings, help, recorded_by, "
      "recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
      {id, on, store::nullable(staff), findings, store::nullable(help), p.user_id,
       core::now_iso()});
  nlohmann::json after{{"id", vid},
                       {"visited_on", on},
                       {"staff", opt(staff)},
                       {"findings", findings},
                       {"help", opt(help)}};
  audit_project(*conn, p, "add_visit", id, project, nullptr, after);
  tx.commit();
  return after;
}

nlohmann::json project_file_api(store::Db& db, const Principal& p, int64_t id) {
  require(p, "project:read");
  auto conn = db.acquire();
  auto project = project_in_scope(*conn, p, id);
  attach_region_path(db, *conn, project, "region_code", "region_path");  // 落地地区
  auto rows = [&](const std::string& sql, auto fn) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& r : store::query(*conn, sql, {id})) out.push_back(fn(r));
    return out;
  };
  auto history = rows(
      "SELECT s.stage, s.entered_on, s.note, COALESCE(u.display_name, ''), s.recorded_at FROM "
      "project_stage s LEFT JOIN app_user u ON u.id = s.recorded_by WHERE s.project_id = $1 "
      "ORDER BY s.id",
      [](const store::Row& r) {
        return nlohmann::json{{"stage", r.text(0)},
                              {"stage_label", core::term_label(core::project_stages(), r.text(0))},
                              {"entered_on", opt(r.opt_text(1))},
                              {"note", opt(r.opt_text(2))},
                              {"recorded_by", r.text(3)},
                              {"recorded_at", r.text(4)}};
      });
  auto merchants = rows(
      "SELECT m.id, COALESCE(m.name, ''), COALESCE(m.enterprise_name, ''), m.hometown_code, "
      "m.created_by FROM project_merchant pm JOIN merchant m ON m.id = pm.merchant_id WHERE "
      "pm.project_id = $1 ORDER BY m.id",
      [&](const store::Row& r) {
        bool visible = in_scope(p, r.text(3), r.opt_i64(4));
        return nlohmann::json{{"id", r.i64(0)},
                              {"name", visible ? r.text(1) : "（不在您的数据范围内）"},
                              {"enterprise_name", visible ? r.text(2) : ""},
                              {"visible", visible}};
      });
  auto funding = rows(
      "SELECT id, arrived_on, amount_wan, note FROM project_funding WHERE project_id = $1 ORDER "
      "BY arrived_on, id",
      [](const store::Row& r) {
        return nlohmann::json{{"id", r.i64(0)},
                              {"arrived_on", r.text(1)},
                              {"amount_wan", r.i64(2)},
                              {"note", opt(r.opt_text(3))}};
      });
  auto milestones = rows(
      "SELECT id, kind, started_on, finished_on, note FROM project_milestone WHERE project_id = "
      "$1 ORDER BY started_on, id",
      [](const store::Row& r) {
        nlohmann::json days = nullptr;
        if (!r.is_null(3)) {
          days = (*core::parse_iso(r.text(3)) - *core::parse_iso(r.text(2))).count() / 86400;
        }
        return nlohmann::json{{"id", r.i64(0)},
                              {"kind", r.text(1)},
                              {"kind_label", core::term_label(core::milestone_kinds(), r.text(1))},
                              {"started_on", r.text(2)},
                              {"finished_on", opt(r.opt_text(3))},
                              {"days", days},
                              {"note", opt(r.opt_text(4))}};
      });
  auto visits = rows(
      "SELECT id, visited_on, staff, findings, help FROM project_visit WHERE project_id = $1 "
      "ORDER BY visited_on DESC, id DESC",
      [](const store::Row& r) {
        return nlohmann::json{{"id", r.i64(0)},
                              {"visited_on", r.text(1)},
                              {"staff", opt(r.opt_text(2))},
                              {"findings", r.text(3)},
                              {"help", opt(r.opt_text(4))}};
      });
  auto appeals = project_appeals(*conn, id);
  auto trail = rows(
      "SELECT at, username, action FROM audit_log WHERE entity = 'project' AND entity_id = "
      "CAST($1 AS TEXT) ORDER BY id DESC",
      [](const store::Row& r) {
        return nlohmann::json{{"at", r.text(0)}, {"username", r.text(1)}, {"action", r.text(2)}};
      });
  return {{"project", project},       {"history", history},
          {"merchants", merchants},   {"funding", funding},
          {"milestones", milestones}, {"visits", visits},
          {"appeals", appeals},       {"audit", trail}};
}

}  // namespace guiyan::service
