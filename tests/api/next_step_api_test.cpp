// A case worker's people and the next steps falling due (GET /people?case_worker_id=&next_step=).
#include "api/api_env.h"
#include "core/clock.h"
#include "core/id_number.h"

using namespace guiyan::testing;

namespace {

// Today, China time, moved by `days`.
std::string day(int days) {
  return guiyan::core::today_local_date().plus_days(days).to_iso();
}

std::set<std::string> names(const nlohmann::json& list) {
  std::set<std::string> out;
  for (const auto& item : list["items"]) out.insert(item["name"].get<std::string>());
  return out;
}

}  // namespace

TEST(NextStepApi, ACaseWorkerFindsTheirPeopleAndTheNextStepsFallingDue) {
  ServerProcess s;
  s.add_user("fu_clerk", "clerk", "421022", "公安县人社局", kPassword);
  s.add_user("fu_colleague", "clerk", "421022", "公安县人社局", kPassword);
  s.start();
  HttpClient c(s.port());
  std::string clerk = token_of(c, "fu_clerk"), colleague = token_of(c, "fu_colleague");
  int64_t me = c.get("/api/v1/auth/me", clerk).json()["id"];
  int64_t other = c.get("/api/v1/auth/me", colleague).json()["id"];

  std::map<std::string, int64_t> id;
  int n = 0;
  for (const char* name : {"跟进甲", "跟进乙", "跟进丙", "跟进丁"}) {
    char stem[32];
    std::snprintf(stem, sizeof stem, "42102219800101%03d", ++n);
    auto r = c.post("/api/v1/people",
                    {{"name", name},
                     {"id_number", guiyan::core::complete_id_number(stem)},
                     {"region_code", "421022100001"},
                     {"status", "returned"},
                     {"funnel_stage", "contacted"}},
                    clerk);
    ASSERT_EQ(r.status, 201) << r.body;
    id[name] = r.json()["id"];
  }
  auto serve = [&](const std::string& name, int64_t worker, const std::string& on,
                   const std::string& due) {
    auto r = c.post("/api/v1/people/" + std::to_string(id[name]) + "/services",
                    {{"kind", "loan_matching"},
                     {"served_on", on},
                     {"result", "对接创业担保贷款"},
                     {"next_step", "跟进放款"},
                     {"next_due", due},
                     {"case_worker_id", worker}},
                    clerk);
    ASSERT_EQ(r.status, 201) << r.body;
  };
  serve("跟进甲", me, day(-10), day(-1));   // overdue
  serve("跟进乙", other, day(-2), day(3));  // due this week, someone else's
  serve("跟进丙", me, day(-20), day(-5));   // was overdue …
  serve("跟进丙", me, day(-1), day(30));    // … followed up since: next due in a month
  // 跟进丁: nobody assigned, no service.

  auto list = [&](const std::string& query) {
    auto r = c.get("/api/v1/people?limit=50&" + query, clerk);
    EXPECT_EQ(r.status, 200) << query << " " << r.body;
    return r.json();
  };
  std::string mine = "case_worker_id=" + std::to_string(me);
  EXPECT_EQ(names(list(mine)), (std::set<std::string>{"跟进甲", "跟进丙"}));
  EXPECT_EQ(names(list("case_worker_id=none")), (std::set<std::string>{"跟进丁"}));
  EXPECT_EQ(names(list("next_step=overdue")), (std::set<std::string>{"跟进甲"}));
  EXPECT_EQ(names(list("next_step=due")), (std::set<std::string>{"跟进甲", "跟进乙"}));
  auto due_mine = list(mine + "&next_step=due");
  EXPECT_EQ(names(due_mine), (std::set<std::string>{"跟进甲"}));
  EXPECT_EQ(due_mine["total"], 1);
  ASSERT_FALSE(due_mine["by_region"].empty());
  int64_t counted = 0;
  for (const auto& r : due_mine["by_region"]) counted += r["count"].get<int64_t>();
  EXPECT_EQ(counted, 1);

  // Every list item carries the next step its latest service left.
  std::map<std::string, nlohmann::json> next_step;
  auto everyone = list("");  // kept: a loop over a temporary's member would dangle
  for (const auto& item : everyone["items"]) {
    next_step[item["name"].get<std::string>()] = item["next_step"];
  }
  EXPECT_EQ(next_step["跟进甲"],
            (nlohmann::json{{"text", "跟进放款"}, {"due", day(-1)}, {"overdue", true}}));
  EXPECT_EQ(next_step["跟进丙"]["due"], day(30));
  EXPECT_EQ(next_step["跟进丙"]["overdue"], false);
  EXPECT_TRUE(next_step["跟进丁"].is_null());
  // The person file's case team says the same.
  auto file = c.get("/api/v1/people/" + std::to_string(id["跟进甲"]) + "/file", clerk).json();
  EXPECT_EQ(file["case_team"]["next_step"], next_step["跟进甲"]);
  EXPECT_EQ(file["case_team"]["case_worker_id"], me);

  // The export follows the same filter.
  auto csv = c.get("/api/v1/people/export?format=csv&next_step=overdue", clerk);
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_NE(csv.body.find("跟进甲"), std::string::npos);
  EXPECT_EQ(csv.body.find("跟进乙"), std::string::npos);

  auto bad_worker = c.get("/api/v1/people?case_worker_id=abc", clerk);
  EXPECT_EQ(bad_worker.status, 400);
  EXPECT_EQ(bad_worker.json()["error"]["field"], "case_worker_id");
  auto bad_step = c.get("/api/v1/people?next_step=soon", clerk);
  EXPECT_EQ(bad_step.status, 400);
  EXPECT_EQ(bad_step.json()["error"]["field"], "next_step");
}

