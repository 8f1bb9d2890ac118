// Data scope: two counties of one city must not see each other's records.
#include "api/api_env.h"

using namespace guiyan::testing;

namespace {

std::set<std::string> usernames(const HttpResult& r) {
  std::set<std::string> out;
  auto body = r.json();
  for (const auto& u : body["items"]) out.insert(u["username"].get<std::string>());
  return out;
}

int64_t user_id(const std::string& name) {
  auto& env = ApiEnv::get();
  return env.client()
      .get("/api/v1/users?q=" + name, env.token("city_sys"))
      .json()["items"][0]["id"];
}

}  // namespace

TEST(ScopeApi, CountyAdministratorsSeeOnlyTheirCounty) {
  auto& env = ApiEnv::get();
  auto ga = usernames(env.client().get("/api/v1/users?limit=500", env.token("ga_sys")));
  auto jl = usernames(env.client().get("/api/v1/users?limit=500", env.token("jl_sys")));
  auto city = usernames(env.client().get("/api/v1/users?limit=500", env.token("city_sys")));
  EXPECT_TRUE(ga.count("ga_clerk"));
  EXPECT_FALSE(ga.count("jl_clerk"));
  EXPECT_FALSE(ga.count("city_sys"));  // the city above is outside a county's scope
  EXPECT_TRUE(jl.count("jl_clerk"));
  EXPECT_FALSE(jl.count("ga_clerk"));
  EXPECT_TRUE(city.count("ga_clerk") && city.count("jl_clerk") && city.count("city_sys"));
}

TEST(ScopeApi, ARecordOutsideTheScopeLooksExactlyLikeAMissingOne) {
  auto& env = ApiEnv::get();
  std::string ga = env.token("ga_sys");
  auto other = env.client().get("/api/v1/users/" + std::to_string(user_id("jl_clerk")), ga);
  auto missing = env.client().get("/api/v1/users/99999999", ga);
  EXPECT_EQ(other.status, 404);
  EXPECT_EQ(other.body, missing.body);
  auto own = env.client().get("/api/v1/users/" + std::to_string(user_id("ga_clerk")), ga);
  EXPECT_EQ(own.status, 200);
  auto patch = env.client().patch("/api/v1/users/" + std::to_string(user_id("jl_clerk")),
                                  {{"display_name", "改名"}}, ga);
  EXPECT_EQ(patch.status, 404);
}

TEST(ScopeApi, CannotCreateAccountsOutsideTheScope) {
  auto& env = ApiEnv::get();
  auto r = env.client().post("/api/v1/users",
                             {{"username", "ga_made_in_jl"},
                              {"display_name", "越权"},
                              {"password", kPassword},
                              {"region_code", "421088"}},
                             env.token("ga_sys"));
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.json()["error"]["code"], "out_of_scope");
  EXPECT_EQ(r.json()["error"]["field"], "region_code");
}

TEST(ScopeApi, PermissionsSeparateTheThreeAdministrators) {
  auto& env = ApiEnv::get();
  EXPECT_EQ(env.client().get("/api/v1/users", env.token("city_aud")).status, 403);
  EXPECT_EQ(env.client().get("/api/v1/audit", env.token("city_sys")).status, 403);
  EXPECT_EQ(env.client().get("/api/v1/roles", env.token("city_sys")).status, 403);
  EXPECT_EQ(env.client().get("/api/v1/roles", env.token("city_sec")).status, 200);
  EXPECT_EQ(env.client().get("/api/v1/users", env.token("ga_clerk")).status, 403);
  // A system administrator creates accounts but may not hand out roles: that is security's job.
  auto r = env.client().post("/api/v1/users",
                             {{"username", "sys_grants"},
                              {"display_name", "x"},
                              {"password", kPassword},
                              {"region_code", "421000"},
                              {"roles", {"auditor"}}},
                             env.token("city_sys"));
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(r.json()["error"]["message"], "您没有执行此操作的权限");
}

TEST(ScopeApi, ListedRegionsScopeAndTheUnionOfRoles) {
  auto& env = ApiEnv::get();
  std::string sec = env.token("city_sec");
  auto role = env.client().post("/api/v1/roles",
                                {{"key", "jl_viewer"},
                                 {"name", "监利账号查看"},
                                 {"data_scope", "regions"},
                                 {"regions", {"421088"}},
                                 {"permissions", {"user:read"}}},
                                sec);
  ASSERT_EQ(role.status, 201) << role.body;
  // Created by the system administrator, given the role by the security administrator.
  auto made = env.client().post("/api/v1/users",
                                {{"username", "viewer1"},
                                 {"display_name", "查看员"},
                                 {"password", kPassword},
                                 {"region_code", "421022"}},
                                env.token("city_sys"));
  ASSERT_EQ(made.status, 201) << made.body;
  auto grant =
      env.client().patch("/api/v1/users/" + std::to_string(made.json()["id"].get<int64_t>()),
                         {{"roles", {"jl_viewer"}}}, sec);
  ASSERT_EQ(grant.status, 200) << grant.body;
  auto seen = usernames(env.client().get("/api/v1/users?limit=500", env.token("viewer1")));
  EXPECT_TRUE(seen.count("jl_clerk"));
  EXPECT_FALSE(seen.count("ga_clerk"));  // its own county is not listed
  // Built-in roles cannot be edited; a role in use cannot be deleted.
  auto roles = env.client().get("/api/v1/roles", sec).json()["items"];
  EXPECT_EQ(env.client()
                .patch("/api/v1/roles/" + std::to_string(roles[0]["id"].get<int64_t>()),
                       {{"name", "x"}}, sec)
                .status,
            409);
  auto del = env.client().request(
      "DELETE", "/api/v1/roles/" + std::to_string(role.json()["id"].get<int64_t>()), "",
      {"Authorization: Bearer " + sec});
  EXPECT_EQ(del.status, 409);
  EXPECT_EQ(del.json()["error"]["code"], "role_in_use");
}

