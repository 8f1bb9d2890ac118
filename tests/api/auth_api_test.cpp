// Sign-in, sessions, lockout and logout through the real server.
#include "api/api_env.h"

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
