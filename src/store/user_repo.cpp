#include "store/user_repo.h"

#include <map>

namespace guiyan::store {
namespace {

const char* kSelect =
    "SELECT u.id, u.username, u.display_name, u.department_id, COALESCE(d.name, ''), "
    "u.region_code, COALESCE(r.name, ''), u.disabled, u.locked_until, u.created_at "
    "FROM app_user u LEFT JOIN department d ON d.id = u.department_id "
    "LEFT JOIN region r ON r.code = u.region_code ";

UserRecord from_row(const Row& r) {
  UserRecord u;
  u.id = r.i64(0);
  u.username = r.text(1);
  u.display_name = r.text(2);
  u.department_id = r.opt_i64(3);
  u.department_name = r.text(4);
  u.region_code = r.text(5);
  u.region_name = r.text(6);
  u.disabled = r.i64(7) != 0;
  u.locked_until = r.opt_text(8);
  u.created_at = r.text(9);
  return u;
}

void attach_roles(Conn& c, std::vector<UserRecord>& users) {
  if (users.empty()) return;
  std::map<int64_t, UserRecord*> by_id;
  std::string ids;
  Params params;
  for (auto& u : users) {
    by_id[u.id] = &u;
    params.push_back(u.id);
    ids += (ids.empty() ? "$" : ", $") + std::to_string(params.size());
  }
  for (const Row& r : query(c,
                            "SELECT ur.user_id, r.key FROM user_role ur JOIN role r ON r.id = "
                            "ur.role_id WHERE ur.user_id IN (" +
                                ids + ") ORDER BY r.id",
                            params)) {
    by_id[r.i64(0)]->roles.push_back(r.text(1));
  }
}

}  // namespace

std::optional<UserRecord> find_user(Conn& c, int64_t id) {
  auto row = query_one(c, std::string(kSelect) + "WHERE u.id = $1", {id});
  if (!row) return std::nullopt;
  std::vector<UserRecord> one{from_row(*row)};
  attach_roles(c, one);
  return one.front();
}

std::vector<UserRecord> list_users(Conn& c, const std::string& where, const Params& params,
                                   int64_t limit, int64_t offset, int64_t* total) {
  *total = query_int(c, "SELECT COUNT(*) FROM app_user u WHERE " + where, params);
  Params page = params;
  page.push_back(limit);
  page.push_back(offset);
  std::string sql = std::string(kSelect) + "WHERE " + where + " ORDER BY u.id LIMIT $" +
                    std::to_string(page.size() - 1) + " OFFSET $" + std::to_string(page.size());
  std::vector<UserRecord> out;
  for (const Row& r : query(c, sql, page)) out.push_back(from_row(r));
  attach_roles(c, out);
  return out;
}

int64_t insert_user(Conn& c, const UserRecord& u, const std::string& password_hash,
                    const std::string& now) {
  return query_int(c,
                   "INSERT INTO app_user (username, display_name, password_hash, department_id, "
                   "region_code, disabled, password_changed_at, created_at) "
                   "VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id",
                   {u.username, u.display_name, password_hash, nullable(u.department_id),
                    u.region_code, int64_t{u.disabled}, now});
}

std::optional<int64_t> role_id_by_key(Conn& c, const std::string& key) {
  auto r = query_one(c, "SELECT id FROM role WHERE key = $1", {key});
  if (!r) return std::nullopt;
  return r->i64(0);
}

void set_user_roles(Conn& c, int64_t user_id, const std::vector<std::string>& role_keys) {
  exec(c, "DELETE FROM user_role WHERE user_id = $1", {user_id});
  for (const auto& key : role_keys) {
    auto id = role_id_by_key(c, key);
    if (!id) throw DbError(DbErrorKind::foreign_key, "unknown role " + key, "role.key");
    exec(c, "INSERT INTO user_role (user_id, role_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
         {user_id, *id});
  }
}

}  // namespace guiyan::store