TEST(ScopeApi, DepartmentsAreScopedToo) {
  auto& env = ApiEnv::get();
  auto ga = env.client().get("/api/v1/departments", env.token("ga_sys")).json();
  for (const auto& d : ga["items"]) EXPECT_EQ(d["region_code"], "421022") << d.dump();
  EXPECT_GE(ga["total"].get<int>(), 1);
  auto r = env.client().post("/api/v1/departments",
                             {{"name", "公安县招商服务中心"}, {"region_code", "421022"}},
                             env.token("ga_sys"));
  EXPECT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json()["kind"], "investment");
  auto dup = env.client().post("/api/v1/departments",
                               {{"name", "公安县招商服务中心"}, {"region_code", "421022"}},
                               env.token("ga_sys"));
  EXPECT_EQ(dup.status, 409);
  auto out =
      env.client().post("/api/v1/departments", {{"name", "监利市某局"}, {"region_code", "421088"}},
                        env.token("ga_sys"));
  EXPECT_EQ(out.status, 400);
}

TEST(ScopeApi, ClerksPickCaseWorkersAmongTheirCountysStaff) {
  auto& env = ApiEnv::get();
  auto staff = env.client().get("/api/v1/staff", env.token("ga_clerk"));
  ASSERT_EQ(staff.status, 200) << staff.body;
  auto items = staff.json()["items"];
  std::set<int64_t> ids;
  for (const auto& s : items) ids.insert(s["id"].get<int64_t>());
  // The county's clerk, not its administrator or auditor (they write no records), and nobody
  // from another county or the city above.
  EXPECT_TRUE(ids.count(user_id("ga_clerk"))) << staff.body;
  EXPECT_FALSE(ids.count(user_id("ga_sys")));
  EXPECT_FALSE(ids.count(user_id("ga_aud")));
  EXPECT_FALSE(ids.count(user_id("jl_clerk")));
  EXPECT_EQ(items[0]["department_name"], "公安县人社局");
  EXPECT_EQ(
      env.client().get("/api/v1/staff?q=nobody", env.token("ga_clerk")).json()["items"].size(), 0u);
  // Accounts that write no records have nobody to assign.
  EXPECT_EQ(env.client().get("/api/v1/staff", env.token("ga_aud")).status, 403);
}

TEST(ScopeApi, ARegionFilterOutsideTheScopeSaysSoInsteadOfListingNothing) {
  auto& env = ApiEnv::get();
  // Every list, tally and export a clerk filters by region: another county's code can only
  // ever answer nothing (or a tally of zeros, "minimum not met"), so it is refused with the
  // region named; the clerk's own county and the city above it stay filters like any other.
  const char* paths[] = {"/api/v1/people",
                         "/api/v1/people/stats",
                         "/api/v1/people/export",
                         "/api/v1/merchants",
                         "/api/v1/merchants/export",
                         "/api/v1/merchants/freshness",
                         "/api/v1/projects",
                         "/api/v1/projects/board",
                         "/api/v1/projects/approvals",
                         "/api/v1/appeals",
                         "/api/v1/offers",
                         "/api/v1/chambers",
                         "/api/v1/stations",
                         "/api/v1/ambassadors",
                         "/api/v1/ventures",
                         "/api/v1/ventures/export",
                         "/api/v1/events",
                         "/api/v1/events/tally",
                         "/api/v1/applications",
                         "/api/v1/loans",
                         "/api/v1/financing",
                         "/api/v1/departments",
                         "/api/v1/report-lines"};
  std::string clerk = env.token("ga_clerk");
  for (const char* path : paths) {
    SCOPED_TRACE(path);
    auto other = env.client().get(std::string(path) + "?region=421088", clerk);
    EXPECT_EQ(other.status, 403) << other.body;
    EXPECT_EQ(other.json()["error"]["code"], "out_of_scope");
    EXPECT_EQ(other.json()["error"]["field"], "region");
    EXPECT_EQ(other.json()["error"]["message"], "“荆州市/监利市”超出您的数据范围");
    EXPECT_EQ(env.client().get(std::string(path) + "?region=421022", clerk).status, 200);
    EXPECT_EQ(env.client().get(std::string(path) + "?region=421000", clerk).status, 200);
    auto unknown = env.client().get(std::string(path) + "?region=421099", clerk);
    EXPECT_EQ(unknown.status, path == std::string("/api/v1/people/stats") ? 404 : 400);
  }
  // Accounts: the county's system administrator is refused the other county the same way; the
  // city's, who sees both counties, lists jl's accounts with the same filter.
  auto users = env.client().get("/api/v1/users?region=421088", env.token("ga_sys"));
  EXPECT_EQ(users.status, 403);
  EXPECT_EQ(env.client().get("/api/v1/users?region=421088", env.token("city_sys")).status, 200);
}
