// The audit log records every write with before and after, and cannot be changed.
#include "api/api_env.h"

using namespace guiyan::testing;

TEST(AuditApi, AWriteIsRecordedWithWhoWhereBeforeAndAfter) {
  auto& env = ApiEnv::get();
  std::string admin = env.token("ga_sys");
  auto made = env.client().post("/api/v1/users",
                                {{"username", "audited1"},
                                 {"display_name", "张三"},
                                 {"password", kPassword},
                                 {"region_code", "421022100"}},
                                admin);
  ASSERT_EQ(made.status, 201) << made.body;
  std::string id = std::to_string(made.json()["id"].get<int64_t>());
  auto changed = env.client().patch("/api/v1/users/" + id, {{"display_name", "张三丰"}}, admin);
  ASSERT_EQ(changed.status, 200) << changed.body;

  auto log = env.client().get("/api/v1/audit?entity=user&entity_id=" + id, env.token("ga_aud"));
  ASSERT_EQ(log.status, 200) << log.body;
  auto items = log.json()["items"];
  ASSERT_EQ(items.size(), 2u) << log.body;
  EXPECT_EQ(items[0]["action"], "update");  // newest first
  EXPECT_EQ(items[0]["username"], "ga_sys");
  EXPECT_EQ(items[0]["ip"], "127.0.0.1");
  EXPECT_EQ(items[0]["before"]["display_name"], "张三");
  EXPECT_EQ(items[0]["after"]["display_name"], "张三丰");
  EXPECT_EQ(items[1]["action"], "create");
  EXPECT_TRUE(items[1]["before"].is_null());
  EXPECT_EQ(items[1]["after"]["username"], "audited1");
  EXPECT_EQ(items[1]["after"].dump().find("password"), std::string::npos);
}

TEST(AuditApi, LoginsAndFailuresAreRecorded) {
  auto& env = ApiEnv::get();
  env.login("jl_clerk", "Wrong#pass9");
  auto log =
      env.client().get("/api/v1/audit?user=jl_clerk&action=login_failed", env.token("city_aud"));
  ASSERT_EQ(log.status, 200);
  ASSERT_FALSE(log.json()["items"].empty());
  EXPECT_EQ(log.json()["items"][0]["after"]["reason"], "wrong_password");
}

TEST(AuditApi, CountyAuditorSeesOnlyItsCounty) {
  auto& env = ApiEnv::get();
  env.token("jl_sys");  // a login in 监利市
  auto log = env.client().get("/api/v1/audit?user=jl_sys", env.token("ga_aud"));
  ASSERT_EQ(log.status, 200);
  EXPECT_TRUE(log.json()["items"].empty()) << log.body;
  auto city = env.client().get("/api/v1/audit?user=jl_sys", env.token("city_aud"));
  EXPECT_FALSE(city.json()["items"].empty());
}

TEST(AuditApi, CursorPagingAndDateFilters) {
  auto& env = ApiEnv::get();
  std::string aud = env.token("city_aud");
  auto first = env.client().get("/api/v1/audit?limit=2", aud).json();
  ASSERT_EQ(first["items"].size(), 2u);
  int64_t next = first["next_before_id"];
  auto second =
      env.client().get("/api/v1/audit?limit=2&before_id=" + std::to_string(next), aud).json();
  ASSERT_FALSE(second["items"].empty());
  EXPECT_LT(second["items"][0]["id"].get<int64_t>(), next);
  EXPECT_TRUE(env.client().get("/api/v1/audit?to=2000-01-01", aud).json()["items"].empty());
  EXPECT_EQ(env.client().get("/api/v1/audit?from=yesterday", aud).status, 400);
}

TEST(AuditApi, NoRouteChangesTheLog) {
  auto& env = ApiEnv::get();
  std::string auth = "Authorization: Bearer " + env.token("city_aud");
  for (const char* method : {"POST", "PATCH", "DELETE", "PUT"}) {
    auto r = env.client().request(method, "/api/v1/audit", "{}", {auth});
    EXPECT_EQ(r.status, 405) << method;
  }
  EXPECT_EQ(env.client().request("DELETE", "/api/v1/audit/1", "", {auth}).status, 404);
}
