#include "service/venture_service.h"

#include <algorithm>
#include <set>

#include "core/clock.h"
#include "core/industry.h"
#include "core/venture_fields.h"
#include "http/api_error.h"
#include "http/json_body.h"
#include "service/audit.h"
#include "service/data_scope.h"
#include "service/masking.h"
#include "service/region_filter.h"
#include "service/region_service.h"
#include "service/region_tree.h"
#include "store/sql_builder.h"

namespace guiyan::service {
namespace {

using http::bad_request;

// The text, or JSON null.
nlohmann::json opt_text_json(const std::optional<std::string>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json();
}

// The SELECT list (alias v) venture_from_row reads: fields, stamps, names, the latest count.
std::string venture_columns() {
  std::string cols = "v.id";
  for (const auto& f : core::venture_fields()) cols += ", v." + f.name;
  return cols +
         ", v.created_by, v.created_at, v.updated_at, COALESCE((SELECT r.name FROM region r "
         "WHERE r.code = v.region_code), ''), COALESCE((SELECT i.name FROM industry i WHERE "
         "i.code = v.industry), ''), (SELECT e.employees FROM venture_employment e WHERE "
         "e.venture_id = v.id ORDER BY e.counted_on DESC LIMIT 1), (SELECT MAX(e.counted_on) "
         "FROM venture_employment e WHERE e.venture_id = v.id)";
}

// The stored values of a venture row selected with venture_columns(), and its JSON.
struct VentureRow {
  int64_t id = 0;
  VentureValues values;
  std::optional<int64_t> created_by;
  nlohmann::json json;
};

VentureRow venture_from_row(const store::Row& r) {
  VentureRow v;
  v.id = r.i64(0);
  nlohmann::json& j = v.json;
  j["id"] = v.id;
  size_t i = 1;
  for (const auto& f : core::venture_fields()) {
    v.values[f.name] = r.at(i);
    j[f.name] = core::field_json(f, r.at(i++));
  }
  j["type_label"] = core::term_label(core::venture_types(), j["type"].get<std::string>());
  j["status_label"] = core::term_label(core::venture_statuses(), j["status"].get<std::string>());
  v.created_by = r.opt_i64(i);
  j["created_by"] = v.created_by ? nlohmann::json(*v.created_by) : nlohmann::json();
  j["created_at"] = r.text(i + 1);
  j["updated_at"] = r.text(i + 2);
  j["region_name"] = r.text(i + 3);
  j["industry_name"] = j["industry"].is_null() ? nlohmann::json() : nlohmann::json(r.text(i + 4));
  j["latest_employees"] = r.opt_i64(i + 5) ? nlohmann::json(*r.opt_i64(i + 5)) : nlohmann::json();
  j["latest_counted_on"] = opt_text_json(r.opt_text(i + 6));
  return v;
}

// One venture by id, or nullopt.
std::optional<VentureRow> find_venture(store::Conn& c, int64_t id) {
  auto r =
      store::query_one(c, "SELECT " + venture_columns() + " FROM venture v WHERE v.id = $1", {id});
  if (!r) return std::nullopt;
  return venture_from_row(*r);
}

// The text of a value, "" when NULL, absent or not text.
std::string text_of(const VentureValues& v, const std::string& name) {
  auto it = v.find(name);
  if (it == v.end()) return {};
  auto s = std::get_if<std::string>(&it->second);
  return s ? *s : std::string();
}

// The founders as the account may see them: name and masked ID number, or a placeholder for a
// person outside its scope.
nlohmann::json founders_json(store::Conn& c, const Principal& p, int64_t id) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& r : store::query(c,
                                    "SELECT pe.id, pe.name, pe.id_number, pe.region_code, "
                                    "pe.created_by FROM venture_founder f JOIN person pe ON pe.id "
                                    "= f.person_id WHERE f.venture_id = $1 ORDER BY pe.id",
                                    {id})) {
    bool visible = in_scope(p, r.text(3), r.opt_i64(4));
    out.push_back(
        {{"id", r.i64(0)},
         {"name", visible ? r.text(1) : "（不在您的数据范围内）"},
         {"id_number",
          visible && !r.is_null(2) ? nlohmann::json(mask_id_number(r.text(2))) : nlohmann::json()},
         {"visible", visible}});
  }
  return out;
}

