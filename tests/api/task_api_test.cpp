// The task list 任务清单 through the real server: units, statuses on fixed dates, progress notes,
// the done mark, follow-up notices 督办, alerts and the data scope; on a server of its own.
#include "api/own_server.h"

using namespace guiyan::testing;

namespace {

class TaskApi : public OwnServerSuite {
 protected:
  static std::string task_field_of(const HttpResult& r) {
    return r.json()["error"].value("field", std::string());
  }
  // The id of the department named `name` (as the city's clerk sees it).
  static int64_t dept(const std::string& name) {
    auto j = get("jz_office", "/api/v1/departments?limit=500").json();
    for (const auto& d : j["items"]) {
      if (d["name"] == name) return d["id"];
    }
    throw std::runtime_error("no department " + name);
  }
  static nlohmann::json task(const nlohmann::json& body) {
    auto r = post("jz_office", "/api/v1/tasks", body);
    if (r.status != 201) throw std::runtime_error("task: " + r.body);
    return r.json();
  }
  static std::string task_path(const nlohmann::json& t, const std::string& rest = "") {
    return "/api/v1/tasks/" + std::to_string(t["id"].get<int64_t>()) + rest;
  }

  static void SetUpTestSuite() {
    server = std::make_unique<ServerProcess>();
    server->add_user("jz_office", "clerk", "421000", "荆州市联席会议办公室", kPassword);
    server->add_user("jz_lead", "leader", "421000", "荆州市联席会议办公室", kPassword);
    server->add_user("jz_inv", "clerk", "421000", "荆州市招商服务中心", kPassword);
    server->add_user("ga_gov", "clerk", "421022", "公安县人民政府", kPassword);
    server->add_user("jl_clerk", "clerk", "421088", "监利市人社局", kPassword);
    server->add_user("jz_aud", "auditor", "421000", "荆州市联席会议办公室", kPassword);
    server->start();
    inv = dept("荆州市招商服务中心");
    gov = dept("公安县人民政府");
    jl = dept("监利市人社局");
  }
  static void TearDownTestSuite() {
    tokens.clear();
    server.reset();
  }
  static inline int64_t inv = 0, gov = 0, jl = 0;
};

}  // namespace

TEST_F(TaskApi, StatusFollowsTheDeadlineNotesAndDoneMarkOnFixedDates) {
  auto t = task({{"year", 2025},
                 {"content", "设立返乡创业热线、招商服务专线“一号通”。"},
                 {"deadline", "2025年4月"},
                 {"lead_department_id", inv},
                 {"responsible_department_ids", {gov}}});
  EXPECT_EQ(t["deadline"], "2025-04-30");
  EXPECT_EQ(t["deadline_text"], "2025年4月");
  EXPECT_EQ(t["lead_unit"]["id"], inv);
  ASSERT_EQ(t["units"].size(), 2u);
  EXPECT_EQ(t["units"][1]["role"], "responsible");
  EXPECT_TRUE(t["progress"].is_null());
  auto on = [&](const std::string& date) {
    auto r = get("jz_office", task_path(t, "?as_of=" + date));
    EXPECT_EQ(r.status, 200) << r.body;
    return r.json();
  };
  EXPECT_EQ(on("2025-04-23")["status"], "not_started");
  EXPECT_FALSE(on("2025-04-23")["due_soon"]);
  EXPECT_TRUE(on("2025-04-24")["due_soon"]);
  EXPECT_EQ(on("2025-05-01")["status"], "overdue");
  // The county government notes progress for its own unit.
  auto noted = post("ga_gov", task_path(t, "/notes"),
                    {{"content", "热线号码已申请"}, {"noted_on", "2025-04-02"}});
  ASSERT_EQ(noted.status, 201) << noted.body;
  EXPECT_EQ(noted.json()["progress_notes"][0]["department_id"], gov);
  EXPECT_EQ(on("2025-04-01")["status"], "not_started");  // the note is later
  EXPECT_EQ(on("2025-04-30")["status"], "in_progress");
  EXPECT_EQ(on("2025-05-01")["status"], "overdue");
  EXPECT_EQ(on("2025-05-01")["days_left"], -1);
  // Lists filter by the computed status on the date.
  auto overdue = get("jz_office", "/api/v1/tasks?year=2025&status=overdue&as_of=2025-05-01");
  ASSERT_EQ(overdue.status, 200) << overdue.body;
  EXPECT_EQ(overdue.json()["counts"]["overdue"].get<int>(), overdue.json()["total"].get<int>());
  EXPECT_GE(overdue.json()["total"].get<int>(), 1);
  // Marked done after the deadline: done, late.
  auto done = post("jz_inv", task_path(t, "/done"), {{"done_on", "2025-05-06"}});
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(on("2025-05-05")["status"], "overdue");
  EXPECT_EQ(on("2025-05-06")["status"], "done");
  EXPECT_TRUE(on("2025-05-06")["done_late"]);
  EXPECT_EQ(post("jz_inv", task_path(t, "/done"), nlohmann::json::object()).status, 409);
  EXPECT_EQ(del("jz_office", task_path(t, "/done")).status, 200);
  EXPECT_EQ(on("2025-05-06")["status"], "overdue");
  auto log = get("jz_aud", "/api/v1/audit?entity=task").json()["items"];
  ASSERT_GE(log.size(), 4u);
}

