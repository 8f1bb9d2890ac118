#include "service/merchant_service.h"

#include "core/clock.h"
#include "core/festival_season.h"
#include "core/merchant_fields.h"
#include "core/merchant_vocabulary.h"
#include "core/project_vocabulary.h"
#include "core/review_cycle.h"
#include "core/text.h"
#include "http/api_error.h"
#include "http/json_body.h"
#include "service/audit.h"
#include "service/data_scope.h"
#include "service/masking.h"
#include "service/merchant_write.h"
#include "service/region_service.h"
#include "service/region_tree.h"

namespace guiyan::service {
namespace {

using http::bad_request;

std::string cycle_start_today() {
  return core::review_cycle("", core::today_local())->since;
}

// Validates a JSON body into field values (and case_worker_id); unknown fields and bad values
// answer 400.
MerchantValues read_values(store::Conn& c, const Principal& p, const nlohmann::json& body) {
  if (!body.is_object()) throw bad_request("", "请求内容应为 JSON 对象", "invalid_json");
  MerchantValues values;
  std::string today = core::today_local();
  for (const auto& [key, raw] : body.items()) {
    if (key == "case_worker_id") {
      if (raw.is_null()) {
        values[key] = store::Null{};
        continue;
      }
      if (!raw.is_number_integer()) throw bad_request(key, "服务专员应为用户编号");
      auto u = store::query_one(c, "SELECT region_code FROM app_user WHERE id = $1",
                                {raw.get<int64_t>()});
      if (!u || !in_scope(p, u->text(0))) {
        throw bad_request(key, "服务专员不存在或不在您的数据范围内");
      }
      values[key] = raw.get<int64_t>();
      continue;
    }
    const core::Field* f = core::find_merchant_field(key);
    if (!f) throw bad_request(key, "不认识的字段“" + key + "”", "unknown_field");
    auto v = core::normalize_json(*f, raw, today);
    if (!v.ok()) throw bad_request(key, v.error);
    values[key] = v.value;
  }
  if (auto it = values.find("hometown_code"); it != values.end()) {
    auto code = std::get_if<std::string>(&it->second);
    if (!code) throw bad_request("hometown_code", "籍贯地不能为空", "required");
    if (!region_exists(c, *code)) throw bad_request("hometown_code", "籍贯地区划代码不存在");
    if (!in_scope(p, *code)) {
      throw bad_request("hometown_code", "所选区划不在您的数据范围内", "out_of_scope");
    }
  }
  if (auto it = values.find("intention_regions"); it != values.end()) {
    if (auto list = std::get_if<std::string>(&it->second)) {
      for (const auto& code : core::split(*list, ',')) {
        if (!region_exists(c, code)) {
          throw bad_request("intention_regions", "意向投资地区“" + code + "”不是有效的区划代码");
        }
      }
    }
  }
  if (auto it = values.find("intention_strength");
      it != values.end() && std::holds_alternative<store::Null>(it->second)) {
    it->second = std::string("unknown");
  }
  return values;
}

// The value a record will hold once `values` apply to `before` (nullptr: a new record).
std::string will_hold(const MerchantValues& values, const store::MerchantRow* before,
                      const std::string& name) {
  if (auto it = values.find(name); it != values.end()) {
    if (auto s = std::get_if<std::string>(&it->second)) return *s;
    if (auto i = std::get_if<int64_t>(&it->second)) return std::to_string(*i);
    return {};
  }
  return before ? before->text(name) : std::string();
}

// The rules across fields: a name or an enterprise, an amount range in order, a credit code
// registered once.
void check_record(store::Conn& c, const Principal& p, const MerchantValues& values,
                  const store::MerchantRow* before) {
  if (will_hold(values, before, "name").empty() &&
      will_hold(values, before, "enterprise_name").empty()) {
    throw bad_request("name", "姓名和企业名称至少填写一项", "required");
  }
  std::string lo = will_hold(values, before, "intention_min_wan");
  std::string hi = will_hold(values, before, "intention_max_wan");
  if (!lo.empty() && !hi.empty() && std::stoll(lo) > std::stoll(hi)) {
    throw bad_request("intention_max_wan", "意向投资上限不能小于下限");
  }
  std::string code = will_hold(values, before, "credit_code");
  std::string name = will_hold(values, before, "name"), phone = will_hold(values, before, "phone");
  bool identity_changed = !before || before->text("name") != name ||
                          before->text("phone") != phone || before->text("credit_code") != code;
  if (!name.empty() && !phone.empty() && identity_changed) {
    auto same = store::merchant_ids_by_name_phone(
        c, name, phone, code, before ? std::optional<int64_t>(before->id) : std::nullopt);
    if (!same.empty()) {
      auto row = store::find_merchant(c, same.front());
      std::string where = row && in_scope(p, row->text("hometown_code"), row->created_by)
                              ? "（编号 " + std::to_string(same.front()) + "），请在该记录上更新"
                              : "（登记在其他地区，请联系上级部门核实）";
      throw http::ApiError(409, "duplicate", "已有姓名和电话相同的记录" + where, "phone");
    }
  }
  if (code.empty() || (before && before->text("credit_code") == code)) return;
  if (auto other = store::merchant_id_by_credit_code(c, code)) {
    auto row = store::find_merchant(c, *other);
    std::string where =
        row && in_scope(p, row->text("hometown_code"), row->created_by)
            ? "（已登记为 " +
                  (row->text("enterprise_name").empty() ? row->text("name")
                                                        : row->text("enterprise_name")) +
                  "，编号 " + std::to_string(*other) + "）"
            : "（登记在其他地区，请联系上级部门核实）";
    throw http::ApiError(409, "duplicate", "该统一社会信用代码已登记" + where, "credit_code");
  }
}

nlohmann::json opt_json(const std::optional<std::string>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json();
}

// The contacts of the log as contact_json reads them; add WHERE and ORDER BY.
const char* kContactSelect =
    "SELECT c.id, c.kind, c.festival, c.contacted_on, COALESCE(u.display_name, ''), "
    "c.staff_names, c.result, c.next_step, c.next_due, c.created_at, c.merchant_id, c.staff_id "
    "FROM merchant_contact c LEFT JOIN app_user u ON u.id = c.staff_id";

nlohmann::json contact_json(const store::Row& r) {
  return {{"id", r.i64(0)},
          {"merchant_id", r.i64(10)},
          {"kind", r.text(1)},
          {"kind_label", core::term_label(core::contact_kinds(), r.text(1))},
          {"festival", opt_json(r.opt_text(2))},
          {"festival_label", r.is_null(2)
                                 ? nlohmann::json()
                                 : nlohmann::json(core::term_label(core::festivals(), r.text(2)))},
          {"contacted_on", r.text(3)},
          {"staff_id", r.opt_i64(11) ? nlohmann::json(*r.opt_i64(11)) : nlohmann::json()},
          {"staff", r.text(4)},
          {"staff_names", opt_json(r.opt_text(5))},
          {"result", r.text(6)},
          {"next_step", opt_json(r.opt_text(7))},
          {"next_due", opt_json(r.opt_text(8))},
          {"created_at", r.text(9)}};
}

std::string date_param(const nlohmann::json& body, const char* key, const std::string& label,
                       const std::string& fallback) {
  auto it = body.find(key);
  if (it == body.end() || it->is_null()) return fallback;
  std::string s = it->is_string() ? it->get<std::string>() : "";
  if (s.size() != 10 || !core::parse_iso(s)) {
    throw bad_request(key, label + "应为日期，如 2026-02-01");
  }
  return s;
}

}  // namespace

store::MerchantRow merchant_in_scope(store::Conn& c, const Principal& p, int64_t id) {
  auto row = store::find_merchant(c, id);
  if (!row || !in_scope(p, row->text("hometown_code"), row->created_by)) {
    throw http::not_found("楚商楚才记录");
  }
  return *row;
}

nlohmann::json merchant_json(const store::MerchantRow& m, bool unmasked,
                             const std::string& cycle_start) {
  nlohmann::json j{{"id", m.id}};
  for (const auto& f : core::merchant_fields()) {
    auto it = m.fields.find(f.name);
    j[f.name] =
        core::field_json(f, it == m.fields.end() ? store::Value{store::Null{}} : it->second);
  }
  if (!unmasked && j["phone"].is_string()) j["phone"] = mask_phone(j["phone"].get<std::string>());
  j["masked"] = !unmasked;
  j["hometown_name"] = m.hometown_name;
  auto labels = [&](const std::vector<core::Term>& terms, const std::string& field) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& k : core::split(m.text(field), ',')) {
      if (!k.empty()) out.push_back(core::term_label(terms, k));
    }
    return out;
  };
  j["category_labels"] = labels(core::merchant_categories(), "categories");
  j["tag_labels"] = labels(core::merchant_tags(), "tags");
  j["intention_label"] =
      core::term_label(core::intention_strengths(), m.text("intention_strength"));
  j["case_worker_id"] = m.case_worker_id ? nlohmann::json(*m.case_worker_id) : nlohmann::json();
  j["case_worker_name"] = m.case_worker_name;
  j["verified_on"] = opt_json(m.verified_on);
  j["verified_by_name"] = m.verified_by_name;
  j["fresh"] = m.verified_on && *m.verified_on >= cycle_start;
  j["created_at"] = m.created_at;
  j["updated_at"] = m.updated_at;
  return j;
}