// The employment series of a venture, oldest first.
nlohmann::json employment_json(store::Conn& c, int64_t id) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& r : store::query(c,
                                    "SELECT e.counted_on, e.employees, e.source, e.notes, "
                                    "COALESCE(u.display_name, ''), e.recorded_at FROM "
                                    "venture_employment e LEFT JOIN app_user u ON u.id = "
                                    "e.recorded_by WHERE e.venture_id = $1 ORDER BY e.counted_on",
                                    {id})) {
    out.push_back({{"counted_on", r.text(0)},
                   {"employees", r.i64(1)},
                   {"source", opt_text_json(r.opt_text(2))},
                   {"notes", opt_text_json(r.opt_text(3))},
                   {"recorded_by", r.text(4)},
                   {"recorded_at", r.text(5)}});
  }
  return out;
}

// What the audit log keeps of a venture: its fields and founders (no names: those are people's).
nlohmann::json audit_form(store::Conn& c, int64_t id) {
  auto v = find_venture(c, id);
  nlohmann::json j = nlohmann::json::object();
  for (const auto& f : core::venture_fields()) j[f.name] = v->json[f.name];
  j["founder_ids"] = founder_ids(c, id);
  return j;
}

// Writes one entry of a venture's trail, filed under its region.
void audit_venture(store::Conn& c, const Actor& actor, const std::string& action, int64_t id,
                   const std::string& region, nlohmann::json before, nlohmann::json after) {
  audit(c, actor,
        {action, "venture", std::to_string(id), region, std::move(before), std::move(after)});
}

// 409 when another venture holds the credit code, naming it when the account may see it.
void check_unique_code(store::Conn& c, const Principal* by, const std::string& code,
                       std::optional<int64_t> self) {
  if (code.empty()) return;
  auto other = venture_id_by_credit_code(c, code);
  if (!other || other == self) return;
  auto row = find_venture(c, *other);
  bool visible = !by || in_scope(*by, text_of(row->values, "region_code"), row->created_by);
  std::string where =
      visible ? "（" + text_of(row->values, "name") + "，编号 " + std::to_string(*other) + "）"
              : "（登记在其他地区，请联系上级部门核实）";
  throw http::ApiError(409, "duplicate", "该统一社会信用代码已登记" + where, "credit_code");
}

// Replaces a venture's founders.
void set_founders(store::Conn& c, int64_t id, const std::vector<int64_t>& ids) {
  store::exec(c, "DELETE FROM venture_founder WHERE venture_id = $1", {id});
  for (int64_t person : ids) {
    store::exec(c, "INSERT INTO venture_founder (venture_id, person_id) VALUES ($1, $2)",
                {id, person});
  }
}

// Stores a count, replacing one of the same date; returns the replaced count (or null).
nlohmann::json store_count(store::Conn& c, int64_t id, const EmploymentCount& count,
                           std::optional<int64_t> by) {
  nlohmann::json before;
  if (auto old = store::query_one(c,
                                  "SELECT employees, source, notes FROM venture_employment WHERE "
                                  "venture_id = $1 AND counted_on = $2",
                                  {id, count.counted_on})) {
    before = {{"counted_on", count.counted_on},
              {"employees", old->i64(0)},
              {"source", opt_text_json(old->opt_text(1))},
              {"notes", opt_text_json(old->opt_text(2))}};
    store::exec(c, "DELETE FROM venture_employment WHERE venture_id = $1 AND counted_on = $2",
                {id, count.counted_on});
  }
  store::exec(c,
              "INSERT INTO venture_employment (venture_id, counted_on, employees, source, notes, "
              "recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
              {id, count.counted_on, count.employees, store::nullable(count.source),
               store::nullable(count.notes), store::nullable(by), core::now_iso()});
  return before;
}

// A count as the audit log and the API show it.
nlohmann::json count_json(const EmploymentCount& count) {
  return {{"counted_on", count.counted_on},
          {"employees", count.employees},
          {"source", opt_text_json(count.source)},
          {"notes", opt_text_json(count.notes)}};
}

