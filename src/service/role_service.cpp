#include "service/role_service.h"

#include <regex>
#include <set>

#include "http/api_error.h"
#include "service/audit.h"
#include "service/permissions.h"
#include "service/region_service.h"

namespace guiyan::service {
namespace {

using http::bad_request;

const std::set<std::string> kScopes = {"all", "regions", "own_region", "own_region_down",
                                       "own_records"};

std::optional<nlohmann::json> role_json(store::Conn& c, int64_t id) {
  auto r = store::query_one(c,
                            "SELECT id, key, name, builtin, data_scope, "
                            "(SELECT COUNT(*) FROM user_role ur WHERE ur.role_id = role.id) "
                            "FROM role WHERE id = $1",
                            {id});
  if (!r) return std::nullopt;
  nlohmann::json perms = nlohmann::json::array(), regions = nlohmann::json::array();
  for (const auto& x : store::query(
           c, "SELECT permission FROM role_permission WHERE role_id = $1 ORDER BY permission",
           {id})) {
    perms.push_back(x.text(0));
  }
  for (const auto& x : store::query(
           c, "SELECT region_code FROM role_region WHERE role_id = $1 ORDER BY region_code",
           {id})) {
    regions.push_back(x.text(0));
  }
  return nlohmann::json{{"id", r->i64(0)},          {"key", r->text(1)},
                        {"name", r->text(2)},       {"builtin", r->i64(3) != 0},
                        {"data_scope", r->text(4)}, {"regions", regions},
                        {"permissions", perms},     {"user_count", r->i64(5)}};
}

void validate(store::Conn& c, const RoleInput& in) {
  if (in.data_scope && !kScopes.count(*in.data_scope)) {
    throw bad_request("data_scope",
                      "数据范围应为 all、regions、own_region、own_region_down、own_records 之一");
  }
  if (in.permissions) {
    for (const auto& perm : *in.permissions) {
      if (!is_known_permission(perm)) throw bad_request("permissions", "未知权限“" + perm + "”");
    }
  }
  if (in.regions) {
    for (const auto& code : *in.regions) {
      if (!region_exists(c, code)) throw bad_request("regions", "行政区划代码“" + code + "”不存在");
    }
  }
}

void write_lists(store::Conn& c, int64_t id, const RoleInput& in) {
  if (in.permissions) {
    store::exec(c, "DELETE FROM role_permission WHERE role_id = $1", {id});
    for (const auto& perm : std::set<std::string>(in.permissions->begin(), in.permissions->end())) {
      store::exec(c, "INSERT INTO role_permission (role_id, permission) VALUES ($1, $2)",
                  {id, perm});
    }
  }
  if (in.regions) {
    store::exec(c, "DELETE FROM role_region WHERE role_id = $1", {id});
    for (const auto& code : std::set<std::string>(in.regions->begin(), in.regions->end())) {
      store::exec(c, "INSERT INTO role_region (role_id, region_code) VALUES ($1, $2)", {id, code});
    }
  }
}

nlohmann::json must_find_editable(store::Conn& c, int64_t id) {
  auto before = role_json(c, id);
  if (!before) throw http::not_found("角色");
  if ((*before)["builtin"].get<bool>()) {
    throw http::ApiError(409, "builtin_role", "内置角色不能修改或删除");
  }
  return *before;
}

}  // namespace

nlohmann::json list_roles(store::Db& db, const Principal& p) {
  require(p, "role:read");
  auto conn = db.acquire();
  nlohmann::json items = nlohmann::json::array();
  for (const auto& r : store::query(*conn, "SELECT id FROM role ORDER BY id")) {
    items.push_back(*role_json(*conn, r.i64(0)));
  }
  return {{"items", items}};
}

nlohmann::json create_role(store::Db& db, const Principal& p, const RoleInput& in) {
  require(p, "role:write");
  static const std::regex key_re("[a-z][a-z0-9_]{1,31}");
  if (!in.key || !std::regex_match(*in.key, key_re)) {
    throw bad_request("key", "角色标识须以小写字母开头，由小写字母、数字、下划线组成，2至32位");
  }
  if (!in.name) throw bad_request("name", "请填写角色名称");
  auto conn = db.acquire();
  validate(*conn, in);
  store::Tx tx(*conn);
  if (store::query_int(*conn, "SELECT COUNT(*) FROM role WHERE key = $1", {*in.key}) > 0) {
    throw http::ApiError(409, "duplicate", "角色标识“" + *in.key + "”已存在", "key");
  }
  int64_t id = store::query_int(
      *conn,
      "INSERT INTO role (key, name, builtin, data_scope) VALUES ($1, $2, 0, $3) RETURNING id",
      {*in.key, *in.name, in.data_scope.value_or("own_region_down")});
  write_lists(*conn, id, in);
  auto after = *role_json(*conn, id);
  audit(*conn, Actor::of(p), {"create", "role", std::to_string(id), std::nullopt, nullptr, after});
  tx.commit();
  return after;
}

nlohmann::json update_role(store::Db& db, const Principal& p, int64_t id, const RoleInput& in) {
  require(p, "role:write");
  if (in.key) throw bad_request("key", "角色标识创建后不能修改");
  auto conn = db.acquire();
  validate(*conn, in);
  store::Tx tx(*conn);
  auto before = must_find_editable(*conn, id);
  store::exec(*conn, "UPDATE role SET name = $2, data_scope = $3 WHERE id = $1",
              {id, in.name.value_or(before["name"].get<std::string>()),
               in.data_scope.value_or(before["data_scope"].get<std::string>())});
  write_lists(*conn, id, in);
  auto after = *role_json(*conn, id);
  audit(*conn, Actor::of(p), {"update", "role", std::to_string(id), std::nullopt, before, after});
  tx.commit();
  return after;
}

void delete_role(store::Db& db, const Principal& p, int64_t id) {
  require(p, "role:write");
  auto conn = db.acquire();
  store::Tx tx(*conn);
  auto before = must_find_editable(*conn, id);
  if (before["user_count"].get<int64_t>() > 0) {
    throw http::ApiError(409, "role_in_use", "仍有用户持有该角色，请先移除后再删除");
  }
  store::exec(*conn, "DELETE FROM role WHERE id = $1", {id});
  audit(*conn, Actor::of(p), {"delete", "role", std::to_string(id), std::nullopt, before, nullptr});
  tx.commit();
}

nlohmann::json permission_list(const Principal& p) {
  require(p, "role:read");
  nlohmann::json items = nlohmann::json::array();
  for (const auto& perm : permission_catalog()) {
    items.push_back({{"key", perm.key}, {"name", perm.name}, {"group", perm.group}});
  }
  return {{"items", items}};
}

}  // namespace guiyan::service