nlohmann::json create_merchant_api(store::Db& db, const Principal& p, const nlohmann::json& body) {
  require(p, "merchant:write");
  auto conn = db.acquire();
  MerchantValues values = read_values(*conn, p, body);
  if (!values.count("hometown_code")) {
    throw bad_request("hometown_code", "缺少必填字段“hometown_code”（籍贯地）", "required");
  }
  values.try_emplace("intention_strength", std::string("unknown"));
  store::Tx tx(*conn);
  check_record(*conn, p, values, nullptr);
  int64_t id = create_merchant(*conn, Actor::of(p), p.user_id, values, core::today_local());
  auto row = *store::find_merchant(*conn, id);
  tx.commit();
  return merchant_json(row, false, cycle_start_today());
}

nlohmann::json update_merchant_api(store::Db& db, const Principal& p, int64_t id,
                                   const nlohmann::json& body) {
  require(p, "merchant:write");
  auto conn = db.acquire();
  store::Tx tx(*conn);
  auto before = merchant_in_scope(*conn, p, id);
  MerchantValues values = read_values(*conn, p, body);
  check_record(*conn, p, values, &before);
  std::string today = core::today_local();
  values["verified_on"] = today;  // staff editing a record have looked at it
  change_merchant(*conn, Actor::of(p), p.user_id, before, values, today);
  auto after = *store::find_merchant(*conn, id);
  tx.commit();
  return merchant_json(after, false, cycle_start_today());
}