// Validates a JSON body's venture fields; keys in `extra` are left to the caller.
VentureValues read_venture_values(store::Conn& c, const Principal& p, const nlohmann::json& body,
                                  const std::set<std::string>& extra) {
  VentureValues values;
  std::string today = core::today_local();
  static const std::set<std::string> required = {"type", "name", "region_code", "status"};
  for (const auto& [key, raw] : body.items()) {
    if (extra.count(key)) continue;
    const core::Field* f = core::find_venture_field(key);
    if (!f) throw bad_request(key, "不认识的字段“" + key + "”", "unknown_field");
    auto v = core::normalize_json(*f, raw, today);
    if (!v.ok()) throw bad_request(key, v.error);
    if (required.count(key) && std::holds_alternative<store::Null>(v.value)) {
      throw bad_request(key, f->label + "不能为空", "required");
    }
    values[key] = v.value;
  }
  if (auto it = values.find("region_code"); it != values.end()) {
    const std::string& code = std::get<std::string>(it->second);
    if (!region_exists(c, code)) throw bad_request("region_code", "所在地区划代码不存在");
    if (!in_scope(p, code)) {
      throw bad_request("region_code", "所选区划不在您的数据范围内", "out_of_scope");
    }
  }
  return values;
}

// The founder ids of a body's founder_ids, or nullopt when absent. Each must be a person in
// scope not merged into another, unless venture `id` links it already.
std::optional<std::vector<int64_t>> read_founders(store::Conn& c, const Principal& p,
                                                  const nlohmann::json& body,
                                                  std::optional<int64_t> id = std::nullopt) {
  auto it = body.find("founder_ids");
  if (it == body.end()) return std::nullopt;
  const char* shape = "创办人应为人员编号数组，至少一人";
  if (!it->is_array() || it->empty()) throw bad_request("founder_ids", shape, "required");
  std::vector<int64_t> linked = id ? founder_ids(c, *id) : std::vector<int64_t>{};
  std::vector<int64_t> ids;
  for (const auto& v : *it) {
    if (!v.is_number_integer()) throw bad_request("founder_ids", shape);
    int64_t person = v.get<int64_t>();
    if (std::find(ids.begin(), ids.end(), person) != ids.end()) continue;
    if (std::find(linked.begin(), linked.end(), person) == linked.end()) {
      auto r = store::query_one(
          c, "SELECT region_code, created_by, merged_into FROM person WHERE id = $1", {person});
      if (!r || !in_scope(p, r->text(0), r->opt_i64(1))) {
        throw bad_request("founder_ids",
                          "人员编号 " + std::to_string(person) + " 不存在或不在您的数据范围内");
      }
      if (!r->is_null(2)) {
        throw bad_request("founder_ids", "人员编号 " + std::to_string(person) + " 已合并到编号 " +
                                             r->text(2) + "，请选择合并后的人员");
      }
    }
    ids.push_back(person);
  }
  std::sort(ids.begin(), ids.end());
  return ids;
}

// A count from a body's `employees` and `counted_on` (default today); nullopt when absent.
std::optional<EmploymentCount> read_count(http::JsonBody& body, bool required) {
  auto employees = body.opt_int("employees", "带动就业人数");
  auto on = body.opt_str("counted_on", "统计日期", 10);
  auto source = body.opt_str("source", "数据来源", 100);
  auto notes = body.opt_str("notes", "说明", 500);
  if (!employees) {
    if (required) throw bad_request("employees", "缺少必填字段“带动就业人数”", "required");
    if (on) throw bad_request("employees", "填写统计日期时需同时填写带动就业人数", "required");
    return std::nullopt;
  }
  if (*employees < 1) {
    throw bad_request("employees", "带动就业人数应为不小于1的整数（含创办人本人）");
  }
  if (*employees > 1000000) throw bad_request("employees", "带动就业人数过大");
  std::string today = core::today_local();
  std::string counted_on = on.value_or(today);
  if (counted_on.size() != 10 || !core::parse_iso(counted_on)) {
    throw bad_request("counted_on", "统计日期应为日期，如 2026-03-01");
  }
  if (counted_on > today) throw bad_request("counted_on", "统计日期不能晚于今天");
  return EmploymentCount{counted_on, *employees, source, notes};
}

}  // namespace

std::vector<int64_t> founder_ids(store::Conn& c, int64_t id) {
  std::vector<int64_t> out;
  c.first_column_int64(
      "SELECT person_id FROM venture_founder WHERE venture_id = $1 ORDER BY "
      "person_id",
      {id}, out);
  return out;
}

std::optional<int64_t> venture_id_by_credit_code(store::Conn& c, const std::string& code) {
  auto r = store::query_one(c, "SELECT id FROM venture WHERE credit_code = $1", {code});
  if (!r) return std::nullopt;
  return r->i64(0);
}