TEST_F(TaskApi, RefusesBadInputNamingTheField) {
  nlohmann::json ok = {{"year", 2025},
                       {"content", "开展创业培训"},
                       {"deadline", "2025-12-31"},
                       {"lead_department_id", inv}};
  auto without = [&](const std::string& key) {
    auto b = ok;
    b.erase(key);
    return b;
  };
  for (const char* key : {"year", "content", "deadline", "lead_department_id"}) {
    auto r = post("jz_office", "/api/v1/tasks", without(key));
    EXPECT_EQ(r.status, 400) << key;
    EXPECT_EQ(task_field_of(r), key);
  }
  auto bad = ok;
  bad["deadline"] = "2025年4月底";
  EXPECT_EQ(task_field_of(post("jz_office", "/api/v1/tasks", bad)), "deadline");
  bad = ok;
  bad["indicator_target"] = 1000;
  EXPECT_EQ(task_field_of(post("jz_office", "/api/v1/tasks", bad)), "indicator_code");
  bad = ok;
  bad["lead_department_id"] = 999999;
  EXPECT_EQ(task_field_of(post("jz_office", "/api/v1/tasks", bad)), "lead_department_id");
  bad = ok;
  bad["colour"] = "red";
  EXPECT_EQ(task_field_of(post("jz_office", "/api/v1/tasks", bad)), "colour");
  // A county's task cannot name a city unit.
  auto county = post("ga_gov", "/api/v1/tasks",
                     {{"year", 2025},
                      {"content", "县级任务"},
                      {"deadline", "2025-12-31"},
                      {"lead_department_id", inv}});
  EXPECT_EQ(county.status, 400);
  EXPECT_EQ(task_field_of(county), "lead_department_id");
  // Numbers are unique in a region's year; the default is the next one.
  auto a = task(
      {{"year", 2024}, {"content", "甲"}, {"deadline", "2024-12-31"}, {"lead_department_id", inv}});
  auto b = task(
      {{"year", 2024}, {"content", "乙"}, {"deadline", "2024-12-31"}, {"lead_department_id", inv}});
  EXPECT_EQ(b["number"].get<int>(), a["number"].get<int>() + 1);
  auto dup = patch("jz_office", task_path(b), {{"number", a["number"]}});
  EXPECT_EQ(dup.status, 409);
  EXPECT_EQ(task_field_of(dup), "number");
  EXPECT_EQ(post("jz_lead", "/api/v1/tasks", ok).status, 403);  // the leader reads
}