nlohmann::json verify_merchant_api(store::Db& db, const Principal& p, int64_t id,
                                   const nlohmann::json& body) {
  require(p, "merchant:write");
  if (!body.is_object()) throw bad_request("", "请求内容应为 JSON 对象", "invalid_json");
  for (const auto& [key, v] : body.items()) {
    if (key != "verified_on") throw bad_request(key, "不认识的字段“" + key + "”", "unknown_field");
  }
  std::string today = core::today_local();
  std::string on = date_param(body, "verified_on", "核实日期", today);
  if (on > today) throw bad_request("verified_on", "核实日期不能晚于今天");
  auto conn = db.acquire();
  store::Tx tx(*conn);
  auto before = merchant_in_scope(*conn, p, id);
  if (before.verified_on && *before.verified_on > on) {
    throw bad_request("verified_on",
                      "该记录已于 " + *before.verified_on + " 核实，不能改为更早的日期");
  }
  change_merchant(*conn, Actor::of(p), p.user_id, before, {{"verified_on", on}}, today);
  auto after = *store::find_merchant(*conn, id);
  tx.commit();
  return merchant_json(after, false, cycle_start_today());
}

nlohmann::json get_merchant_api(store::Db& db, const Principal& p, int64_t id, bool unmask) {
  require(p, "merchant:read");
  if (unmask) require(p, "merchant:unmask");
  auto conn = db.acquire();
  auto row = merchant_in_scope(*conn, p, id);
  if (unmask) {
    store::Tx tx(*conn);
    audit(*conn, Actor::of(p),
          {"view_unmasked",
           "merchant",
           std::to_string(id),
           row.text("hometown_code"),
           nullptr,
           {{"fields", {"phone"}}}});
    tx.commit();
  }
  return merchant_json(row, unmask, cycle_start_today());
}