void check_venture_rules(store::Conn& c, const VentureValues& values, const VentureValues& before,
                         const std::optional<EmploymentCount>& count) {
  auto will = [&](const std::string& name) {
    return values.count(name) ? text_of(values, name) : text_of(before, name);
  };
  auto flag = [&](const std::string& name) {
    const VentureValues& from = values.count(name) ? values : before;
    auto it = from.find(name);
    if (it == from.end()) return false;
    auto i = std::get_if<int64_t>(&it->second);
    return i && *i != 0;
  };
  std::string registered = will("registered_on");
  if (!registered.empty() && will("credit_code").empty()) {
    throw bad_request("credit_code", "已登记注册的主体需填写统一社会信用代码", "required");
  }
  if (flag("first_registration") && registered.empty()) {
    throw bad_request("registered_on", "初次注册登记的主体需填写注册日期", "required");
  }
  std::string industry = will("industry");
  if (!industry.empty() && values.count("industry") &&
      !store::query_one(c, "SELECT 1 FROM industry WHERE code = $1", {industry})) {
    throw bad_request("industry", "行业代码“" + industry + "”不在国民经济行业分类（GB/T 4754）中");
  }
  if (count && !registered.empty() && count->counted_on < registered) {
    throw bad_request("counted_on", "统计日期不能早于注册日期（" + registered + "）");
  }
}

nlohmann::json venture_in_scope(store::Conn& c, const Principal& p, int64_t id, bool detail) {
  auto row = find_venture(c, id);
  if (!row || !in_scope(p, text_of(row->values, "region_code"), row->created_by)) {
    throw http::not_found("创业主体");
  }
  nlohmann::json j = row->json;
  j["founders"] = founders_json(c, p, id);
  if (detail) j["employment"] = employment_json(c, id);
  return j;
}

int64_t insert_venture(store::Conn& c, const Actor& actor, const Principal* by,
                       const VentureValues& values_in, const std::vector<int64_t>& founders,
                       const std::optional<EmploymentCount>& count) {
  VentureValues values = values_in;
  values.try_emplace("status", std::string("operating"));
  for (const char* name : {"type", "name", "region_code"}) {
    auto it = values.find(name);
    if (it == values.end() || std::holds_alternative<store::Null>(it->second)) {
      throw bad_request(name, "缺少必填字段“" + core::find_venture_field(name)->label + "”",
                        "required");
    }
  }
  if (founders.empty()) throw bad_request("founder_ids", "创办人至少一人", "required");
  check_venture_rules(c, values, {}, count);
  check_unique_code(c, by, text_of(values, "credit_code"), std::nullopt);
  std::string section = core::industry_section(text_of(values, "industry"));
  values["industry_section"] =
      section.empty() ? store::Value{store::Null{}} : store::Value{section};
  std::string cols, vals, now = core::now_iso();
  store::Params params;
  auto add = [&](const std::string& col, store::Value v) {
    params.push_back(std::move(v));
    cols += (cols.empty() ? "" : ", ") + col;
    vals += (vals.empty() ? "$" : ", $") + std::to_string(params.size());
  };
  for (const auto& [k, v] : values) add(k, v);
  add("created_by", by ? store::Value{by->user_id} : store::Value{store::Null{}});
  add("created_at", now);
  add("updated_at", now);
  int64_t id = store::query_int(
      c, "INSERT INTO venture (" + cols + ") VALUES (" + vals + ") RETURNING id", params);
  set_founders(c, id, founders);
  std::optional<int64_t> by_id = by ? std::optional<int64_t>(by->user_id) : std::nullopt;
  if (count) store_count(c, id, *count, by_id);
  nlohmann::json after = audit_form(c, id);
  if (count) after["employment"] = count_json(*count);
  audit_venture(c, actor, "create", id, text_of(values, "region_code"), nullptr, after);
  return id;
}