// A follow-up recorded on a duplicate is not lost when the duplicate is merged: the survivor's
// ledger row, the overdue list and the file show it, until a later record closes it or the
// merge is undone.
TEST(NextStepApi, AMergedRecordsNextStepFollowsItsSurvivorUntilTheMergeIsUndone) {
  ServerProcess s;
  s.add_user("mg_clerk", "clerk", "421022", "公安县人社局", kPassword);
  s.start();
  HttpClient c(s.port());
  std::string t = token_of(c, "mg_clerk");
  auto create = [&](nlohmann::json body) {
    body["name"] = "合并甲";
    body["phone"] = "13912340005";
    body["region_code"] = "421022100001";
    auto r = c.post("/api/v1/people", body, t);
    EXPECT_EQ(r.status, 201) << r.body;
    return r.json()["id"].get<int64_t>();
  };
  // The case worker's record, without an ID number, and the same person registered with one.
  int64_t dup = create({{"gender", "male"}, {"birth_date", "1980-01-01"}});
  int64_t kept = create({{"id_number", guiyan::core::complete_id_number("42102219800101005")}});
  auto serve = [&](int64_t person, const std::string& on, const std::string& due) {
    nlohmann::json body{{"kind", "loan_matching"}, {"served_on", on}, {"result", "对接贷款"}};
    if (!due.empty()) {
      body["next_step"] = "跟进放款";
      body["next_due"] = due;
    }
    auto r = c.post("/api/v1/people/" + std::to_string(person) + "/services", body, t);
    ASSERT_EQ(r.status, 201) << r.body;
  };
  serve(kept, day(-30), "");      // an older visit, nothing due
  serve(dup, day(-10), day(-2));  // overdue on the duplicate
  auto overdue = [&] {
    std::set<int64_t> out;
    auto list = c.get("/api/v1/people?limit=50&next_step=overdue", t).json();
    for (const auto& item : list["items"]) out.insert(item["id"].get<int64_t>());
    return out;
  };
  auto next_step_of = [&](int64_t person) {
    auto list = c.get("/api/v1/people?limit=50", t).json();
    for (const auto& item : list["items"]) {
      if (item["id"] == person) return item["next_step"];
    }
    return nlohmann::json("not listed");
  };
  EXPECT_EQ(overdue(), std::set<int64_t>{dup});

  auto queue = c.get("/api/v1/people/duplicates", t).json();
  ASSERT_EQ(queue["total"], 1) << queue.dump();
  auto merged = c.post("/api/v1/people/duplicates/" +
                           std::to_string(queue["items"][0]["id"].get<int64_t>()) + "/merge",
                       {{"keep", kept}}, t);
  ASSERT_EQ(merged.status, 200) << merged.body;
  nlohmann::json due{{"text", "跟进放款"}, {"due", day(-2)}, {"overdue", true}};
  EXPECT_EQ(overdue(), std::set<int64_t>{kept});
  EXPECT_EQ(next_step_of(kept), due);
  auto file = c.get("/api/v1/people/" + std::to_string(kept) + "/file", t).json();
  EXPECT_EQ(file["case_team"]["next_step"], due);
  // The same through the export, which takes the list's filter.
  auto csv = c.get("/api/v1/people/export?format=csv&next_step=overdue", t);
  ASSERT_EQ(csv.status, 200);
  EXPECT_NE(csv.body.find("\n" + std::to_string(kept) + ","), std::string::npos) << csv.body;

  // A visit on the survivor today closes it; undoing the merge gives the duplicate its own
  // follow-up back, and leaves the survivor with its own (nothing due).
  serve(kept, day(0), "");
  EXPECT_EQ(overdue(), std::set<int64_t>{});
  EXPECT_TRUE(next_step_of(kept).is_null());
  auto undone = c.post(
      "/api/v1/people/merges/" + std::to_string(merged.json()["merge_id"].get<int64_t>()) + "/undo",
      nlohmann::json::object(), t);
  ASSERT_EQ(undone.status, 200) << undone.body;
  EXPECT_EQ(overdue(), std::set<int64_t>{dup});
  EXPECT_EQ(next_step_of(dup), due);
  EXPECT_TRUE(next_step_of(kept).is_null());
}