nlohmann::json merchant_file_api(store::Db& db, const Principal& p, int64_t id) {
  require(p, "merchant:read");
  auto conn = db.acquire();
  auto row = merchant_in_scope(*conn, p, id);
  nlohmann::json intentions = nlohmann::json::array();
  for (const auto& r : store::query(*conn,
                                    "SELECT i.strength, i.industries, i.min_wan, i.max_wan, "
                                    "i.regions, i.note, i.recorded_on, COALESCE(u.display_name, "
                                    "'') FROM merchant_intention i LEFT JOIN app_user u ON u.id "
                                    "= i.recorded_by WHERE i.merchant_id = $1 ORDER BY i.id DESC",
                                    {id})) {
    intentions.push_back(
        {{"strength", r.text(0)},
         {"strength_label", core::term_label(core::intention_strengths(), r.text(0))},
         {"industries",
          r.is_null(1) ? nlohmann::json::array() : nlohmann::json(core::split(r.text(1), ','))},
         {"min_wan", r.opt_i64(2) ? nlohmann::json(*r.opt_i64(2)) : nlohmann::json()},
         {"max_wan", r.opt_i64(3) ? nlohmann::json(*r.opt_i64(3)) : nlohmann::json()},
         {"regions",
          r.is_null(4) ? nlohmann::json::array() : nlohmann::json(core::split(r.text(4), ','))},
         {"note", opt_json(r.opt_text(5))},
         {"recorded_on", r.text(6)},
         {"recorded_by", r.text(7)}});
  }
  nlohmann::json contacts = nlohmann::json::array();
  for (const auto& r : store::query(*conn,
                                    std::string(kContactSelect) +
                                        " WHERE c.merchant_id = $1 ORDER BY c.contacted_on DESC, "
                                        "c.id DESC",
                                    {id})) {
    contacts.push_back(contact_json(r));
  }
  nlohmann::json trail = nlohmann::json::array();
  // The record's own entries and those of its contacts.
  std::string contact_ids = "''";
  for (const auto& c : contacts)
    contact_ids += ", '" + std::to_string(c["id"].get<int64_t>()) + "'";
  for (const auto& r : store::query(*conn,
                                    "SELECT at, username, action, entity FROM audit_log WHERE "
                                    "(entity = 'merchant' AND entity_id = $1) OR (entity = "
                                    "'merchant_contact' AND entity_id IN (" +
                                        contact_ids + ")) ORDER BY id DESC",
                                    {std::to_string(id)})) {
    trail.push_back(
        {{"at", r.text(0)}, {"username", r.text(1)}, {"action", r.text(2)}, {"entity", r.text(3)}});
  }
  // The investment projects the merchant is linked to, named when the account may see them.
  nlohmann::json projects = nlohmann::json::array();
  for (const auto& r : store::query(*conn,
                                    "SELECT p.id, p.name, p.stage, p.amount_wan, p.region_code, "
                                    "p.created_by FROM project_merchant pm JOIN project p ON p.id "
                                    "= pm.project_id WHERE pm.merchant_id = $1 ORDER BY p.id DESC",
                                    {id})) {
    if (!in_scope(p, r.text(4), r.opt_i64(5))) continue;
    projects.push_back(
        {{"id", r.i64(0)},
         {"name", r.text(1)},
         {"stage", r.text(2)},
         {"stage_label", core::term_label(core::project_stages(), r.text(2))},
         {"amount_wan", r.opt_i64(3) ? nlohmann::json(*r.opt_i64(3)) : nlohmann::json()}});
  }
  auto merchant = merchant_json(row, false, cycle_start_today());
  attach_region_path(db, *conn, merchant, "hometown_code", "hometown_path");  // 籍贯
  return {{"merchant", merchant},
          {"intentions", intentions},
          {"contacts", contacts},
          {"projects", projects},
          {"audit", trail}};
}

