// The HTTP layer: health, bad input, limits, pipelining, graceful shutdown.
#include <sys/wait.h>

#include <future>
#include <thread>

#include "api/api_env.h"
#include "support/postgres_server.h"

using namespace guiyan::testing;

TEST(HttpApi, HealthReportsDatabaseAndSchema) {
  auto r = ApiEnv::get().client().get("/api/v1/health");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.json()["status"], "ok");
  EXPECT_EQ(r.json()["database"], testing_on_postgres() ? "postgresql" : "sqlite");
  EXPECT_GE(r.json()["schema_version"].get<int>(), 3);
  EXPECT_FALSE(r.json()["version"].get<std::string>().empty());
}

TEST(HttpApi, BadBodiesGetClearChineseErrors) {
  auto c = ApiEnv::get().client();
  struct Case {
    std::string body, code, field;
  } cases[] = {
      {"{\"username\":", "invalid_json", ""},
      {"[1,2]", "invalid_json", ""},
      {"", "invalid_json", ""},
      {"{\"username\":\"a\",\"password\":5}", "invalid_type", "password"},
      {"{\"username\":\"a\"}", "required", "password"},
      {"{\"username\":\"a\",\"password\":\"b\",\"admin\":true}", "unknown_field", "admin"},
      {"{\"username\":\"\xc3\x28\",\"password\":\"b\"}", "invalid_utf8", ""},
      {"{\"username\":\"" + std::string(100, 'a') + "\",\"password\":\"b\"}", "too_long",
       "username"},
  };
  for (const auto& k : cases) {
    auto r = c.request("POST", "/api/v1/auth/login", k.body);
    EXPECT_EQ(r.status, 400) << k.body;
    EXPECT_EQ(r.json()["error"]["code"], k.code) << k.body << " → " << r.body;
    if (!k.field.empty()) {
      EXPECT_EQ(r.json()["error"]["field"], k.field) << k.body;
    }
    EXPECT_FALSE(r.json()["error"]["message"].get<std::string>().empty());
  }
}

TEST(HttpApi, BadQueriesAndPaths) {
  auto& env = ApiEnv::get();
  std::string t = env.token("city_sys");
  EXPECT_EQ(env.client().get("/api/v1/users?limit=abc", t).json()["error"]["field"], "limit");
  EXPECT_EQ(env.client().get("/api/v1/users?limit=100000", t).status, 400);
  EXPECT_EQ(env.client().get("/api/v1/users?q=%zz", t).status, 400);
  EXPECT_EQ(env.client().get("/api/v1/users/abc", t).status, 404);
  auto missing = env.client().get("/api/v1/no-such-thing", t);
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.json()["error"]["code"], "no_such_endpoint");
}

TEST(HttpApi, OversizedBodiesAreRefusedAndTheServerLives) {
  auto& env = ApiEnv::get();
  std::string big = "{\"username\":\"" + std::string(2 << 20, 'a') + "\"}";
  auto r = env.client().request("POST", "/api/v1/auth/login", big);
  EXPECT_EQ(r.status, 413);
  EXPECT_EQ(r.json()["error"]["code"], "body_too_large");
  // Far past the hard cap the connection is closed without reading the body into memory.
  std::string huge(12 << 20, 'x');
  auto closed = env.client().request("POST", "/api/v1/auth/login", huge);
  EXPECT_NE(closed.status, 200);
  EXPECT_EQ(env.client().get("/api/v1/health").status, 200);
}

TEST(HttpApi, PipelinedRequestsAreAnsweredInOrder) {
  auto& env = ApiEnv::get();
  std::string reqs =
      "GET /api/v1/auth/me HTTP/1.1\r\nHost: x\r\n\r\n"
      "GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n"
      "GET /api/v1/nope HTTP/1.1\r\nHost: x\r\n\r\n"
      "GET /api/v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
  auto rs = env.client().raw(reqs, 4);
  ASSERT_EQ(rs.size(), 4u);
  EXPECT_EQ(rs[0].status, 401);
  EXPECT_EQ(rs[1].status, 200);
  EXPECT_EQ(rs[2].status, 404);
  EXPECT_EQ(rs[3].status, 200);
}

TEST(HttpApi, SigtermFinishesRequestsInFlight) {
  ServerProcess s;
  s.add_user("late", "clerk", "421000", "荆州市人社局", kPassword);
  s.start();
  HttpClient c(s.port());
  // A login takes tens of milliseconds of Argon2id: stop the server while it runs.
  auto pending = std::async(std::launch::async, [&] {
    return c.post("/api/v1/auth/login", {{"username", "late"}, {"password", kPassword}});
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(15));
  s.signal_stop();
  auto r = pending.get();
  EXPECT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(s.wait(), 0);
}

TEST(HttpApi, ServesTheConsoleWithClientSideRoutes) {
  auto& env = ApiEnv::get();
  auto index = env.client().get("/");
  auto deep = env.client().get("/system/users");
  EXPECT_EQ(index.status, deep.status);
  EXPECT_EQ(index.body, deep.body);
  EXPECT_NE(index.body.find("<"), std::string::npos);
  EXPECT_EQ(env.client().get("/../../etc/passwd").status, 404);
}
