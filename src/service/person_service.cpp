#include "service/person_service.h"

#include <algorithm>

#include "core/clock.h"
#include "core/person_fields.h"
#include "core/text.h"
#include "http/api_error.h"
#include "http/json_body.h"
#include "service/audit.h"
#include "service/data_scope.h"
#include "service/masking.h"
#include "service/person_duplicates.h"
#include "service/person_identity.h"
#include "service/person_merge.h"
#include "service/person_next_step.h"
#include "service/person_write.h"
#include "service/region_service.h"
#include "service/region_tree.h"
#include "service/venture_service.h"
#include "service/vocabulary_sync.h"
#include "store/sql_builder.h"

namespace guiyan::service {
namespace {

using http::bad_request;

// Validates a JSON body into field values; unknown fields and bad values answer 400.
PersonValues read_values(store::Conn& c, const Principal& p, const nlohmann::json& body) {
  if (!body.is_object()) throw bad_request("", "请求内容应为 JSON 对象", "invalid_json");
  PersonValues values;
  std::string today = core::today_local();
  for (const auto& [key, raw] : body.items()) {
    const core::Field* f = core::find_person_field(key);
    const core::Field* identity = f ? nullptr : identity_field(key);
    if (!f && !identity) throw bad_request(key, "不认识的字段“" + key + "”", "unknown_field");
    auto v =
        identity ? stated_identity(*identity, raw, today) : core::normalize_json(*f, raw, today);
    if (!v.ok()) throw bad_request(key, v.error);
    values[key] = v.value;
  }
  if (auto it = values.find("region_code"); it != values.end()) {
    auto code = std::get_if<std::string>(&it->second);
    if (!code || !region_exists(c, *code)) {
      throw bad_request("region_code", "户籍地区划代码不存在");
    }
    if (!in_scope(p, *code)) {
      throw bad_request("region_code", "所选区划不在您的数据范围内", "out_of_scope");
    }
  }
  if (auto it = values.find("name");
      it != values.end() && std::holds_alternative<store::Null>(it->second)) {
    throw bad_request("name", "姓名不能为空", "required");
  }
  for (const char* required : {"region_code", "status", "funnel_stage"}) {
    auto it = values.find(required);
    if (it != values.end() && std::holds_alternative<store::Null>(it->second)) {
      throw bad_request(
          required, std::string(core::find_person_field(required)->label) + "不能为空", "required");
    }
  }
  return values;
}

// Refuses a retired vocabulary key the record does not hold already (`before` null: a new
// record): retired terms stay on the records that have them but are not chosen again.
void refuse_retired(const PersonValues& values, const store::PersonRow* before) {
  for (const auto& [name, value] : values) {
    const core::Field* f = core::find_person_field(name);
    auto text = std::get_if<std::string>(&value);
    if (!f || !f->vocab || !text) continue;
    core::Terms terms = f->vocab();
    std::vector<std::string> held =
        before ? core::split(before->text(name), ',') : std::vector<std::string>{};
    for (const auto& key : core::split(*text, ',')) {
      const core::Term* t = core::find_key(*terms, key);
      if (t && t->retired && std::find(held.begin(), held.end(), key) == held.end()) {
        throw bad_request(name, f->label + "“" + t->label + "”已停用，不能再选用", "retired");
      }
    }
  }
}

// Refuses a stated gender or birth date that a valid ID number (given, or kept by `before`)
// contradicts or that would clear what the number gives; an agreeing one is accepted (and not
// written: the number decides).
void check_stated_identity(const PersonValues& values, const store::PersonRow* before) {
  auto id = values.find("id_number");
  std::string number = id != values.end() ? (std::holds_alternative<std::string>(id->second)
                                                 ? std::get<std::string>(id->second)
                                                 : std::string())
                       : before           ? before->text("id_number")
                                          : std::string();
  if (number.empty()) return;
  for (const char* field : {"gender", "birth_date"}) {
    auto it = values.find(field);
    if (it == values.end()) continue;
    auto stated = std::get_if<std::string>(&it->second);
    if (!stated) {
      throw bad_request(field, identity_field(field)->label + "由身份证号确定，不能清空",
                        "derived");
    }
    std::string why = identity_mismatch(number, field, *stated);
    if (!why.empty()) throw bad_request(field, why, "mismatch");
  }
}

// Refuses a status date before the person's birth (a valid number's, else a stated one), as the
// record will hold them after `values` (`before` null: a new record). Only a change of one of the
// three is checked: a record stored so before the check came stays editable otherwise.
void check_since_after_birth(const PersonValues& values, const store::PersonRow* before) {
  if (!values.count("status_since") && !values.count("id_number") && !values.count("birth_date")) {
    return;
  }
  auto text_of = [&](const char* field) -> std::optional<std::string> {
    auto it = values.find(field);
    if (it == values.end()) return std::nullopt;
    auto s = std::get_if<std::string>(&it->second);
    return s ? *s : std::string();
  };
  auto given_id = text_of("id_number");
  std::string birth;
  if (given_id && !given_id->empty()) {
    birth = derive_from_id(*given_id).second.value_or("");
  } else if (auto stated = text_of("birth_date");
             stated && (!before || given_id || before->text("id_number").empty())) {
    birth = *stated;
  } else if (before && before->birth_date) {
    birth = *before->birth_date;
  }
  auto given_since = text_of("status_since");
  std::string since = given_since ? *given_since : before ? before->text("status_since") : "";
  std::string why = before_birth(core::find_person_field("status_since")->label, since, birth);
  if (why.empty()) return;
  const char* field = given_since ? "status_since" : given_id ? "id_number" : "birth_date";
  throw bad_request(field, why);
}

// Refuses a 备用电话 equal to the 联系电话 the record will hold after `values` (`before` null: a
// new record), as the import drops it; checked only when one of the two changes.
void check_distinct_phones(const PersonValues& values, const store::PersonRow* before) {
  auto after = [&](const char* field) {
    auto it = values.find(field);
    if (it == values.end()) return before ? before->text(field) : std::string();
    auto s = std::get_if<std::string>(&it->second);
    return s ? *s : std::string();
  };
  if (!values.count("phone") && !values.count("phone2")) return;
  std::string phone = after("phone");
  if (phone.empty() || phone != after("phone2")) return;
  const char* field = values.count("phone2") ? "phone2" : "phone";
  throw bad_request(field, "备用电话与联系电话相同，无需重复填写");
}

void check_unique_id(store::Conn& c, const Principal& p, const PersonValues& values, int64_t self) {
  auto it = values.find("id_number");
  if (it == values.end()) return;
  auto id = std::get_if<std::string>(&it->second);
  if (!id) return;
  auto existing = store::person_id_by_id_number(c, *id);
  if (!existing || *existing == self) return;
  auto other = store::find_person(c, *existing);
  std::string where =
      other && in_scope(p, other->text("region_code"))
          ? "（已登记为 " + other->text("name") + "，编号 " + std::to_string(*existing) + "）"
          : "（登记在其他地区，请联系上级部门核实）";
  throw http::ApiError(409, "duplicate", "该身份证号已登记" + where, "id_number");
}

nlohmann::json history(store::Conn& c, int64_t id) {
  nlohmann::json status = nlohmann::json::array(), funnel = nlohmann::json::array();
  for (const auto& r : store::query(c,
                                    "SELECT status, since, source, recorded_at FROM "
                                    "person_status_history WHERE person_id = $1 ORDER BY since, id",
                                    {id})) {
    status.push_back({{"status", r.text(0)},
                      {"status_label", core::term_label(core::person_statuses(), r.text(0))},
                      {"since", r.text(1)},
                      {"source", r.text(2)},
                      {"recorded_at", r.text(3)}});
  }
  for (const auto& r : store::query(c,
                                    "SELECT stage, reached_on, recorded_at FROM "
                                    "person_funnel_history WHERE person_id = $1 ORDER BY id",
                                    {id})) {
    funnel.push_back({{"stage", r.text(0)},
                      {"stage_label", core::term_label(core::funnel_stages(), r.text(0))},
                      {"reached_on", r.text(1)},
                      {"recorded_at", r.text(2)}});
  }
  return {{"status", status}, {"funnel", funnel}};
}

}  // namespace

void require_not_merged(const store::PersonRow& row) {
  if (row.merged_into) {
    throw http::ApiError(409, "merged",
                         "该人员已合并到编号 " + std::to_string(*row.merged_into) +
                             " 的档案，请在保留的档案中修改（或先撤销合并）");
  }
}

store::PersonRow person_in_scope(store::Conn& c, const Principal& p, int64_t id) {
  auto row = store::find_person(c, id);
  if (!row || !in_scope(p, row->text("region_code"), row->created_by)) {
    throw http::not_found("人员");
  }
  return *row;
}

nlohmann::json person_json(const store::PersonRow& p, bool unmasked) {
  nlohmann::json j{{"id", p.id}};
  for (const auto& f : core::person_fields()) {
    auto it = p.fields.find(f.name);
    j[f.name] =
        core::field_json(f, it == p.fields.end() ? store::Value{store::Null{}} : it->second);
  }
  if (!unmasked) {
    if (j["id_number"].is_string())
      j["id_number"] = mask_id_number(j["id_number"].get<std::string>());
    for (const char* k : {"phone", "phone2"}) {
      if (j[k].is_string()) j[k] = mask_phone(j[k].get<std::string>());
    }
  }
  j["masked"] = !unmasked;
  // An ID number a source gave that failed the check (待核实), kept for review and matching.
  j["id_number_raw"] = p.id_number_raw ? nlohmann::json(unmasked ? *p.id_number_raw
                                                                 : mask_id_number(*p.id_number_raw))
                                       : nlohmann::json();
  j["merged_into"] = p.merged_into ? nlohmann::json(*p.merged_into) : nlohmann::json();
  j["gender"] = p.gender ? nlohmann::json(*p.gender) : nlohmann::json();
  j["birth_date"] = p.birth_date ? nlohmann::json(*p.birth_date) : nlohmann::json();
  j["region_name"] = p.region_name;
  j["status_label"] = core::term_label(core::person_statuses(), p.text("status"));
  j["funnel_label"] = core::term_label(core::funnel_stages(), p.text("funnel_stage"));
  j["labour_brand_label"] =
      p.text("labour_brand").empty()
          ? nlohmann::json()
          : nlohmann::json(core::term_label(*core::labour_brands(), p.text("labour_brand")));
  j["source"] = p.source;
  j["case_worker_id"] = p.case_worker_id ? nlohmann::json(*p.case_worker_id) : nlohmann::json();
  j["case_worker_name"] = p.case_worker_name;
  j["created_at"] = p.created_at;
  j["updated_at"] = p.updated_at;
  return j;
}

nlohmann::json person_json_with_path(store::Db& db, store::Conn& c, const store::PersonRow& row,
                                     bool unmask) {
  auto j = person_json(row, unmask);
  attach_region_path(db, c, j, "region_code", "region_path");
  return j;
}

nlohmann::json create_person_api(store::Db& db, const Principal& p, const nlohmann::json& body) {
  require(p, "person:write");
  auto conn = db.acquire();
  PersonValues values = read_values(*conn, p, body);
  if (!values.count("name")) throw bad_request("name", "缺少必填字段“name”（姓名）", "required");
  if (!values.count("region_code")) {
    throw bad_request("region_code", "缺少必填字段“region_code”（户籍地）", "required");
  }
  values.try_emplace("status", std::string("returned"));
  values.try_emplace("funnel_stage", std::string("identified"));
  store::Tx tx(*conn);
  sync_vocabularies(*conn, true);
  refuse_retired(values, nullptr);
  check_stated_identity(values, nullptr);
  check_since_after_birth(values, nullptr);
  check_distinct_phones(values, nullptr);
  check_unique_id(*conn, p, values, 0);
  int64_t id = create_person(*conn, Actor::of(p), p.user_id, values, Provenance{});
  auto row = *store::find_person(*conn, id);
  tx.commit();
  scan_duplicates(*conn, std::vector<int64_t>{id});
  return person_json_with_path(db, *conn, row, false);
}

nlohmann::json update_person_api(store::Db& db, const Principal& p, int64_t id,
                                 const nlohmann::json& body) {
  require(p, "person:write");
  auto conn = db.acquire();
  store::Tx tx(*conn);
  sync_vocabularies(*conn, true);
  auto before = person_in_scope(*conn, p, id);
  require_not_merged(before);
  PersonValues values = read_values(*conn, p, body);
  refuse_retired(values, &before);
  check_stated_identity(values, &before);
  check_since_after_birth(values, &before);
  check_distinct_phones(values, &before);
  check_unique_id(*conn, p, values, id);
  change_person(*conn, Actor::of(p), p.user_id, before, values, Provenance{});
  auto after = *store::find_person(*conn, id);
  tx.commit();
  scan_duplicates(*conn, std::vector<int64_t>{id});
  return person_json_with_path(db, *conn, after, false);
}

nlohmann::json get_person_api(store::Db& db, const Principal& p, int64_t id, bool unmask) {
  require(p, "person:read");
  if (unmask) require(p, "person:unmask");
  auto conn = db.acquire();
  auto row = person_in_scope(*conn, p, id);
  if (unmask) {
    store::Tx tx(*conn);
    audit(*conn, Actor::of(p),
          {"view_unmasked",
           "person",
           std::to_string(id),
           row.text("region_code"),
           nullptr,
           {{"fields", {"id_number", "phone", "phone2"}}}});
    tx.commit();
  }
  return person_json_with_path(db, *conn, row, unmask);
}

namespace {

// The records a person's file gathers: the person and everyone merged into them, directly or
// through an earlier merge. Undoing a merge clears merged_into, so its records leave the file.
std::vector<int64_t> file_members(store::Conn& c, int64_t id) {
  std::vector<int64_t> out{id};
  for (size_t i = 0; i < out.size() && out.size() < 1000; ++i) {
    c.run("SELECT id FROM person WHERE merged_into = $1 ORDER BY id", {out[i]},
          [&](const store::Row& r) { out.push_back(r.i64(0)); });
  }
  return out;
}

// "col IN ($1, $2 …)" over the members, binding them (as text for a text column).
std::string members_condition(store::SqlBuilder& sql, const std::string& col,
                              const std::vector<int64_t>& members, bool as_text = false) {
  std::string list;
  for (int64_t m : members) {
    list += (list.empty() ? "" : ", ") + (as_text ? sql.bind(std::to_string(m)) : sql.bind(m));
  }
  return col + " IN (" + list + ")";
}

}  // namespace

nlohmann::json person_file_api(store::Db& db, const Principal& p, int64_t id) {
  require(p, "person:read");
  auto conn = db.acquire();
  auto row = person_in_scope(*conn, p, id);
  // Services, provenance, conflicts and the audit trail of merged records appear in the
  // survivor's file, each item naming the record it belongs to (person_id).
  auto members = file_members(*conn, id);
  auto members_query = [&](const std::string& select, const std::string& col,
                           const std::string& order) {
    store::SqlBuilder sql;
    std::string where = members_condition(sql, col, members);
    return store::query(*conn, select + " WHERE " + where + " ORDER BY " + order, sql.params());
  };
  nlohmann::json services = nlohmann::json::array();
  for (const auto& r : members_query(
           "SELECT s.id, s.kind, s.served_on, s.result, s.next_step, s.next_due, "
           "COALESCE(u.display_name, ''), s.created_at, s.person_id FROM person_service s LEFT "
           "JOIN app_user u ON u.id = s.served_by",
           "s.person_id", "s.served_on DESC, s.id DESC")) {
    services.push_back({{"id", r.i64(0)},
                        {"person_id", r.i64(8)},
                        {"kind", r.text(1)},
                        {"kind_label", core::term_label(core::service_kinds(), r.text(1))},
                        {"served_on", r.text(2)},
                        {"result", r.text(3)},
                        {"next_step", r.opt_text(4) ? nlohmann::json(r.text(4)) : nlohmann::json()},
                        {"next_due", r.opt_text(5) ? nlohmann::json(r.text(5)) : nlohmann::json()},
                        {"served_by", r.text(6)},
                        {"created_at", r.text(7)}});
  }
  nlohmann::json provenance = nlohmann::json::array();
  for (const auto& r :
       members_query("SELECT fields, source, source_file, source_row, set_at, person_id FROM "
                     "person_provenance",
                     "person_id", "id")) {
    // Values are not repeated here: they may be personal data the account sees masked.
    provenance.push_back({{"person_id", r.i64(5)},
                          {"fields", core::split(r.text(0), ',')},
                          {"source", r.text(1)},
                          {"source_label", core::term_label(core::data_sources(), r.text(1))},
                          {"file", r.opt_text(2) ? nlohmann::json(r.text(2)) : nlohmann::json()},
                          {"row", r.opt_i64(3) ? nlohmann::json(*r.opt_i64(3)) : nlohmann::json()},
                          {"set_at", r.text(4)}});
  }
  nlohmann::json conflicts = nlohmann::json::array();
  for (const auto& r : members_query(
           "SELECT field, offered_source, source_file, source_row, recorded_at, person_id FROM "
           "person_conflict",
           "person_id", "id")) {
    conflicts.push_back({{"person_id", r.i64(5)},
                         {"field", r.text(0)},
                         {"offered_source", r.text(1)},
                         {"file", r.opt_text(2) ? nlohmann::json(r.text(2)) : nlohmann::json()},
                         {"row", r.opt_i64(3) ? nlohmann::json(*r.opt_i64(3)) : nlohmann::json()},
                         {"recorded_at", r.text(4)}});
  }
  nlohmann::json trail = nlohmann::json::array();
  {
    store::SqlBuilder sql;
    std::string where = members_condition(sql, "entity_id", members, true);
    for (const auto& r : store::query(*conn,
                                      "SELECT at, username, action, entity_id FROM audit_log "
                                      "WHERE entity = 'person' AND " +
                                          where + " ORDER BY id DESC",
                                      sql.params())) {
      trail.push_back({{"at", r.text(0)},
                       {"username", r.text(1)},
                       {"action", r.text(2)},
                       {"person_id", std::stoll(r.text(3))}});
    }
  }
  nlohmann::json team{{"case_worker_id",
                       row.case_worker_id ? nlohmann::json(*row.case_worker_id) : nlohmann::json()},
                      {"case_worker_name", row.case_worker_name},
                      {"mentor_name", row.text("mentor_name")},
                      {"services", services.size()},
                      {"next_step", nullptr}};
  // The latest service of the person or a record merged into it, as the ledger's 下次跟进 shows it.
  if (auto steps = next_steps_of(*conn, {id}); !steps.empty()) team["next_step"] = steps[id];
  // The ventures the person (or a record merged into it) founded, for accounts that read ventures.
  nlohmann::json ventures = p.can("venture:read")
                                ? person_ventures(*conn, p, members)
                                : nlohmann::json{{"items", nlohmann::json::array()}, {"hidden", 0}};
  return {{"person", person_json_with_path(db, *conn, row, false)},
          {"history", history(*conn, id)},
          {"case_team", team},
          {"services", services},
          {"provenance", provenance},
          {"conflicts", conflicts},
          {"merges", merges_of(*conn, id)},
          {"ventures", ventures["items"]},
          {"hidden_ventures", ventures["hidden"]},
          {"audit", trail}};
}

nlohmann::json add_service_api(store::Db& db, const Principal& p, int64_t id,
                               const nlohmann::json& body_in) {
  require(p, "person:write");
  http::JsonBody body(body_in.dump());
  auto kind = core::find_term(core::service_kinds(), body.str("kind", "服务类型", 20));
  if (!kind) throw bad_request("kind", "服务类型不在可选范围内");
  std::string today = core::today_local();
  std::string served_on = body.opt_str("served_on", "服务日期", 10).value_or(today);
  if (!core::parse_iso(served_on) || served_on.size() != 10 || served_on > today) {
    throw bad_request("served_on", "服务日期应为不晚于今天的日期，如 2026-02-01");
  }
  // A next step due before the service that set it would be overdue the day it is recorded.
  auto next_due = body.opt_str("next_due", "下次跟进日期", 10);
  if (next_due &&
      (!core::parse_iso(*next_due) || next_due->size() != 10 || *next_due < served_on)) {
    throw bad_request("next_due", "下次跟进日期应为不早于服务日期的日期，如 2026-03-01");
  }
  std::string result = body.str("result", "服务结果", 500);
  auto next_step = body.opt_str("next_step", "下一步", 500);
  auto mentor = body.opt_str("mentor_name", "创业导师", 40);
  auto worker = body.opt_int("case_worker_id", "服务专员");
  body.finish();
  auto conn = db.acquire();
  store::Tx tx(*conn);
  sync_vocabularies(*conn, true);
  auto before = person_in_scope(*conn, p, id);
  require_not_merged(before);
  // A service before the person was born is a mistyped year (1900-01-01 from an empty cell).
  if (auto why = before_birth("服务日期", served_on, before.birth_date.value_or(""));
      !why.empty()) {
    throw bad_request("served_on", why);
  }
  if (worker) {
    auto u = store::query_one(*conn, "SELECT region_code FROM app_user WHERE id = $1", {*worker});
    if (!u || !in_scope(p, u->text(0))) {
      throw bad_request("case_worker_id", "服务专员不存在或不在您的数据范围内");
    }
    store::exec(*conn, "UPDATE person SET case_worker_id = $2 WHERE id = $1", {id, *worker});
  }
  if (mentor) change_person(*conn, Actor::of(p), p.user_id, before, {{"mentor_name", *mentor}}, {});
  int64_t sid = store::query_int(
      *conn,
      "INSERT INTO person_service (person_id, kind, served_on, served_by, result, next_step, "
      "next_due, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
      {id, *kind, served_on, p.user_id, result, store::nullable(next_step),
       store::nullable(next_due), core::now_iso()});
  nlohmann::json after{{"id", sid},
                       {"kind", *kind},
                       {"served_on", served_on},
                       {"result", result},
                       {"next_step", next_step ? nlohmann::json(*next_step) : nlohmann::json()},
                       {"next_due", next_due ? nlohmann::json(*next_due) : nlohmann::json()},
                       {"case_worker_id", worker ? nlohmann::json(*worker) : nlohmann::json()}};
  audit(*conn, Actor::of(p),
        {"create", "person_service", std::to_string(sid), before.text("region_code"), nullptr,
         after});
  tx.commit();
  return after;
}

}  // namespace guiyan::service
