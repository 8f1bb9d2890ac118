// Sign-in, sessions, lockout and logout through the real server.
#include "api/api_env.h"
#include "store/db.h"

using namespace guiyan::testing;

TEST(AuthApi, LoginGivesHttpOnlyStrictCookieAndBearerToken) {
  auto& env = ApiEnv::get();
  auto r = env.login("city_sys", kPassword);
  ASSERT_EQ(r.status, 200) << r.body;
  std::string token = r.json()["token"];
  EXPECT_EQ(r.json()["user"]["username"], "city_sys");
  const std::string& cookie = r.headers["set-cookie"];
  EXPECT_NE(cookie.find("guiyan_session=" + token), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
  auto by_cookie = env.client().request("GET", "/api/v1/auth/me", "",
                                        {"Cookie: other=1; guiyan_session=" + token});
  EXPECT_EQ(by_cookie.status, 200);
  EXPECT_EQ(by_cookie.json()["region"]["name"], "荆州市");
  auto by_bearer = env.client().get("/api/v1/auth/me", token);
  EXPECT_EQ(by_bearer.status, 200);
  auto perms = by_bearer.json()["permissions"];
  EXPECT_NE(std::find(perms.begin(), perms.end(), "user:write"), perms.end());
  EXPECT_EQ(std::find(perms.begin(), perms.end(), "audit:read"), perms.end());
}

TEST(AuthApi, WrongPasswordAndUnknownUserGetTheSameAnswer) {
  auto& env = ApiEnv::get();
  auto wrong = env.login("jl_clerk", "Wrong#pass1");
  auto unknown = env.login("nobody_here", "Wrong#pass1");
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(unknown.status, 401);
  EXPECT_EQ(wrong.json()["error"]["message"], "用户名或密码错误");
  EXPECT_EQ(wrong.body, unknown.body);
  EXPECT_EQ(env.login("jl_clerk", kPassword).status, 200);  // one failure does not lock
}

TEST(AuthApi, FiveFailuresLockTheAccountUntilUnlocked) {
  auto& env = ApiEnv::get();
  env.server().add_user("lock_me", "clerk", "421022", "公安县人社局", kPassword);
  for (int i = 1; i <= 4; ++i)
    EXPECT_EQ(env.login("lock_me", "Bad#pass" + std::to_string(i)).status, 401);
  auto fifth = env.login("lock_me", "Bad#pass5");
  EXPECT_EQ(fifth.status, 423) << fifth.body;
  EXPECT_EQ(fifth.json()["error"]["code"], "account_locked");
  EXPECT_NE(fifth.json()["error"]["message"].get<std::string>().find("锁定"), std::string::npos);
  // The right password does not get in while locked.
  EXPECT_EQ(env.login("lock_me", kPassword).status, 423);
  // The county's system administrator sees the lock and lifts it.
  std::string admin = env.token("ga_sys");
  auto list = env.client().get("/api/v1/users?q=lock_me", admin);
  ASSERT_EQ(list.json()["total"], 1) << list.body;
  EXPECT_EQ(list.json()["items"][0]["status"], "locked");
  int64_t id = list.json()["items"][0]["id"];
  auto unlock = env.client().post("/api/v1/users/" + std::to_string(id) + "/unlock",
                                  nlohmann::json::object(), admin);
  EXPECT_EQ(unlock.status, 200) << unlock.body;
  EXPECT_EQ(unlock.json()["status"], "active");
  EXPECT_EQ(env.login("lock_me", kPassword).status, 200);
}

TEST(AuthApi, LogoutEndsTheSession) {
  auto& env = ApiEnv::get();
  std::string token = env.login("jl_clerk", kPassword).json()["token"];
  EXPECT_EQ(env.client().get("/api/v1/auth/me", token).status, 200);
  auto out = env.client().post("/api/v1/auth/logout", nlohmann::json::object(), token);
  EXPECT_EQ(out.status, 200);
  EXPECT_NE(out.headers["set-cookie"].find("Max-Age=0"), std::string::npos);
  auto after = env.client().get("/api/v1/auth/me", token);
  EXPECT_EQ(after.status, 401);
  EXPECT_EQ(after.json()["error"]["code"], "unauthenticated");
}

TEST(AuthApi, EveryResourceNeedsASession) {
  auto& env = ApiEnv::get();
  for (const char* path : {"/api/v1/auth/me", "/api/v1/users", "/api/v1/regions", "/api/v1/audit",
                           "/api/v1/roles", "/api/v1/departments"}) {
    auto r = env.client().get(path);
    EXPECT_EQ(r.status, 401) << path;
    EXPECT_EQ(r.json()["error"]["message"], "未登录或登录已过期，请重新登录") << path;
  }
  EXPECT_EQ(env.client().get("/api/v1/users", "forged-token").status, 401);
}

TEST(AuthApi, PasswordResetEndsTheUsersSessions) {
  auto& env = ApiEnv::get();
  env.server().add_user("reset_me", "clerk", "421088", "监利市人社局", kPassword);
  std::string victim = env.login("reset_me", kPassword).json()["token"];
  std::string admin = env.token("jl_sys");
  int64_t id = env.client().get("/api/v1/users?q=reset_me", admin).json()["items"][0]["id"];
  auto weak = env.client().post("/api/v1/users/" + std::to_string(id) + "/password",
                                {{"password", "abcdefgh"}}, admin);
  EXPECT_EQ(weak.status, 400);
  EXPECT_EQ(weak.json()["error"]["field"], "password");
  auto ok = env.client().post("/api/v1/users/" + std::to_string(id) + "/password",
                              {{"password", "New#Pass2026"}}, admin);
  EXPECT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(env.client().get("/api/v1/auth/me", victim).status, 401);
  EXPECT_EQ(env.login("reset_me", kPassword).status, 401);
  EXPECT_EQ(env.login("reset_me", "New#Pass2026").status, 200);
}

// The stored hash and the password's age of one account, read from the database.
static std::pair<std::string, std::string> stored_password(const std::string& db_url,
                                                           const std::string& username) {
  auto db = guiyan::store::open_db(db_url, 1);
  auto conn = db->acquire();
  auto r = guiyan::store::query_one(
      *conn, "SELECT password_hash, password_changed_at FROM app_user WHERE username = $1",
      {username});
  if (!r) throw std::runtime_error("no account " + username);
  return {r->text(0), r->text(1)};
}

TEST(AuthApi, AHashOfAnotherCostIsReplacedAtTheNextSignInAndNeverLowered) {
  const std::string real_cost = "$argon2id$v=19$m=65536,t=2,p=1$";
  ServerProcess s;
  s.add_user("cheap_hash", "clerk", "421022", "公安县人社局", kPassword);  // a test run's cost
  auto [made, age] = stored_password(s.db_url(), "cheap_hash");
  ASSERT_EQ(made.rfind("$argon2id$v=19$m=8,t=1,p=1$", 0), 0u) << made;
  {
    RealPasswordCost real;  // a server as installed
    s.start();
  }
  auto login = [&](const std::string& password) {
    return HttpClient(s.port()).post("/api/v1/auth/login",
                                     {{"username", "cheap_hash"}, {"password", password}});
  };
  EXPECT_EQ(login("Wrong#pass1").status, 401);
  EXPECT_EQ(stored_password(s.db_url(), "cheap_hash").first, made);  // a wrong password: kept
  ASSERT_EQ(login(kPassword).status, 200);
  auto [upgraded, age_after] = stored_password(s.db_url(), "cheap_hash");
  EXPECT_EQ(upgraded.rfind(real_cost, 0), 0u) << upgraded;
  EXPECT_EQ(age_after, age);  // the same password: its age (and expiry) unchanged
  ASSERT_EQ(login(kPassword).status, 200);
  EXPECT_EQ(stored_password(s.db_url(), "cheap_hash").first, upgraded);  // once only
  {
    // The first sign-in's audit record says so; the second's does not.
    auto db = guiyan::store::open_db(s.db_url(), 1);
    auto conn = db->acquire();
    auto rows = guiyan::store::query(*conn,
                                     "SELECT after_json FROM audit_log WHERE action = 'login' "
                                     "AND username = 'cheap_hash' ORDER BY id");
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(nlohmann::json::parse(rows[0].text(0)),
              (nlohmann::json{{"password_rehashed", true}}));
    EXPECT_FALSE(rows[1].opt_text(0).has_value()) << rows[1].text(0);
  }
  // A test run's server checks a real-cost hash and leaves it as it is.
  s.stop();
  s.start();
  ASSERT_EQ(login(kPassword).status, 200);
  EXPECT_EQ(stored_password(s.db_url(), "cheap_hash").first, upgraded);
}