TEST_F(TaskApi, ALinkedIndicatorGivesTheTaskItsProgress) {
  // 楚商联络站 set up by the end of 2025 in the city: one in 公安县 (2025-03-01) counts, one set
  // up in January 2026 does not.
  for (const auto& [name, on] :
       {std::pair<std::string, std::string>{"深圳荆州楚商联络站", "2025-03-01"},
        {"上海荆州楚商联络站", "2026-01-05"}}) {
    auto r = post("jz_inv", "/api/v1/stations",
                  {{"kind", "liaison"},
                   {"name", name},
                   {"city", "深圳"},
                   {"region_code", "421022"},
                   {"established_on", on}});
    ASSERT_EQ(r.status, 201) << r.body;
  }
  auto t = task({{"year", 2025},
                 {"content", "建立50个楚商联络站"},
                 {"deadline", "2025年12月"},
                 {"lead_department_id", inv},
                 {"indicator_code", "liaison_stations"},
                 {"indicator_target", 50}});
  EXPECT_EQ(t["indicator_code"], "liaison_stations");
  EXPECT_EQ(t["indicator_target"].get<double>(), 50.0);
  ASSERT_TRUE(t["progress"].is_object()) << t.dump();
  EXPECT_EQ(t["progress"]["actual"], 1);
  EXPECT_EQ(t["progress"]["target"], 50);
  EXPECT_NEAR(t["progress"]["completion"].get<double>(), 0.02, 1e-9);
  auto cleared = patch("jz_office", task_path(t), {{"indicator_code", nullptr}});
  ASSERT_EQ(cleared.status, 200) << cleared.body;
  EXPECT_TRUE(cleared.json()["indicator_target"].is_null());
  EXPECT_TRUE(cleared.json()["progress"].is_null());
  EXPECT_EQ(task_field_of(patch("jz_office", task_path(t), {{"indicator_code", "New Ventures"}})),
            "indicator_code");
  EXPECT_EQ(task_field_of(patch("jz_office", task_path(t), {{"indicator_code", "no_such_thing"}})),
            "indicator_code");
}

TEST_F(TaskApi, UnitsSeeTheirTasksAndOthersDoNot) {
  auto t = task({{"year", 2025},
                 {"content", "建立楚商联络站"},
                 {"deadline", "2025-12-31"},
                 {"lead_department_id", inv},
                 {"responsible_department_ids", {gov}}});
  // The county government (421022) is a unit of the city's task: it sees it and notes progress.
  EXPECT_EQ(get("ga_gov", task_path(t)).status, 200);
  auto mine = get("ga_gov", "/api/v1/tasks?department_id=" + std::to_string(gov)).json();
  bool found = false;
  for (const auto& i : mine["items"]) found = found || i["id"] == t["id"];
  EXPECT_TRUE(found);
  // It may not change the city's task, nor note progress for another unit.
  EXPECT_EQ(patch("ga_gov", task_path(t), {{"content", "改"}}).status, 403);
  auto other =
      post("ga_gov", task_path(t, "/notes"), {{"content", "代填"}, {"department_id", inv}});
  EXPECT_EQ(other.status, 400);
  EXPECT_EQ(task_field_of(other), "department_id");
  // 监利's clerk is neither in the city's scope nor a unit.
  EXPECT_EQ(get("jl_clerk", task_path(t)).status, 404);
  auto note = post("jl_clerk", task_path(t, "/notes"), {{"content", "x"}});
  EXPECT_EQ(note.status, 404);
  // A unit that is not on the task cannot be noted for.
  auto stranger =
      post("jz_office", task_path(t, "/notes"), {{"content", "x"}, {"department_id", jl}});
  EXPECT_EQ(task_field_of(stranger), "department_id");
  EXPECT_EQ(del("ga_gov", task_path(t)).status, 403);
  EXPECT_EQ(del("jz_office", task_path(t)).status, 200);
  EXPECT_EQ(get("jz_office", task_path(t)).status, 404);
}

