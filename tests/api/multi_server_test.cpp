// Several guiyan serve processes on one database: nothing that only one process knows changes an
// answer. Runs on SQLite (two processes on one file) and on PostgreSQL.
#include <algorithm>
#include <atomic>
#include <filesystem>
#include <future>
#include <thread>

#include "api/api_env.h"
#include "support/postgres_server.h"

using namespace guiyan::testing;

namespace {

HttpResult login(HttpClient& c, const std::string& user, const std::string& password) {
  return c.post("/api/v1/auth/login", {{"username", user}, {"password", password}});
}

}  // namespace

TEST(MultiServer, ASessionMadeOnOneServerWorksOnTheOther) {
  ServerProcess a;
  a.add_user("two_a", "sysadmin", "421000", "荆州市人社局", kPassword);
  ServerProcess b(a.db_url());
  a.start();
  b.start();
  HttpClient ca(a.port()), cb(b.port());
  std::string token = login(ca, "two_a", kPassword).json()["token"];
  EXPECT_EQ(cb.get("/api/v1/auth/me", token).status, 200);
  auto made = cb.post("/api/v1/users",
                      {{"username", "made_on_b"},
                       {"display_name", "乙"},
                       {"password", kPassword},
                       {"region_code", "421022"}},
                      token);
  ASSERT_EQ(made.status, 201) << made.body;
  EXPECT_EQ(ca.get("/api/v1/users?q=made_on_b", token).json()["total"], 1);
  EXPECT_EQ(cb.post("/api/v1/auth/logout", nlohmann::json::object(), token).status, 200);
  EXPECT_EQ(ca.get("/api/v1/auth/me", token).status, 401);
}

TEST(MultiServer, LockoutCountsFailuresOnEveryServer) {
  ServerProcess a;
  a.add_user("two_lock", "clerk", "421000", "荆州市人社局", kPassword);
  ServerProcess b(a.db_url());
  a.start();
  b.start();
  HttpClient ca(a.port()), cb(b.port());
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(login(i % 2 ? cb : ca, "two_lock", "Bad#pass1").status, 401);
  }
  EXPECT_EQ(login(cb, "two_lock", "Bad#pass1").status, 423);
  EXPECT_EQ(login(ca, "two_lock", kPassword).status, 423);
  EXPECT_EQ(login(cb, "two_lock", kPassword).status, 423);
}

TEST(MultiServer, ServersStartingTogetherMigrateOnce) {
  std::string url;
  std::string dir;
  if (testing_on_postgres()) {
    url = PostgresServer::shared().create_database();
  } else {
    ServerProcess holder;  // only for a temporary folder name
    dir = holder.dir() + "-fresh";
    std::filesystem::create_directory(dir);
    url = "sqlite:" + dir + "/fresh.db";
  }
  std::vector<std::future<int>> runs;
  for (int i = 0; i < 4; ++i) {
    runs.push_back(std::async(std::launch::async, [&] {
      return run_guiyan({"migrate", "--db", url});
    }));
  }
  for (auto& r : runs) EXPECT_EQ(r.get(), 0);
  std::string out;
  ASSERT_EQ(run_guiyan({"migrate", "--status", "--db", url}, "", &out), 0);
  EXPECT_EQ(out.find("待应用"), std::string::npos) << out;
  ServerProcess s(url);
  s.start();
  HttpClient c(s.port());
  // The schema version is the highest migration's number (numbers may skip one that another
  // branch has taken): the last line of the status, "21<TAB>loans<TAB>…".
  std::string last = out.substr(0, out.find_last_not_of('\n') + 1);
  last = last.substr(last.rfind('\n') + 1);
  int highest = std::stoi(last.substr(0, last.find('\t')));
  EXPECT_EQ(c.get("/api/v1/health").json()["schema_version"], highest) << out;
  if (!dir.empty()) std::filesystem::remove_all(dir);
}

TEST(MultiServer, APostgresqlOutageGivesCleanErrorsAndServiceResumes) {
  if (!testing_on_postgres()) GTEST_SKIP() << "PostgreSQL only";
  ServerProcess s;
  s.add_user("outage", "sysadmin", "421000", "荆州市人社局", kPassword);
  s.start();
  HttpClient c(s.port());
  std::string token = login(c, "outage", kPassword).json()["token"];
  auto before = c.post("/api/v1/users",
                       {{"username", "kept"},
                        {"display_name", "保留"},
                        {"password", kPassword},
                        {"region_code", "421000"}},
                       token);
  ASSERT_EQ(before.status, 201);

  // Requests keep coming while the database goes away and comes back.
  std::atomic<bool> running{true};
  std::atomic<int> ok{0}, unavailable{0}, other{0};
  std::string other_answer;
  std::thread load([&] {
    while (running) {
      auto r = c.get("/api/v1/users?limit=5", token);
      if (r.status == 200) {
        ++ok;
      } else if (r.status == 503 && r.json()["error"]["code"] == "database_unavailable") {
        ++unavailable;
      } else {
        if (++other == 1) other_answer = std::to_string(r.status) + " " + r.body;
      }
    }
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  PostgresServer::shared().stop();
  auto during = c.get("/api/v1/users", token);
  EXPECT_EQ(during.status, 503);
  EXPECT_EQ(during.json()["error"]["message"], "数据库暂时不可用，请稍后重试");
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  PostgresServer::shared().start();
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  running = false;
  load.join();
  EXPECT_GT(ok.load(), 0);
  EXPECT_GT(unavailable.load(), 0);
  EXPECT_EQ(other.load(), 0) << "answers other than 200 and a clean 503, first: " << other_answer;

  // Resumed: pooled sessions the restart ended are noticed and replaced, none fails a request.
  int good = 0;
  for (int i = 0; i < 30; ++i) good += c.get("/api/v1/users?q=kept", token).status == 200;
  EXPECT_EQ(good, 30);
  auto kept = c.get("/api/v1/users?q=kept", token);
  ASSERT_EQ(kept.status, 200);
  EXPECT_EQ(kept.json()["total"], 1);  // committed before the outage, still there
  EXPECT_EQ(login(c, "outage", kPassword).status, 200);
}
