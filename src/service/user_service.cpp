#include "service/user_service.h"

#include <algorithm>
#include <iterator>

#include "auth/password.h"
#include "core/clock.h"
#include "http/api_error.h"
#include "service/audit.h"
#include "service/data_scope.h"
#include "service/region_filter.h"
#include "service/region_service.h"

namespace guiyan::service {
namespace {

using http::ApiError;
using http::bad_request;

void check_username(const std::string& name) {
  bool ok = name.size() >= 3 && name.size() <= 32;
  for (char c : name) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '-')) {
      ok = false;
    }
  }
  if (!ok) {
    throw bad_request("username", "用户名只能包含字母、数字、下划线、点和连字符，长度3至32位");
  }
}

void check_password(const std::string& password) {
  if (auto why = auth::password_policy_violation(password)) {
    throw bad_request("password", *why, "weak_password");
  }
}

// Checks region and department exist, fit together and lie in the creator's scope.
void check_placement(store::Conn& c, const Principal* by, const std::string& region,
                     std::optional<int64_t> department_id) {
  if (!region_exists(c, region)) {
    throw bad_request("region_code", "行政区划代码“" + region + "”不存在");
  }
  if (by && !in_scope(*by, region)) {
    throw bad_request("region_code", "所选区划不在您的管理范围内", "out_of_scope");
  }
  if (department_id) {
    auto d = store::query_one(c, "SELECT region_code, name FROM department WHERE id = $1",
                              {*department_id});
    if (!d || (by && !in_scope(*by, d->text(0)))) {
      throw bad_request("department_id", "所选部门不存在或不在您的管理范围内");
    }
    if (!region_within(region, d->text(0))) {
      throw bad_request("region_code",
                        "用户所在区划须为部门“" + d->text(1) + "”所在区划或其下级区划");
    }
  }
}

void check_roles(store::Conn& c, const std::vector<std::string>& roles) {
  for (const auto& key : roles) {
    if (!store::role_id_by_key(c, key)) throw bad_request("roles", "角色“" + key + "”不存在");
  }
}

store::UserRecord must_find(store::Conn& c, const Principal* by, int64_t id) {
  auto u = store::find_user(c, id);
  if (!u || (by && !in_scope(*by, u->region_code))) throw http::not_found("用户");
  return *u;
}

}  // namespace

nlohmann::json user_json(const store::UserRecord& u, const std::string& now_iso) {
  std::string status = "active";
  if (u.disabled) {
    status = "disabled";
  } else if (u.locked_until && *u.locked_until > now_iso) {
    status = "locked";
  }
  return {{"id", u.id},
          {"username", u.username},
          {"display_name", u.display_name},
          {"department_id", u.department_id ? nlohmann::json(*u.department_id) : nullptr},
          {"department_name", u.department_name},
          {"region_code", u.region_code},
          {"region_name", u.region_name},
          {"roles", u.roles},
          {"status", status},
          {"locked_until", status == "locked" ? nlohmann::json(*u.locked_until) : nullptr},
          {"created_at", u.created_at}};
}

nlohmann::json list_users(store::Db& db, const Principal& p, const UserQuery& q) {
  require(p, "user:read");
  auto conn = db.acquire();
  store::SqlBuilder sql;
  std::string where = scope_condition(p, sql, "u.region_code");
  if (!q.q.empty()) {
    // LOWER on both sides: SQLite's LIKE ignores ASCII case and PostgreSQL's does not.
    std::string like = sql.bind("%" + q.q + "%");
    where +=
        " AND (LOWER(u.username) LIKE LOWER(" + like + ") OR u.display_name LIKE " + like + ")";
  }
  if (!q.region.empty()) {
    check_region_filter(db, *conn, p, q.region);
    where += " AND " + subtree_condition(sql, "u.region_code", q.region);
  }
  if (q.department_id) where += " AND u.department_id = " + sql.bind(*q.department_id);
  int64_t total = 0;
  auto users = store::list_users(*conn, where, sql.params(), q.limit, q.offset, &total);
  nlohmann::json items = nlohmann::json::array();
  std::string now = core::now_iso();
  for (const auto& u : users) items.push_back(user_json(u, now));
  return {{"items", items}, {"total", total}};
}

nlohmann::json list_case_workers(store::Db& db, const Principal& p, const std::string& q,
                                 int64_t limit) {
  static const char* kWriters[] = {"person:write", "merchant:write", "project:write"};
  if (std::none_of(std::begin(kWriters), std::end(kWriters),
                   [&](const char* perm) { return p.can(perm); })) {
    throw http::forbidden();
  }
  store::SqlBuilder sql;
  std::string where = scope_condition(p, sql, "u.region_code");
  if (!q.empty()) {
    std::string like = sql.bind("%" + q + "%");
    where +=
        " AND (LOWER(u.username) LIKE LOWER(" + like + ") OR u.display_name LIKE " + like + ")";
  }
  std::string perms = sql.bind_list(kWriters);
  nlohmann::json items = nlohmann::json::array();
  auto conn = db.acquire();
  conn->run(
      "SELECT u.id, u.display_name, COALESCE(d.name, ''), u.region_code FROM app_user u "
      "LEFT JOIN department d ON d.id = u.department_id WHERE u.disabled = 0 AND " +
          where +
          " AND EXISTS (SELECT 1 FROM user_role ur JOIN role_permission rp ON rp.role_id = "
          "ur.role_id WHERE ur.user_id = u.id AND rp.permission IN (" +
          perms + ")) ORDER BY u.display_name, u.id LIMIT " + sql.bind(limit),
      sql.params(), [&](const store::Row& r) {
        items.push_back({{"id", r.i64(0)},
                         {"display_name", r.text(1)},
                         {"department_name", r.text(2)},
                         {"region_code", r.text(3)}});
      });
  return {{"items", items}};
}