nlohmann::json add_contact_api(store::Db& db, const Principal& p, int64_t id,
                               const nlohmann::json& body_in) {
  require(p, "merchant:write");
  http::JsonBody body(body_in.dump());
  std::string today = core::today_local();
  auto kind = core::find_term(core::contact_kinds(), body.str("kind", "联络方式", 20));
  if (!kind) throw bad_request("kind", "联络方式不在可选范围内");
  std::optional<std::string> festival;
  if (auto f = body.opt_str("festival", "节日", 20)) {
    festival = core::find_term(core::festivals(), *f);
    if (!festival) throw bad_request("festival", "节日应为春节、清明、端午、中秋或国庆");
  }
  if (*kind == "festival" && !festival) {
    throw bad_request("festival", "节日慰问须注明节日（春节、清明、端午、中秋、国庆）", "required");
  }
  if (*kind != "festival" && festival) {
    throw bad_request("festival", "只有节日慰问需要注明节日");
  }
  std::string on = body.opt_str("contacted_on", "联络日期", 10).value_or(today);
  if (on.size() != 10 || !core::parse_iso(on) || on > today) {
    throw bad_request("contacted_on", "联络日期应为不晚于今天的日期，如 2026-02-01");
  }
  if (festival) {
    if (auto error = core::festival_season_error(*festival, on)) {
      throw bad_request("contacted_on", *error);
    }
  }
  std::string result = body.str("result", "联络结果", 500);
  auto staff_id = body.opt_int("staff_id", "联络人");
  auto staff_names = body.opt_str("staff_names", "参与人员", 200);
  auto next_step = body.opt_str("next_step", "下一步", 500);
  auto next_due = body.opt_str("next_due", "下次跟进日期", 10);
  if (next_due && (next_due->size() != 10 || !core::parse_iso(*next_due) || *next_due < on)) {
    throw bad_request("next_due", "下次跟进日期应为不早于联络日期的日期，如 2026-03-01");
  }
  bool verified = body.opt_bool("verified", "同时核实信息").value_or(false);
  body.finish();
  auto conn = db.acquire();
  store::Tx tx(*conn);
  auto before = merchant_in_scope(*conn, p, id);
  int64_t staff = staff_id.value_or(p.user_id);
  if (staff_id) {
    auto u = store::query_one(*conn, "SELECT region_code FROM app_user WHERE id = $1", {staff});
    if (!u || !in_scope(p, u->text(0))) {
      throw bad_request("staff_id", "联络人不存在或不在您的数据范围内");
    }
  }
  int64_t cid = store::query_int(
      *conn,
      "INSERT INTO merchant_contact (merchant_id, kind, festival, contacted_on, staff_id, "
      "staff_names, result, next_step, next_due, created_by, created_at) VALUES ($1, $2, $3, $4, "
      "$5, $6, $7, $8, $9, $10, $11) RETURNING id",
      {id, *kind, store::nullable(festival), on, staff, store::nullable(staff_names), result,
       store::nullable(next_step), store::nullable(next_due), p.user_id, core::now_iso()});
  nlohmann::json after = contact_json(
      *store::query_one(*conn, std::string(kContactSelect) + " WHERE c.id = $1", {cid}));
  audit(*conn, Actor::of(p),
        {"create", "merchant_contact", std::to_string(cid), before.text("hometown_code"), nullptr,
         after});
  if (verified && (!before.verified_on || *before.verified_on < on)) {
    change_merchant(*conn, Actor::of(p), p.user_id, before, {{"verified_on", on}}, today);
  }
  tx.commit();
  return after;
}

nlohmann::json merchant_vocabulary_json() {
  auto terms = [](const std::vector<core::Term>& list) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& t : list) out.push_back({{"key", t.key}, {"label", t.label}});
    return out;
  };
  nlohmann::json fields = nlohmann::json::array();
  for (const auto& f : core::merchant_fields()) {
    fields.push_back({{"name", f.name}, {"label", f.label}});
  }
  return {{"fields", fields},
          {"categories", terms(core::merchant_categories())},
          {"enterprise_sizes", terms(core::enterprise_sizes())},
          {"operating_statuses", terms(core::operating_statuses())},
          {"revenue_bands", terms(core::revenue_bands())},
          {"influence_levels", terms(core::influence_levels())},
          {"tags", terms(core::merchant_tags())},
          {"intention_strengths", terms(core::intention_strengths())},
          {"contact_kinds", terms(core::contact_kinds())},
          {"festivals", terms(core::festivals())},
          {"chamber_kinds", terms(core::chamber_kinds())},
          {"station_kinds", terms(core::station_kinds())},
          {"ambassador_statuses", terms(core::ambassador_statuses())}};
}

}  // namespace guiyan::service