TEST_F(TaskApi, FollowUpNoticesAreIssuedAnsweredAndRaiseAlerts) {
  auto t = task({{"year", 2025},
                 {"content", "清明话家乡推介活动"},
                 {"deadline", "2025年4月"},
                 {"lead_department_id", inv},
                 {"responsible_department_ids", {gov}}});
  auto issue = [&](const std::string& user, nlohmann::json body) {
    return post(user, task_path(t, "/notices"), body);
  };
  nlohmann::json body = {{"department_id", gov},
                         {"content", "活动场次不足，请说明原因"},
                         {"issued_on", "2025-05-02"},
                         {"reply_due_on", "2025-05-10"}};
  EXPECT_EQ(issue("jl_clerk", body).status, 404);  // not in its scope
  auto early = body;
  early["reply_due_on"] = "2025-05-01";
  EXPECT_EQ(task_field_of(issue("jz_office", early)), "reply_due_on");
  auto stranger = body;
  stranger["department_id"] = jl;
  EXPECT_EQ(task_field_of(issue("jz_office", stranger)), "department_id");
  auto n = issue("jz_office", body);
  ASSERT_EQ(n.status, 201) << n.body;
  std::string reply_path =
      "/api/v1/task-notices/" + std::to_string(n.json()["id"].get<int64_t>()) + "/reply";
  // On 11 May the notice is overdue and the task too: the county's alerts show both.
  auto alerts =
      get("ga_gov", "/api/v1/tasks/alerts?as_of=2025-05-11").json();  // its own department
  EXPECT_EQ(alerts["department"]["id"], gov);
  ASSERT_EQ(alerts["notices"].size(), 1u);
  EXPECT_EQ(alerts["notices"][0]["status"], "overdue");
  EXPECT_EQ(alerts["notices"][0]["days_overdue"], 1);
  bool overdue = false;
  for (const auto& i : alerts["overdue"]) overdue = overdue || i["id"] == t["id"];
  EXPECT_TRUE(overdue);
  auto soon = get("jz_office",
                  "/api/v1/tasks/alerts?department_id=" + std::to_string(gov) + "&as_of=2025-04-25")
                  .json();
  bool due_soon = false;
  for (const auto& i : soon["due_soon"]) due_soon = due_soon || i["id"] == t["id"];
  EXPECT_TRUE(due_soon);
  EXPECT_EQ(get("jl_clerk", "/api/v1/tasks/alerts?department_id=" + std::to_string(gov)).status,
            404);
  auto open = get("jz_office", "/api/v1/task-notices?status=overdue&as_of=2025-05-11").json();
  EXPECT_GE(open["total"].get<int>(), 1);
  // The county answers; the notice is answered and no longer in its alerts.
  EXPECT_EQ(post("jl_clerk", reply_path, {{"reply", "x"}}).status, 404);
  EXPECT_EQ(
      task_field_of(post("ga_gov", reply_path, {{"reply", "x"}, {"replied_on", "2025-05-01"}})),
      "replied_on");
  auto answered =
      post("ga_gov", reply_path, {{"reply", "已补办3场"}, {"replied_on", "2025-05-09"}});
  ASSERT_EQ(answered.status, 200) << answered.body;
  EXPECT_EQ(answered.json()["status"], "answered");
  EXPECT_EQ(answered.json()["replied_on"], "2025-05-09");
  EXPECT_TRUE(get("ga_gov", "/api/v1/tasks/alerts?as_of=2025-05-11").json()["notices"].empty());
  auto detail = get("jz_office", task_path(t)).json();
  ASSERT_EQ(detail["notices"].size(), 1u);
  EXPECT_EQ(detail["notices"][0]["reply"], "已补办3场");
}
