// The command line as operators and scripts use it.
#include <algorithm>
#include <sstream>
#include <thread>

#include "api/api_env.h"
#include "core/credit_code.h"
#include "support/loopback.h"

using namespace guiyan::testing;

TEST(Cli, CheckPrintsJsonAndExitsByVerdict) {
  std::string out;
  EXPECT_EQ(run_guiyan({"check", "id-number", "11010519491231002x"}, "", &out), 0);
  auto j = nlohmann::json::parse(out);
  EXPECT_EQ(j["normalized"], "11010519491231002X");
  EXPECT_EQ(j["gender"], "female");
  EXPECT_EQ(j["birth_date"], "1949-12-31");
  EXPECT_EQ(run_guiyan({"check", "id-number", "110105194912310021"}, "", &out), 1);
  EXPECT_EQ(nlohmann::json::parse(out)["reason_code"], "check");
  EXPECT_EQ(run_guiyan({"check", "id-number", "420102198001011234"}, "", &out), 1);
  EXPECT_EQ(run_guiyan({"check", "phone", "+86 138-0000-1234"}, "", &out), 0);
  EXPECT_EQ(nlohmann::json::parse(out)["normalized"], "13800001234");
  EXPECT_EQ(run_guiyan({"check", "credit-code", "91350100M000100Y4I"}, "", &out), 1);
}

TEST(Cli, UserAddRefusesWeakPasswordsAndUnknownRoles) {
  ServerProcess s;
  EXPECT_NE(
      s.cli({"user", "add", "weak", "--role", "clerk", "--region", "421000", "--password-stdin"},
            "short\n"),
      0);
  EXPECT_NE(s.cli({"user", "add", "nobody", "--role", "emperor", "--region", "421000",
                   "--password-stdin"},
                  kPassword + "\n"),
            0);
  EXPECT_NE(
      s.cli({"user", "add", "nowhere", "--role", "clerk", "--region", "999999", "--password-stdin"},
            kPassword + "\n"),
      0);
  EXPECT_EQ(
      s.cli({"user", "add", "fine", "--role", "clerk", "--region", "421000", "--password-stdin"},
            kPassword + "\n"),
      0);
  std::string out;
  EXPECT_EQ(s.cli({"user", "roles", "fine", "--set", "leader", "--set", "clerk"}, "", &out), 0);
  EXPECT_EQ(out, "leader\nclerk\n");
}

TEST(Cli, DemoCreatesAccountsOnceAndTheyCanLogIn) {
  ServerProcess s;
  std::string out;
  ASSERT_EQ(s.cli({"demo"}, "", &out), 0);
  // "  jz_clerk\tPASSWORD\tclerk\t荆州市"
  auto pos = out.find("jz_clerk\t");
  ASSERT_NE(pos, std::string::npos) << out;
  std::string password = out.substr(pos + 9, out.find('\t', pos + 9) - pos - 9);
  EXPECT_NE(out.find("ga_leader"), std::string::npos);   // 公安县
  EXPECT_NE(out.find("jl_auditor"), std::string::npos);  // 监利市
  std::string again;
  ASSERT_EQ(s.cli({"demo"}, "", &again), 0);
  EXPECT_EQ(again.find("jz_clerk"), std::string::npos);
  s.start();
  HttpClient c(s.port());
  auto login = c.post("/api/v1/auth/login", {{"username", "jz_clerk"}, {"password", password}});
  ASSERT_EQ(login.status, 200) << login.body;
  // The demo merchants: hometowns in the city, valid credit codes, freshness to work on.
  std::string token = login.json()["token"];
  auto list = c.get("/api/v1/merchants?limit=500", token);
  ASSERT_EQ(list.status, 200) << list.body;
  auto merchants = list.json();
  EXPECT_EQ(merchants["total"], 400);
  int enterprises = 0;
  for (const auto& m : merchants["items"]) {
    EXPECT_EQ(m["hometown_code"].get<std::string>().substr(0, 4), "4210");
    if (m["credit_code"].is_string()) {
      ++enterprises;
      EXPECT_TRUE(guiyan::core::check_credit_code(m["credit_code"].get<std::string>()).valid);
    }
  }
  EXPECT_GT(enterprises, 200);
  auto fresh = c.get("/api/v1/merchants/freshness", token).json();
  double rate = fresh["total"]["rate"];
  EXPECT_GT(rate, 0.5);
  EXPECT_LT(rate, 1.0);
  // The demo projects span the pipeline, dated up to today.
  auto projects = c.get("/api/v1/projects?limit=100", token).json();
  EXPECT_EQ(projects["total"], 48);
  std::set<std::string> stages;
  for (const auto& p : projects["items"]) stages.insert(p["stage"].get<std::string>());
  EXPECT_GE(stages.size(), 8u);
  auto board = c.get("/api/v1/projects/board", token).json();
  int64_t current = board["dropped"]["current"];
  for (const auto& s : board["stages"]) current += s["current"].get<int64_t>();
  EXPECT_EQ(current, 48);
  // The demo ventures: one for each demo returnee who started a business, with its founder; the
  // registered ones with a valid credit code and their employment counted.
  auto ventures = c.get("/api/v1/ventures?limit=500", token).json();
  EXPECT_GT(ventures["total"].get<int64_t>(), 100) << ventures.dump().substr(0, 300);
  int registered = 0;
  for (const auto& v : ventures["items"]) {
    EXPECT_EQ(v["founders"].size(), 1u);
    if (!v["credit_code"].is_string()) continue;
    ++registered;
    EXPECT_TRUE(guiyan::core::check_credit_code(v["credit_code"].get<std::string>()).valid);
    EXPECT_GE(v["latest_employees"].get<int64_t>(), 1);
  }
  EXPECT_GT(registered, 50);
  // The case work: most people being helped have a case worker, and their next steps fall due
  // around today, some overdue.
  auto count = [&](const std::string& query) {
    return c.get("/api/v1/people?limit=1&" + query, token).json()["total"].get<int64_t>();
  };
  int64_t overdue = count("next_step=overdue"), due = count("next_step=due");
  EXPECT_GT(overdue, 20);
  EXPECT_GT(due, overdue + 20);
  EXPECT_GT(count("funnel_stage=landed"), 0);
  EXPECT_EQ(count("funnel_stage=landed&case_worker_id=none&source=big_data"), 0);
  int64_t me = c.get("/api/v1/auth/me", token).json()["id"];
  EXPECT_GT(count("case_worker_id=" + std::to_string(me)), 100);  // jz_clerk: the city's own
  // The demo people's status histories read as lives do: never the same status twice in a row,
  // who is away has one entry, who left again came home first. (The big-data people: the survey's
  // second records of some of them know only the present status.)
  for (const char* status : {"away", "left_again", "returned"}) {
    auto people =
        c.get(std::string("/api/v1/people?limit=10&source=big_data&status=") + status, token)
            .json();
    ASSERT_EQ(people["items"].size(), 10u) << status;
    for (const auto& person : people["items"]) {
      auto file =
          c.get("/api/v1/people/" + std::to_string(person["id"].get<int64_t>()) + "/file", token)
              .json();
      std::vector<std::string> steps;
      for (const auto& h : file["history"]["status"]) steps.push_back(h["status"]);
      SCOPED_TRACE(file["history"]["status"].dump());
      ASSERT_FALSE(steps.empty());
      EXPECT_EQ(steps.back(), status);
      EXPECT_EQ(std::adjacent_find(steps.begin(), steps.end()), steps.end());
      if (std::string(status) == "away") {
        EXPECT_EQ(steps.size(), 1u);
      }
      if (std::string(status) == "left_again") {
        EXPECT_EQ(steps, (std::vector<std::string>{"away", "returned", "left_again"}));
      }
    }
  }
}