// A service record is refused what would make it wrong from the start — a next step due before
// the service that set it (overdue the day it is recorded), a control character in its text —
// with the field named, and nothing is recorded; invisible marks in its text are left out.
TEST(NextStepApi, AServiceRecordIsRefusedWhatWouldMakeItWrongFromTheStart) {
  ServerProcess s;
  s.add_user("sv_clerk", "clerk", "421022", "公安县人社局", kPassword);
  s.start();
  HttpClient c(s.port());
  std::string t = token_of(c, "sv_clerk");
  auto person = c.post("/api/v1/people",
                       {{"name", "服务记录"},
                        {"region_code", "421022100001"},
                        {"phone", "13912340006"},
                        {"birth_date", "1986-02-23"}},
                       t);
  ASSERT_EQ(person.status, 201) << person.body;
  std::string path = "/api/v1/people/" + std::to_string(person.json()["id"].get<int64_t>());
  auto serve = [&](nlohmann::json extra) {
    nlohmann::json body{{"kind", "loan_matching"}, {"served_on", day(-3)}, {"result", "对接贷款"}};
    body.update(extra);
    return c.post(path + "/services", body, t);
  };
  auto early = serve({{"next_step", "跟进放款"}, {"next_due", day(-4)}});
  EXPECT_EQ(early.status, 400) << early.body;
  EXPECT_EQ(early.json()["error"]["field"], "next_due");
  EXPECT_EQ(early.json()["error"]["message"],
            "下次跟进日期应为不早于服务日期的日期，如 2026-03-01");
  auto bell = serve({{"result", "对接\a贷款"}});
  EXPECT_EQ(bell.status, 400) << bell.body;
  EXPECT_EQ(bell.json()["error"]["field"], "result");
  EXPECT_EQ(bell.json()["error"]["message"], "服务结果含有看不见的控制字符，请删除后重新输入");
  EXPECT_EQ(serve({{"served_on", day(1)}}).status, 400);
  // A year mistyped (or an empty date cell read as 1900-01-01) would date it before the birth.
  auto unborn = serve({{"served_on", "1900-01-01"}});
  EXPECT_EQ(unborn.status, 400) << unborn.body;
  EXPECT_EQ(unborn.json()["error"]["field"], "served_on");
  EXPECT_EQ(unborn.json()["error"]["message"],
            "服务日期（1900-01-01）早于出生日期（1986-02-23），请核对");
  EXPECT_EQ(c.get(path + "/file", t).json()["services"].size(), 0u);
  // Due the day of the service is no contradiction; marks around pasted text are dropped.
  auto same_day = serve({{"next_step", "\u202a跟进放款\u202c"}, {"next_due", day(-3)}});
  ASSERT_EQ(same_day.status, 201) << same_day.body;
  EXPECT_EQ(same_day.json()["next_step"], "跟进放款");
}