store::UserRecord get_user(store::Db& db, const Principal& p, int64_t id) {
  require(p, "user:read");
  auto conn = db.acquire();
  return must_find(*conn, &p, id);
}

store::UserRecord create_user(store::Db& db, const Actor& actor, const Principal* by,
                              const NewUser& u) {
  if (by) {
    require(*by, "user:write");
    if (!u.roles.empty()) require(*by, "user:grant");
  }
  check_username(u.username);
  if (u.display_name.empty()) throw bad_request("display_name", "请填写姓名");
  check_password(u.password);
  std::string hash = auth::hash_password(u.password);  // slow: outside the write transaction
  auto conn = db.acquire();
  check_placement(*conn, by, u.region_code, u.department_id);
  check_roles(*conn, u.roles);
  store::Tx tx(*conn);
  if (store::query_int(*conn, "SELECT COUNT(*) FROM app_user WHERE username = $1", {u.username}) >
      0) {
    throw ApiError(409, "duplicate", "用户名“" + u.username + "”已被使用", "username");
  }
  store::UserRecord rec;
  rec.username = u.username;
  rec.display_name = u.display_name;
  rec.department_id = u.department_id;
  rec.region_code = u.region_code;
  int64_t id = store::insert_user(*conn, rec, hash, core::now_iso());
  store::set_user_roles(*conn, id, u.roles);
  auto created = *store::find_user(*conn, id);
  std::string now = core::now_iso();
  audit(*conn, actor,
        {"create", "user", std::to_string(id), created.region_code, nullptr,
         user_json(created, now)});
  tx.commit();
  return created;
}

store::UserRecord update_user(store::Db& db, const Principal& p, int64_t id, const UserChange& c) {
  // Roles are the security administrator's (user:grant); everything else needs user:write.
  if (c.display_name || c.department_id || c.region_code || c.disabled) require(p, "user:write");
  if (c.roles) require(p, "user:grant");
  if (!c.roles) require(p, "user:write");
  auto conn = db.acquire();
  store::Tx tx(*conn);
  auto before = must_find(*conn, &p, id);
  if (c.display_name && c.display_name->empty()) throw bad_request("display_name", "请填写姓名");
  std::string region = c.region_code.value_or(before.region_code);
  auto department = c.department_id ? c.department_id : before.department_id;
  if (c.region_code || c.department_id) check_placement(*conn, &p, region, department);
  if (c.roles) check_roles(*conn, *c.roles);
  if (c.disabled && *c.disabled && id == p.user_id) {
    throw bad_request("disabled", "不能停用自己的账号");
  }
  store::exec(*conn,
              "UPDATE app_user SET display_name = $2, department_id = $3, region_code = $4, "
              "disabled = $5 WHERE id = $1",
              {id, c.display_name.value_or(before.display_name), store::nullable(department),
               region, int64_t{c.disabled.value_or(before.disabled)}});
  if (c.roles) store::set_user_roles(*conn, id, *c.roles);
  if (c.disabled.value_or(false))
    store::exec(*conn, "DELETE FROM session WHERE user_id = $1", {id});
  auto after = *store::find_user(*conn, id);
  std::string now = core::now_iso();
  audit(*conn, Actor::of(p),
        {"update", "user", std::to_string(id), after.region_code, user_json(before, now),
         user_json(after, now)});
  tx.commit();
  return after;
}

void set_password(store::Db& db, const Actor& actor, const Principal* by, int64_t id,
                  const std::string& password) {
  if (by) require(*by, "user:write");
  check_password(password);
  std::string hash = auth::hash_password(password);
  auto conn = db.acquire();
  store::Tx tx(*conn);
  auto u = must_find(*conn, by, id);
  store::exec(*conn,
              "UPDATE app_user SET password_hash = $2, password_changed_at = $3, "
              "failed_logins = 0, locked_until = NULL WHERE id = $1",
              {id, hash, core::now_iso()});
  store::exec(*conn, "DELETE FROM session WHERE user_id = $1", {id});
  audit(*conn, actor,
        {"update", "user", std::to_string(id), u.region_code, nullptr, {{"password", "changed"}}});
  tx.commit();
}

store::UserRecord unlock_user(store::Db& db, const Principal& p, int64_t id) {
  require(p, "user:write");
  auto conn = db.acquire();
  store::Tx tx(*conn);
  auto before = must_find(*conn, &p, id);
  store::exec(*conn, "UPDATE app_user SET failed_logins = 0, locked_until = NULL WHERE id = $1",
              {id});
  auto after = *store::find_user(*conn, id);
  std::string now = core::now_iso();
  audit(*conn, Actor::of(p),
        {"update", "user", std::to_string(id), after.region_code, user_json(before, now),
         user_json(after, now)});
  tx.commit();
  return after;
}

std::optional<int64_t> user_id_by_name(store::Db& db, const std::string& username) {
  auto conn = db.acquire();
  auto r = store::query_one(*conn, "SELECT id FROM app_user WHERE username = $1", {username});
  if (!r) return std::nullopt;
  return r->i64(0);
}

}  // namespace guiyan::service
