#include "service/auth_service.h"

#include <map>

#include "auth/password.h"
#include "http/api_error.h"
#include "service/audit.h"

namespace guiyan::service {
namespace {

const std::string& dummy_hash() {
  // Verified against when the user does not exist, so both paths take the same time.
  static const std::string h = auth::hash_password("not-a-real-password-Guiyan-1");
  return h;
}

std::string hhmm_local(core::TimePoint t) {
  // Clerks read Beijing time (UTC+8).
  std::string iso = core::to_iso(t + std::chrono::hours{8});
  return iso.substr(11, 5);
}

}  // namespace

std::optional<Principal> load_principal(store::Conn& c, int64_t user_id) {
  // One statement (a round trip on PostgreSQL, paid by every request): the account (kind 0),
  // its roles in id order (1), their permissions (2) and their regions (3, by code per role).
  auto rows = store::query(
      c,
      "SELECT 0, id, username, display_name, region_code, department_id FROM app_user "
      "WHERE id = $1 "
      "UNION ALL SELECT 1, r.id, r.key, r.data_scope, NULL, NULL FROM user_role ur "
      "JOIN role r ON r.id = ur.role_id WHERE ur.user_id = $1 "
      "UNION ALL SELECT 2, NULL, rp.permission, NULL, NULL, NULL FROM user_role ur "
      "JOIN role_permission rp ON rp.role_id = ur.role_id WHERE ur.user_id = $1 "
      "UNION ALL SELECT 3, rr.role_id, rr.region_code, NULL, NULL, NULL FROM user_role ur "
      "JOIN role_region rr ON rr.role_id = ur.role_id WHERE ur.user_id = $1 "
      "ORDER BY 1, 2, 3",
      {user_id});
  if (rows.empty() || rows.front().i64(0) != 0) return std::nullopt;
  Principal p;
  std::map<int64_t, size_t> scope_of_role;
  for (const auto& r : rows) {
    switch (r.i64(0)) {
      case 0:
        p.user_id = r.i64(1);
        p.username = r.text(2);
        p.display_name = r.text(3);
        p.region_code = r.text(4);
        p.department_id = r.opt_i64(5);
        break;
      case 1:
        p.role_keys.push_back(r.text(2));
        scope_of_role[r.i64(1)] = p.scopes.size();
        p.scopes.push_back({r.text(3), {}});
        break;
      case 2:
        p.permissions.insert(r.text(2));
        break;
      default:
        p.scopes[scope_of_role.at(r.i64(1))].regions.push_back(r.text(2));
    }
  }
  return p;
}

LoginResult login(store::Db& db, const std::string& username, const std::string& password,
                  const std::string& ip, core::TimePoint now, const AuthSettings& settings) {
  const http::ApiError bad(401, "bad_credentials", "用户名或密码错误");
  auto conn = db.acquire();
  auto u = store::query_one(*conn,
                            "SELECT id, password_hash, disabled, locked_until, region_code "
                            "FROM app_user WHERE username = $1",
                            {username});
  Actor who{std::nullopt, username, ip};
  if (!u) {
    auth::verify_password(password, dummy_hash());
    store::Tx tx(*conn);
    audit(*conn, who,
          {"login_failed", "session", "", std::nullopt, nullptr, {{"reason", "unknown_user"}}});
    tx.commit();
    throw bad;
  }
  int64_t id = u->i64(0);
  who.user_id = id;
  if (auto locked = u->opt_text(3)) {
    auto until = core::parse_iso(*locked);
    if (until && *until > now) {
      throw http::ApiError(423, "account_locked",
                           "连续登录失败次数过多，账号已锁定，请于 " + hhmm_local(*until) +
                               " 后再试或联系管理员解锁");
    }
  }
  bool ok = auth::verify_password(password, u->text(1));
  // A hash of another cost (made by a test run, or before the cost rose) is replaced by one of
  // today's cost while the password is at hand; hashed before the write transaction opens.
  std::optional<std::string> rehashed;
  if (ok && u->i64(2) == 0 && auth::password_needs_rehash(u->text(1))) {
    rehashed = auth::hash_password(password);
  }
  store::Tx tx(*conn);
  if (!ok || u->i64(2) != 0) {
    std::string reason = ok ? "disabled" : "wrong_password";
    nlohmann::json detail{{"reason", reason}};
    if (!ok) {
      // One atomic statement: concurrent failures on several servers all count.
      store::exec(*conn, "UPDATE app_user SET failed_logins = failed_logins + 1 WHERE id = $1",
                  {id});
      int64_t failures =
          store::query_int(*conn, "SELECT failed_logins FROM app_user WHERE id = $1", {id});
      detail["failures"] = failures;
      if (failures >= settings.max_failed_logins) {
        std::string until = core::to_iso(now + settings.lockout);
        store::exec(*conn, "UPDATE app_user SET failed_logins = 0, locked_until = $2 WHERE id = $1",
                    {id, until});
        detail["locked_until"] = until;
      }
    }
    audit(*conn, who, {"login_failed", "session", std::to_string(id), u->text(4), nullptr, detail});
    tx.commit();
    if (ok) throw http::ApiError(403, "account_disabled", "账号已停用，请联系系统管理员");
    if (detail.contains("locked_until")) {
      throw http::ApiError(423, "account_locked",
                           "连续登录失败次数过多，账号已锁定，请于 " +
                               hhmm_local(now + settings.lockout) + " 后再试或联系管理员解锁");
    }
    throw bad;
  }
  LoginResult out;
  out.token = auth::random_token();
  auto expires = now + settings.idle_timeout;
  out.expires_at = core::to_iso(expires);
  store::exec(*conn, "UPDATE app_user SET failed_logins = 0, locked_until = NULL WHERE id = $1",
              {id});
  nlohmann::json detail = nullptr;
  if (rehashed) {
    // The same password under a new hash: password_changed_at (the password's age) stays.
    store::exec(*conn, "UPDATE app_user SET password_hash = $2 WHERE id = $1", {id, *rehashed});
    detail = {{"password_rehashed", true}};
  }
  store::exec(*conn,
              "INSERT INTO session (token_hash, user_id, created_at, last_seen_at, expires_at, ip) "
              "VALUES ($1, $2, $3, $3, $4, $5)",
              {auth::token_hash(out.token), id, core::to_iso(now), out.expires_at, ip});
  audit(*conn, who, {"login", "session", std::to_string(id), u->text(4), nullptr, detail});
  tx.commit();
  out.principal = *load_principal(*conn, id);
  out.principal.ip = ip;
  return out;
}

std::optional<Principal> authenticate(store::Db& db, const std::string& token,
                                      const std::string& ip, core::TimePoint now,
                                      const AuthSettings& settings) {
  if (token.empty() || token.size() > 200) return std::nullopt;
  std::string hash = auth::token_hash(token);
  auto conn = db.acquire();
  auto s = store::query_one(*conn,
                            "SELECT s.user_id, s.created_at, s.last_seen_at, s.expires_at, "
                            "u.disabled FROM session s JOIN app_user u ON u.id = s.user_id "
                            "WHERE s.token_hash = $1",
                            {hash});
  if (!s) return std::nullopt;
  auto created = core::parse_iso(s->text(1));
  auto last_seen = core::parse_iso(s->text(2));
  auto expires = core::parse_iso(s->text(3));
  if (!created || !last_seen || !expires || *expires <= now ||
      *created + settings.max_lifetime <= now || s->i64(4) != 0) {
    store::exec(*conn, "DELETE FROM session WHERE token_hash = $1", {hash});
    return std::nullopt;
  }
  if (now - *last_seen >= std::chrono::minutes{1}) {
    store::exec(*conn,
                "UPDATE session SET last_seen_at = $2, expires_at = $3 WHERE token_hash = $1",
                {hash, core::to_iso(now), core::to_iso(now + settings.idle_timeout)});
  }
  auto p = load_principal(*conn, s->i64(0));
  if (p) p->ip = ip;
  return p;
}

void logout(store::Db& db, const std::string& token, const Principal& who) {
  auto conn = db.acquire();
  store::Tx tx(*conn);
  store::exec(*conn, "DELETE FROM session WHERE token_hash = $1", {auth::token_hash(token)});
  audit(*conn, Actor::of(who),
        {"logout", "session", std::to_string(who.user_id), who.region_code, nullptr, nullptr});
  tx.commit();
}

}  // namespace guiyan::service
