#include "service/policy_parameters.h"

#include <map>
#include <mutex>

#include "core/clock.h"
#include "http/api_error.h"
#include "rules/policy_reader.h"
#include "rules/shipped_policies.h"
#include "service/audit.h"
#include "service/data_scope.h"
#include "store/embedded.h"

namespace guiyan::service {
namespace {

// The shipped file as JSON.
nlohmann::json shipped_parameters_json() {
  auto text = store::embedded_file("data/policies/parameters.toml");
  return text ? rules::toml_to_json(*text) : nlohmann::json::object();
}

// A value in force of `before` missing from `after`, as "参数名 起始日期 地区", or "".
std::string changed_value(const nlohmann::json& before, const nlohmann::json& after) {
  for (const auto& [name, def] : before.items()) {
    if (!after.contains(name)) return name;
    const auto& now = after[name].value("values", nlohmann::json::array());
    for (const auto& v : def.value("values", nlohmann::json::array())) {
      if (std::find(now.begin(), now.end(), v) == now.end()) {
        return name + " " + v.value("from", "") + " " + v.value("region", "");
      }
    }
  }
  return {};
}

}  // namespace

SharedParameters shared_parameters(store::Conn& c) {
  static std::mutex mutex;
  static SharedParameters cached;
  auto row =
      store::query_one(c, "SELECT version FROM policy_parameter_set ORDER BY version DESC LIMIT 1");
  int version = row ? static_cast<int>(row->i64(0)) : 0;
  std::lock_guard lock(mutex);
  if (cached.set && cached.version == version) return cached;
  if (version == 0) {
    cached = {0, rules::shipped_parameters()};
    return cached;
  }
  auto def = store::query_one(c, "SELECT definition FROM policy_parameter_set WHERE version = $1",
                              {int64_t{version}});
  cached = {version, std::make_shared<const rules::ParameterSet>(rules::read_parameters(
                         nlohmann::json::parse(def->text(0)), "parameters"))};
  return cached;
}

void sync_shipped_parameters(store::Conn& c) {
  store::Tx tx(c);
  if (store::query_int(c, "SELECT COUNT(*) FROM policy_parameter_set") > 0) return;
  store::exec(c,
              "INSERT INTO policy_parameter_set (version, definition, note, created_at) "
              "VALUES (1, $1, $2, $3) ON CONFLICT DO NOTHING",
              {shipped_parameters_json().dump(), std::string("随系统发布"), core::now_iso()});
  tx.commit();
}

nlohmann::json get_shared_parameters_api(store::Db& db, const Principal& p) {
  require(p, "policy:read");
  auto conn = db.acquire();
  nlohmann::json versions = nlohmann::json::array();
  nlohmann::json current = nlohmann::json::object();
  int version = 0;
  for (const auto& r : store::query(*conn,
                                    "SELECT s.version, s.note, s.created_at, "
                                    "COALESCE(u.display_name, '系统'), s.definition FROM "
                                    "policy_parameter_set s LEFT JOIN app_user u ON "
                                    "u.id = s.created_by ORDER BY s.version DESC")) {
    if (versions.empty()) {
      version = static_cast<int>(r.i64(0));
      current = nlohmann::json::parse(r.text(4));
    }
    versions.push_back({{"version", r.i64(0)},
                        {"note", r.is_null(1) ? "" : r.text(1)},
                        {"created_at", r.text(2)},
                        {"created_by_name", r.text(3)}});
  }
  if (versions.empty()) current = shipped_parameters_json();
  return {{"version", version},
          {"parameters", current},
          {"editable", p.can("policy:write") && in_scope(p, "420000")},
          {"versions", versions}};
}

nlohmann::json save_shared_parameters_api(store::Db& db, const Principal& p,
                                          const nlohmann::json& parameters,
                                          const std::string& note) {
  require(p, "policy:write");
  if (!in_scope(p, "420000")) {
    throw http::ApiError(403, "forbidden", "共用参数（如贷款市场报价利率）由省级工作人员维护");
  }
  if (note.empty()) throw http::bad_request("note", "请填写修改说明");
  std::shared_ptr<const rules::ParameterSet> set;
  try {
    set = std::make_shared<const rules::ParameterSet>(
        rules::read_parameters(parameters, "parameters"));
  } catch (const rules::PolicyError& e) {
    throw http::bad_request(e.field(), e.what(), "invalid_parameters");
  }
  auto conn = db.acquire();
  store::Tx tx(*conn);
  auto before_row = store::query_one(
      *conn, "SELECT version, definition FROM policy_parameter_set ORDER BY version DESC LIMIT 1");
  int version = before_row ? static_cast<int>(before_row->i64(0)) : 0;
  nlohmann::json before =
      before_row ? nlohmann::json::parse(before_row->text(1)) : shipped_parameters_json();
  if (before == parameters) {
    throw http::bad_request("parameters", "内容没有变化，未生成新版本", "unchanged");
  }
  if (auto lost = changed_value(before, parameters); !lost.empty()) {
    throw http::bad_request(
        "parameters." + lost.substr(0, lost.find(' ')),
        "已生效的取值不能修改或删除（" + lost + "），取值变化时请新增一个带起始日期的取值");
  }
  // Every policy must still compile against the new set.
  for (const auto& r : store::query(*conn, "SELECT code, definition FROM policy")) {
    try {
      rules::read_policy(nlohmann::json::parse(r.text(1)), set);
    } catch (const rules::PolicyError& e) {
      throw http::bad_request("parameters",
                              "政策“" + r.text(0) + "”用到的参数不能缺少：" + e.what());
    }
  }
  store::exec(*conn,
              "INSERT INTO policy_parameter_set (version, definition, note, created_by, "
              "created_at) VALUES ($1, $2, $3, $4, $5)",
              {int64_t{version + 1}, parameters.dump(), note, p.user_id, core::now_iso()});
  audit(*conn, Actor::of(p),
        {"update", "policy_parameter_set", std::to_string(version + 1), std::string("420000"),
         before, parameters});
  tx.commit();
  conn.reset();  // back to the pool before the answer is read on a connection of its own
  return get_shared_parameters_api(db, p);
}

}  // namespace guiyan::service