TEST(Cli, MigrateStatusListsEveryMigrationApplied) {
  ServerProcess s;
  std::string out;
  ASSERT_EQ(s.cli({"migrate", "--status"}, "", &out), 0);
  EXPECT_NE(out.find("1\taccounts\t2"), std::string::npos) << out;
  EXPECT_NE(out.find("2\treference_data\t2"), std::string::npos) << out;
  EXPECT_EQ(out.find("待应用"), std::string::npos);
}

TEST(Cli, UnreachableOrUnknownDatabasesAreExplained) {
  std::string out;
  int port = free_port();  // nothing listens there
  EXPECT_NE(run_guiyan({"migrate", "--db",
                        "postgresql://u@" + loopback_host() + ":" + std::to_string(port) + "/g"},
                       "", &out),
            0);
  EXPECT_NE(out.find("无法连接 PostgreSQL 数据库"), std::string::npos) << out;
  EXPECT_NE(run_guiyan({"migrate", "--db", "mysql://x"}, "", &out), 0);
  EXPECT_NE(out.find("无法识别的数据库地址"), std::string::npos) << out;
}

TEST(Cli, ServeRefusesAPoolTooSmallForAnImport) {
  // An import holds two connections at once: with one, the first import would wait for ever.
  std::string out;
  EXPECT_NE(run_guiyan({"serve", "--db-pool", "1", "--listen",
                        loopback_host() + ":" + std::to_string(free_port()), "--db", "sqlite:"},
                       "", &out),
            0);
  EXPECT_NE(out.find("db_pool 应为 0（自动）或至少为2"), std::string::npos) << out;
}

TEST(Cli, HelpDescribesEverySubcommand) {
  std::string out;
  EXPECT_EQ(run_guiyan({"--help"}, "", &out), 0);
  for (const char* sub : {"serve", "migrate", "demo", "user", "check"}) {
    EXPECT_NE(out.find(sub), std::string::npos) << sub;
  }
  EXPECT_EQ(run_guiyan({"user", "add", "--help"}, "", &out), 0);
  EXPECT_NE(out.find("--password-stdin"), std::string::npos);
}

TEST(Cli, PoliciesMatchEvaluatesTheRegionOnceThenOnlyWhatChanged) {
  ServerProcess s;
  ASSERT_EQ(s.cli({"demo"}, ""), 0);
  // Change times are kept to the second, and a run redoes what changed in its own second.
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  auto lines = [](const std::string& out) {
    std::vector<nlohmann::json> list;
    std::istringstream in(out);
    for (std::string line; std::getline(in, line);) {
      if (!line.empty()) list.push_back(nlohmann::json::parse(line));
    }
    return list;
  };
  std::string out;
  ASSERT_EQ(s.cli({"policies", "match", "--region", "4210", "--policy", "return_transport_subsidy"},
                  "", &out),
            0)
      << out;
  auto first = lines(out);
  ASSERT_EQ(first.size(), 2u) << out;
  EXPECT_EQ(first[0]["code"], "return_transport_subsidy");
  EXPECT_EQ(first[0]["mode"], "full");
  EXPECT_GE(first[0]["evaluated"].get<int64_t>(), 1000);  // the demo city's people
  EXPECT_EQ(first[1]["policies"], 1);
  EXPECT_GT(first[1]["peak_rss_mb"].get<int64_t>(), 0);
  ASSERT_EQ(s.cli({"policies", "match", "--region", "4210", "--policy", "return_transport_subsidy"},
                  "", &out),
            0);
  auto second = lines(out);
  EXPECT_EQ(second[0]["mode"], "changes");
  EXPECT_EQ(second[0]["evaluated"], 0);
}