bool change_venture(store::Conn& c, const Actor& actor, const Principal* by, int64_t id,
                    const VentureValues& values_in,
                    const std::optional<std::vector<int64_t>>& founders,
                    const std::optional<EmploymentCount>& count) {
  auto row = find_venture(c, id);
  if (!row) throw http::not_found("创业主体");
  VentureValues before = row->values;
  // Only values that differ count as changes.
  VentureValues values;
  for (const auto& [k, v] : values_in) {
    if (before[k] != v) values[k] = v;
  }
  check_venture_rules(c, values, before, count);
  // A new registration date may not come after counts already recorded.
  if (std::string registered = text_of(values, "registered_on"); !registered.empty()) {
    auto first = store::query_one(
        c, "SELECT MIN(counted_on) FROM venture_employment WHERE venture_id = $1", {id});
    if (first && !first->is_null(0) && first->text(0) < registered) {
      throw bad_request("registered_on",
                        "注册日期不能晚于已登记的就业人数统计日期（" + first->text(0) + "）");
    }
  }
  if (values.count("credit_code")) {
    check_unique_code(c, by, text_of(values, "credit_code"), id);
  }
  nlohmann::json old = audit_form(c, id);
  bool founders_change = founders && *founders != founder_ids(c, id);
  if (!values.empty()) {
    if (values.count("industry")) {
      std::string section = core::industry_section(text_of(values, "industry"));
      values["industry_section"] =
          section.empty() ? store::Value{store::Null{}} : store::Value{section};
    }
    std::string sets;
    store::Params params;
    for (const auto& [k, v] : values) {
      params.push_back(v);
      sets += k + " = $" + std::to_string(params.size()) + ", ";
    }
    params.push_back(core::now_iso());
    sets += "updated_at = $" + std::to_string(params.size());
    params.push_back(id);
    store::exec(c, "UPDATE venture SET " + sets + " WHERE id = $" + std::to_string(params.size()),
                params);
  } else if (founders_change) {
    store::exec(c, "UPDATE venture SET updated_at = $2 WHERE id = $1", {id, core::now_iso()});
  }
  if (founders_change) set_founders(c, id, *founders);
  bool changed = !values.empty() || founders_change;
  std::string region = text_of(values.count("region_code") ? values : before, "region_code");
  if (changed) audit_venture(c, actor, "update", id, region, old, audit_form(c, id));
  if (count) {
    std::optional<int64_t> by_id = by ? std::optional<int64_t>(by->user_id) : std::nullopt;
    auto replaced = store_count(c, id, *count, by_id);
    if (replaced.is_null() || replaced["employees"] != count->employees ||
        replaced["source"] != count_json(*count)["source"] ||
        replaced["notes"] != count_json(*count)["notes"]) {
      audit_venture(c, actor, "count_employment", id, region, replaced, count_json(*count));
      changed = true;
    }
  }
  return changed;
}

nlohmann::json list_ventures(store::Db& db, const Principal& p, const VentureQuery& q) {
  require(p, "venture:read");
  auto conn = db.acquire();
  nlohmann::json items = nlohmann::json::array();
  int64_t total = 0;
  store::SqlBuilder sql;
  std::string where = scope_condition(p, sql, "v.region_code", "v.created_by");
  if (!q.region.empty()) {
    check_region_filter(db, *conn, p, q.region);
    where += " AND " + subtree_condition(sql, "v.region_code", q.region);
  }
  if (!q.type.empty()) {
    auto key = core::find_term(core::venture_types(), q.type, true);
    if (!key) throw bad_request("type", "筛选条件“type”的取值不正确");
    where += " AND v.type = " + sql.bind(*key);
  }
  if (!q.status.empty()) {
    auto key = core::find_term(core::venture_statuses(), q.status, true);
    if (!key) throw bad_request("status", "筛选条件“status”的取值不正确");
    where += " AND v.status = " + sql.bind(*key);
  }
  if (q.person_id) {
    auto r = store::query_one(*conn, "SELECT region_code, created_by FROM person WHERE id = $1",
                              {*q.person_id});
    if (!r || !in_scope(p, r->text(0), r->opt_i64(1))) throw http::not_found("人员");
    where += " AND v.id IN (SELECT f.venture_id FROM venture_founder f WHERE f.person_id = " +
             sql.bind(*q.person_id) + ")";
  }
  if (!q.q.empty()) {
    std::string like = sql.bind("%" + q.q + "%");
    std::string upper = q.q;
    for (auto& ch : upper) {
      if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
    }
    where +=
        " AND (v.name LIKE " + like + " OR v.credit_code LIKE " + sql.bind("%" + upper + "%") + ")";
  }
  total = store::query_int(*conn, "SELECT COUNT(*) FROM venture v WHERE " + where, sql.params());
  std::string page =
      " ORDER BY v.id DESC LIMIT " + sql.bind(q.limit) + " OFFSET " + sql.bind(q.offset);
  for (const auto& r :
       store::query(*conn, "SELECT " + venture_columns() + " FROM venture v WHERE " + where + page,
                    sql.params())) {
    auto row = venture_from_row(r);
    row.json["founders"] = founders_json(*conn, p, row.id);
    items.push_back(std::move(row.json));
  }
  attach_region_paths(db, *conn, items, "region_code", "region_path");
  return {{"items", items}, {"total", total}};
}

