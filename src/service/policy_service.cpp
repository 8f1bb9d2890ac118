#include "service/policy_service.h"

#include <map>
#include <mutex>

#include "core/clock.h"
#include "http/api_error.h"
#include "rules/field_catalogue.h"
#include "rules/policy_reader.h"
#include "rules/shipped_policies.h"
#include "service/audit.h"
#include "service/data_scope.h"
#include "service/policy_parameters.h"
#include "service/region_tree.h"
#include "store/sql_builder.h"

namespace guiyan::service {
namespace {

const std::map<std::string, std::string>& subject_names() {
  static const std::map<std::string, std::string> names{
      {"person", "个人"}, {"venture", "经营主体"}, {"loan", "贷款"}};
  return names;
}
const std::map<std::string, std::string>& award_names() {
  static const std::map<std::string, std::string> names{
      {"application", "依申请"}, {"automatic", "免申即享"}, {"selection", "评审认定"}};
  return names;
}
const std::map<std::string, std::string>& period_names() {
  static const std::map<std::string, std::string> names{
      {"once", "限享受一次"}, {"year", "每年度一次"}, {"none", "不限次数"}};
  return names;
}

std::string name_of(const std::map<std::string, std::string>& names, const std::string& key) {
  auto it = names.find(key);
  return it == names.end() ? key : it->second;
}

rules::Policy compile_or_400(store::Conn& c, const nlohmann::json& definition) {
  try {
    return rules::read_policy(definition, shared_parameters(c).set);
  } catch (const rules::PolicyError& e) {
    throw http::bad_request(e.field().empty() ? "definition" : "definition." + e.field(), e.what(),
                            "invalid_policy");
  }
}

const char* kPolicyColumns =
    "SELECT p.id, p.code, p.version, p.name, p.kind, p.region_code, COALESCE(r.name, ''), "
    "p.subject, p.award, p.valid_from, p.valid_to, p.shipped, p.updated_at, p.definition "
    "FROM policy p LEFT JOIN region r ON r.code = p.region_code ";

nlohmann::json summary_json(const store::Row& r) {
  auto definition = nlohmann::json::parse(r.text(13));
  return {{"id", r.i64(0)},
          {"code", r.text(1)},
          {"version", r.i64(2)},
          {"name", r.text(3)},
          {"kind", r.text(4)},
          {"region_code", r.text(5)},
          {"region_name", r.text(6)},
          {"subject", r.text(7)},
          {"subject_name", name_of(subject_names(), r.text(7))},
          {"award", r.text(8)},
          {"award_name", name_of(award_names(), r.text(8))},
          {"valid_from", r.is_null(9) ? nlohmann::json() : nlohmann::json(r.text(9))},
          {"valid_to", r.is_null(10) ? nlohmann::json() : nlohmann::json(r.text(10))},
          {"shipped", r.i64(11) != 0},
          {"updated_at", r.text(12)},
          {"summary", definition.value("summary", "")},
          {"agency", definition.value("agency", "")},
          {"phone", definition.value("phone", "")},
          {"amount_note", definition.value("amount_note", "")}};
}

std::optional<std::string> opt_date(const std::optional<core::Date>& d) {
  if (!d) return std::nullopt;
  return d->to_iso();
}

void write_columns(store::Conn& c, int64_t id, int version, const rules::Policy& policy,
                   const nlohmann::json& definition, std::optional<int64_t> by,
                   const std::string& now) {
  store::exec(
      c,
      "UPDATE policy SET version = $1, name = $2, kind = $3, region_code = $4, "
      "subject = $5, award = $6, valid_from = $7, valid_to = $8, definition = $9, "
      "updated_by = $10, updated_at = $11 WHERE id = $12",
      {int64_t{version}, policy.name, policy.kind, policy.region, policy.subject, policy.award,
       store::nullable(opt_date(policy.valid_from)), store::nullable(opt_date(policy.valid_to)),
       definition.dump(), store::nullable(by), now, id});
}

void require_region_in_scope(const Principal& p, const std::string& region) {
  if (!in_scope(p, region)) {
    throw http::bad_request("definition.region", "只能维护本辖区发布的政策", "out_of_scope");
  }
}

}  // namespace

int sync_shipped_policies(store::Db& db) {
  auto conn = db.acquire();
  sync_shipped_parameters(*conn);
  int added = 0;
  auto shared = shared_parameters(*conn).set;
  for (const auto& definition : rules::shipped_policy_definitions()) {
    auto policy = rules::read_policy(definition, shared);  // a shipped file must compile
    store::Tx tx(*conn);
    if (store::query_int(*conn, "SELECT COUNT(*) FROM policy WHERE code = $1", {policy.code}) > 0) {
      continue;
    }
    std::string now = core::now_iso();
    store::exec(*conn,
                "INSERT INTO policy (code, version, name, kind, region_code, subject, award, "
                "definition, shipped, updated_at) VALUES ($1, 1, $2, '', '', '', '', '', 1, $3) "
                "ON CONFLICT (code) DO NOTHING",
                {policy.code, policy.name, now});
    auto id = store::query_int(*conn, "SELECT id FROM policy WHERE code = $1", {policy.code});
    write_columns(*conn, id, 1, policy, definition, std::nullopt, now);
    store::exec(*conn,
                "INSERT INTO policy_version (policy_id, version, definition, note, created_at) "
                "VALUES ($1, 1, $2, $3, $4) ON CONFLICT DO NOTHING",
                {id, definition.dump(), std::string("随系统发布"), now});
    tx.commit();
    ++added;
  }
  return added;
}

std::vector<std::shared_ptr<const CurrentPolicy>> current_policies(store::Conn& c) {
  static std::mutex mutex;
  // Keyed by the policy's version and the shared parameters' version: either change recompiles.
  static std::map<std::tuple<int64_t, int, int>, std::shared_ptr<const CurrentPolicy>> cache;
  std::vector<std::shared_ptr<const CurrentPolicy>> out;
  auto shared = shared_parameters(c);
  auto rows = store::query(c, "SELECT id, version FROM policy ORDER BY region_code, kind, id");
  std::lock_guard lock(mutex);
  for (const auto& r : rows) {
    auto key = std::tuple{r.i64(0), static_cast<int>(r.i64(1)), shared.version};
    auto it = cache.find(key);
    if (it == cache.end()) {
      auto def = store::query_one(c, "SELECT definition FROM policy WHERE id = $1 AND version = $2",
                                  {std::get<0>(key), int64_t{std::get<1>(key)}});
      if (!def) continue;  // changed in between: the next call sees it
      auto entry = std::make_shared<CurrentPolicy>();
      entry->id = std::get<0>(key);
      entry->version = std::get<1>(key);
      entry->policy = rules::read_policy(nlohmann::json::parse(def->text(0)), shared.set);
      it = cache.emplace(key, std::move(entry)).first;
    }
    out.push_back(it->second);
  }
  return out;
}

std::shared_ptr<const CurrentPolicy> current_policy(store::Conn& c, int64_t id) {
  for (auto& cp : current_policies(c)) {
    if (cp->id == id) return cp;
  }
  throw http::not_found("政策");
}

std::shared_ptr<const CurrentPolicy> current_policy_by_code(store::Conn& c,
                                                            const std::string& code) {
  for (auto& cp : current_policies(c)) {
    if (cp->policy.code == code) return cp;
  }
  return nullptr;
}

nlohmann::json list_policies(store::Db& db, const Principal& p, const PolicyFilter& f) {
  require(p, "policy:read");
  auto conn = db.acquire();
  store::SqlBuilder sql;
  std::string where = "1 = 1";
  if (!f.region.empty()) {
    if (!region_tree(db, *conn).holds(f.region))
      throw http::bad_request("region", "区划代码不存在");
    // Issued in the region or in one of the regions above it.
    where += " AND " + sql.bind(f.region) + " LIKE p.region_code || '%'";
  }
  for (auto [column, value] : {std::pair{"p.kind", &f.kind}, std::pair{"p.subject", &f.subject},
                               std::pair{"p.award", &f.award}}) {
    if (!value->empty()) where += std::string(" AND ") + column + " = " + sql.bind(*value);
  }
  if (!f.q.empty()) {
    std::string like = "%" + f.q + "%";
    where += " AND (p.name LIKE " + sql.bind(like) + " OR p.code LIKE " + sql.bind(like) + ")";
  }
  nlohmann::json items = nlohmann::json::array();
  for (const auto& r : store::query(*conn,
                                    std::string(kPolicyColumns) + "WHERE " + where +
                                        " ORDER BY LENGTH(p.region_code), p.region_code, p.kind, "
                                        "p.name, p.id",
                                    sql.params())) {
    items.push_back(summary_json(r));
  }
  size_t total = items.size();
  return {{"items", std::move(items)}, {"total", total}};
}

nlohmann::json get_policy(store::Db& db, const Principal& p, int64_t id) {
  require(p, "policy:read");
  auto conn = db.acquire();
  auto r = store::query_one(*conn, std::string(kPolicyColumns) + "WHERE p.id = $1", {id});
  if (!r) throw http::not_found("政策");
  auto out = summary_json(*r);
  out["definition"] = nlohmann::json::parse(r->text(13));
  out["editable"] = p.can("policy:write") && in_scope(p, r->text(5));
  nlohmann::json versions = nlohmann::json::array();
  for (const auto& v : store::query(*conn,
                                    "SELECT v.version, v.note, v.created_at, "
                                    "COALESCE(u.display_name, '系统') FROM policy_version v "
                                    "LEFT JOIN app_user u ON u.id = v.created_by "
                                    "WHERE v.policy_id = $1 ORDER BY v.version DESC",
                                    {id})) {
    versions.push_back({{"version", v.i64(0)},
                        {"note", v.is_null(1) ? "" : v.text(1)},
                        {"created_at", v.text(2)},
                        {"created_by_name", v.text(3)}});
  }
  out["versions"] = std::move(versions);
  return out;
}

nlohmann::json get_policy_version(store::Db& db, const Principal& p, int64_t id, int version) {
  require(p, "policy:read");
  auto conn = db.acquire();
  auto r = store::query_one(*conn,
                            "SELECT definition, note, created_at FROM policy_version "
                            "WHERE policy_id = $1 AND version = $2",
                            {id, int64_t{version}});
  if (!r) throw http::not_found("政策版本");
  return {{"policy_id", id},
          {"version", version},
          {"definition", nlohmann::json::parse(r->text(0))},
          {"note", r->is_null(1) ? "" : r->text(1)},
          {"created_at", r->text(2)}};
}

nlohmann::json create_policy(store::Db& db, const Principal& p, const nlohmann::json& definition) {
  require(p, "policy:write");
  auto conn = db.acquire();
  auto policy = compile_or_400(*conn, definition);
  require_region_in_scope(p, policy.region);
  store::Tx tx(*conn);
  if (store::query_int(*conn, "SELECT COUNT(*) FROM policy WHERE code = $1", {policy.code}) > 0) {
    throw http::ApiError(409, "duplicate", "政策代码“" + policy.code + "”已被使用",
                         "definition.code");
  }
  std::string now = core::now_iso();
  store::exec(*conn,
              "INSERT INTO policy (code, version, name, kind, region_code, subject, award, "
              "definition, shipped, updated_at) VALUES ($1, 1, $2, '', '', '', '', '', 0, $3)",
              {policy.code, policy.name, now});
  auto id = store::query_int(*conn, "SELECT id FROM policy WHERE code = $1", {policy.code});
  write_columns(*conn, id, 1, policy, definition, p.user_id, now);
  store::exec(*conn,
              "INSERT INTO policy_version (policy_id, version, definition, note, created_by, "
              "created_at) VALUES ($1, 1, $2, $3, $4, $5)",
              {id, definition.dump(), std::string("新建"), p.user_id, now});
  audit(*conn, Actor::of(p),
        {"create", "policy", std::to_string(id), policy.region, nullptr, definition});
  tx.commit();
  conn.reset();  // back to the pool before the answer is read on a connection of its own
  return get_policy(db, p, id);
}

nlohmann::json update_policy(store::Db& db, const Principal& p, int64_t id,
                             const nlohmann::json& definition, const std::string& note) {
  require(p, "policy:write");
  auto conn = db.acquire();
  auto policy = compile_or_400(*conn, definition);
  store::Tx tx(*conn);
  auto before = store::query_one(
      *conn, "SELECT code, version, region_code, definition FROM policy WHERE id = $1", {id});
  if (!before) throw http::not_found("政策");
  require_region_in_scope(p, before->text(2));
  require_region_in_scope(p, policy.region);
  if (policy.code != before->text(0)) {
    throw http::bad_request("definition.code", "政策代码不能修改");
  }
  auto old_definition = nlohmann::json::parse(before->text(3));
  if (old_definition == definition) {
    throw http::bad_request("definition", "内容没有变化，未生成新版本", "unchanged");
  }
  int version = static_cast<int>(before->i64(1)) + 1;
  std::string now = core::now_iso();
  write_columns(*conn, id, version, policy, definition, p.user_id, now);
  store::exec(*conn,
              "INSERT INTO policy_version (policy_id, version, definition, note, created_by, "
              "created_at) VALUES ($1, $2, $3, $4, $5, $6)",
              {id, int64_t{version}, definition.dump(), note, p.user_id, now});
  audit(*conn, Actor::of(p),
        {"update", "policy", std::to_string(id), policy.region, old_definition, definition});
  tx.commit();
  conn.reset();  // back to the pool before the answer is read on a connection of its own
  return get_policy(db, p, id);
}

nlohmann::json policy_vocabulary() {
  auto pairs = [](const std::map<std::string, std::string>& names) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& [key, name] : names) items.push_back({{"key", key}, {"name", name}});
    return items;
  };
  nlohmann::json fields = nlohmann::json::array();
  for (const auto& f : rules::fields()) {
    nlohmann::json choices = nlohmann::json::array();
    for (const auto& [code, word] : f.choices) choices.push_back({{"key", code}, {"name", word}});
    fields.push_back({{"name", f.name},
                      {"type", rules::type_name(f.type)},
                      {"label", f.label},
                      {"choices", choices}});
  }
  return {{"kinds", rules::policy_kinds()},
          {"subjects", pairs(subject_names())},
          {"awards", pairs(award_names())},
          {"periods", pairs(period_names())},
          {"fields", fields}};
}

}  // namespace guiyan::service