void for_each_venture(store::Db& db, const Principal& p, const VentureQuery& q_in,
                      const std::function<void(store::Conn&, const nlohmann::json&)>& fn) {
  VentureQuery q = q_in;
  q.limit = 500;
  q.offset = 0;
  for (;;) {
    auto page = list_ventures(db, p, q);
    auto conn = db.acquire();
    for (const auto& item : page["items"]) fn(*conn, item);
    if (page["items"].size() < static_cast<size_t>(q.limit)) return;
    q.offset += q.limit;
  }
}

nlohmann::json create_venture_api(store::Db& db, const Principal& p, const nlohmann::json& body) {
  require(p, "venture:write");
  auto conn = db.acquire();
  auto values = read_venture_values(*conn, p, body, {"founder_ids", "employees", "counted_on"});
  nlohmann::json count_body = nlohmann::json::object();
  for (const char* k : {"employees", "counted_on"}) {
    if (body.contains(k)) count_body[k] = body[k];
  }
  http::JsonBody count_fields(count_body.dump());
  auto count = read_count(count_fields, false);
  store::Tx tx(*conn);
  auto founders = read_founders(*conn, p, body);
  if (!founders) throw bad_request("founder_ids", "缺少必填字段“创办人”", "required");
  int64_t id = insert_venture(*conn, Actor::of(p), &p, values, *founders, count);
  auto after = venture_in_scope(*conn, p, id, true);
  tx.commit();
  return after;
}

nlohmann::json update_venture_api(store::Db& db, const Principal& p, int64_t id,
                                  const nlohmann::json& body) {
  require(p, "venture:write");
  auto conn = db.acquire();
  store::Tx tx(*conn);
  venture_in_scope(*conn, p, id);
  auto values = read_venture_values(*conn, p, body, {"founder_ids"});
  auto founders = read_founders(*conn, p, body, id);
  change_venture(*conn, Actor::of(p), &p, id, values, founders, std::nullopt);
  auto after = venture_in_scope(*conn, p, id, true);
  tx.commit();
  return after;
}

nlohmann::json get_venture_api(store::Db& db, const Principal& p, int64_t id) {
  require(p, "venture:read");
  auto conn = db.acquire();
  return venture_in_scope(*conn, p, id, true);
}

nlohmann::json add_employment_api(store::Db& db, const Principal& p, int64_t id,
                                  const nlohmann::json& body_in) {
  require(p, "venture:write");
  http::JsonBody body(body_in.dump());
  auto count = read_count(body, true);
  body.finish();
  auto conn = db.acquire();
  store::Tx tx(*conn);
  venture_in_scope(*conn, p, id);
  change_venture(*conn, Actor::of(p), &p, id, {}, std::nullopt, count);
  auto after = venture_in_scope(*conn, p, id, true);
  tx.commit();
  return after;
}

nlohmann::json person_ventures(store::Conn& c, const Principal& p,
                               const std::vector<int64_t>& person_ids) {
  nlohmann::json items = nlohmann::json::array();
  int64_t hidden = 0;
  if (person_ids.empty()) return {{"items", items}, {"hidden", hidden}};
  store::SqlBuilder sql;
  std::string in;
  for (int64_t id : person_ids) in += (in.empty() ? "" : ", ") + sql.bind(id);
  std::set<int64_t> seen;
  for (const auto& r :
       store::query(c,
                    "SELECT " + venture_columns() +
                        " FROM venture v WHERE v.id IN (SELECT f.venture_id FROM venture_founder "
                        "f WHERE f.person_id IN (" +
                        in + ")) ORDER BY v.registered_on DESC, v.id DESC",
                    sql.params())) {
    auto row = venture_from_row(r);
    if (!seen.insert(row.id).second) continue;
    if (!in_scope(p, text_of(row.values, "region_code"), row.created_by)) {
      ++hidden;
      continue;
    }
    nlohmann::json item;
    for (const char* k :
         {"id", "name", "type", "type_label", "status", "status_label", "registered_on",
          "credit_code", "region_name", "latest_employees", "latest_counted_on"}) {
      item[k] = row.json[k];
    }
    items.push_back(std::move(item));
  }
  return {{"items", items}, {"hidden", hidden}};
}

}  // namespace guiyan::service
