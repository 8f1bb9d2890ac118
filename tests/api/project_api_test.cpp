// The investment-project pipeline through the real server, on SQLite and PostgreSQL alike:
// stage moves and their dates, funds, the board of a year worked out by hand, approval times
// against a baseline year, appeals, visits and the project list matched to merchants.
#include "api/api_env.h"
#include "store/db.h"

using namespace guiyan::testing;

namespace {

int64_t create(const nlohmann::json& body) {
  auto r = post_as("ga_clerk", "/api/v1/projects", body);
  if (r.status != 201) throw std::runtime_error("create failed: " + r.body);
  return r.json()["id"];
}

HttpResult move(int64_t id, const nlohmann::json& body) {
  return post_as("ga_clerk", "/api/v1/projects/" + std::to_string(id) + "/moves", body);
}

std::string path(int64_t id, const std::string& rest = "") {
  return "/api/v1/projects/" + std::to_string(id) + rest;
}

}  // namespace

TEST(ProjectApi, MovesAreDatedForwardOnlyAndSkippedStagesNeedTheirDates) {
  int64_t id = create({{"name", "新能源汽车零部件项目"},
                       {"investor", "深圳明辉电子科技有限公司"},
                       {"region_code", "421022"},
                       {"industry", "36"},
                       {"amount_wan", 12000},
                       {"task_leader", "王副县长"},
                       {"task_department", "县招商中心"},
                       {"task_cadre", "李干事"},
                       {"stage_on", "2026-01-05"}});
  auto skipped = move(id, {{"stage", "inspection"}, {"on", "2026-03-01"}});
  EXPECT_EQ(skipped.status, 400);
  EXPECT_EQ(skipped.json()["error"]["field"], "dates.contact");  // the console marks that row
  EXPECT_NE(skipped.json()["error"]["message"].get<std::string>().find("对接"), std::string::npos);
  auto moved =
      move(id, {{"stage", "考察"}, {"on", "2026-03-01"}, {"dates", {{"contact", nullptr}}}});
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(moved.json()["stage"], "inspection");
  EXPECT_EQ(moved.json()["major"], true);
  EXPECT_EQ(move(id, {{"stage", "contact"}, {"on", "2026-03-02"}}).json()["error"]["field"],
            "stage");
  EXPECT_EQ(move(id, {{"stage", "reception"}, {"on", "2026-02-01"}}).json()["error"]["field"],
            "on");
  EXPECT_EQ(move(id, {{"stage", "reception"}, {"on", "2999-01-01"}}).status, 400);
  ASSERT_EQ(move(id, {{"stage", "signed"},
                      {"on", "2026-06-30"},
                      {"dates", {{"reception", "2026-04-10"}, {"negotiation", "2026-05-20"}}}})
                .status,
            200);
  auto file = get_as("ga_clerk", path(id)).json();
  std::vector<std::string> stages, dates;
  for (const auto& h : file["history"]) {
    stages.push_back(h["stage"]);
    dates.push_back(h["entered_on"].is_null() ? "?" : h["entered_on"].get<std::string>());
  }
  EXPECT_EQ(stages, (std::vector<std::string>{"lead", "contact", "inspection", "reception",
                                              "negotiation", "signed"}));
  EXPECT_EQ(dates, (std::vector<std::string>{"2026-01-05", "?", "2026-03-01", "2026-04-10",
                                             "2026-05-20", "2026-06-30"}));
  EXPECT_EQ(file["project"]["task_department"], "县招商中心");
  EXPECT_EQ(file["project"]["region_path"], nlohmann::json({"荆州市", "公安县"}));  // 落地地区
  // Funds arrive after signing; the file sums them.
  EXPECT_EQ(
      post_as("ga_clerk", path(id, "/funding"), {{"arrived_on", "2026-07-15"}, {"amount_wan", 0}})
          .status,
      400);
  ASSERT_EQ(post_as("ga_clerk", path(id, "/funding"),
                    {{"arrived_on", "2026-07-15"}, {"amount_wan", 3000}})
                .status,
            201);
  post_as("ga_clerk", path(id, "/funding"), {{"arrived_on", "2026-09-15"}, {"amount_wan", 2000}});
  EXPECT_EQ(get_as("ga_clerk", path(id)).json()["project"]["funds_arrived_wan"], 5000);
  // Dropping needs a reason; a dropped project moves no more.
  EXPECT_EQ(move(id, {{"stage", "dropped"}, {"on", "2026-10-01"}}).json()["error"]["field"],
            "reason");
  auto dropped =
      move(id, {{"stage", "dropped"}, {"on", "2026-10-01"}, {"reason", "投资方改投外省"}});
  ASSERT_EQ(dropped.status, 200) << dropped.body;
  EXPECT_EQ(dropped.json()["dropped_from"], "signed");
  EXPECT_EQ(move(id, {{"stage", "landed"}, {"on", "2026-10-02"}}).status, 400);
  // Another county neither reads nor moves it; the trail records the moves.
  EXPECT_EQ(get_as("jl_clerk", path(id)).status, 404);
  EXPECT_EQ(post_as("jl_clerk", path(id, "/moves"), {{"stage", "landed"}}).status, 404);
  int moves = 0;
  auto trail = get_as("ga_clerk", path(id)).json();  // kept: a member of a temporary would dangle
  for (const auto& a : trail["audit"]) moves += a["action"] == "move";
  EXPECT_EQ(moves, 3);
  auto unfunded = create({{"name", "未签约项目"}, {"region_code", "421022"}});
  EXPECT_EQ(post_as("ga_clerk", path(unfunded, "/funding"),
                    {{"arrived_on", "2026-07-15"}, {"amount_wan", 100}})
                .json()["error"]["field"],
            "arrived_on");
  EXPECT_EQ(post_as("ga_clerk", "/api/v1/projects", {{"name", "越权"}, {"region_code", "421088"}})
                .json()["error"]["field"],
            "region_code");
}

TEST(ProjectApi, TheBoardOfAYearAsWorkedOutByHand) {
  // 孟家溪镇 (421022108) holds this test's projects only.
  std::string r = "421022108";
  // A: lead 2025-01-01 → contact 2025-01-11 (10 days) → signed 2025-12-31 (inspection …
  //    negotiation not known), 15000 万元: a major project signed in 2025.
  int64_t a = create(
      {{"name", "甲"}, {"region_code", r}, {"amount_wan", 15000}, {"stage_on", "2025-01-01"}});
  move(a, {{"stage", "contact"}, {"on", "2025-01-11"}});
  move(a, {{"stage", "signed"},
           {"on", "2025-12-31"},
           {"dates", {{"inspection", nullptr}, {"reception", nullptr}, {"negotiation", nullptr}}}});
  // B: lead 2025-03-01 → contact 2025-03-21 (20 days) → … signed 2026-01-01: signed in 2026.
  int64_t b = create(
      {{"name", "乙"}, {"region_code", r}, {"amount_wan", 20000}, {"stage_on", "2025-03-01"}});
  move(b, {{"stage", "contact"}, {"on", "2025-03-21"}});
  move(b, {{"stage", "signed"},
           {"on", "2026-01-01"},
           {"dates", {{"inspection", nullptr}, {"reception", nullptr}, {"negotiation", nullptr}}}});
  post_as("ga_clerk", path(b, "/funding"), {{"arrived_on", "2026-02-01"}, {"amount_wan", 4000}});
  // C: lead 2025-05-01, dropped 2025-06-01; 800 万元.
  int64_t c =
      create({{"name", "丙"}, {"region_code", r}, {"amount_wan", 800}, {"stage_on", "2025-05-01"}});
  move(c, {{"stage", "dropped"}, {"on", "2025-06-01"}, {"reason", "资金不足"}});
  auto board = get_as("ga_clerk", "/api/v1/projects/board?region=" + r + "&year=2025").json();
  std::map<std::string, nlohmann::json> st;
  for (const auto& s : board["stages"]) st[s["stage"]] = s;
  EXPECT_EQ(st["lead"]["reached_in_year"], 3);
  EXPECT_EQ(st["contact"]["reached_in_year"], 2);
  EXPECT_EQ(st["signed"]["reached_in_year"], 1);  // A on 31 December; B's 1 January is 2026
  EXPECT_EQ(st["signed"]["reached_amount_wan"], 15000);
  EXPECT_EQ(st["lead"]["conversion_to_next"], 0.6667);  // 2 of 3
  // Days in lead: A 10, B 20 (C's next entry is dropped: not a stage spent towards the next).
  EXPECT_EQ(st["lead"]["avg_days"], 15.0);
  EXPECT_EQ(st["lead"]["timed_projects"], 2);
  EXPECT_EQ(st["signed"]["current"], 2);
  EXPECT_EQ(st["signed"]["current_amount_wan"], 35000);
  EXPECT_EQ(st["signed"]["current_major"], 2);
  EXPECT_EQ(board["major_signed"]["count"], 1);
  EXPECT_EQ(board["major_signed"]["amount_wan"], 15000);
  EXPECT_EQ(board["dropped"]["in_year"], 1);
  EXPECT_EQ(board["funds_arrived_wan"], 0);
  auto next = get_as("ga_clerk", "/api/v1/projects/board?region=" + r + "&year=2026").json();
  EXPECT_EQ(next["major_signed"]["count"], 1);
  EXPECT_EQ(next["major_signed"]["amount_wan"], 20000);
  EXPECT_EQ(next["funds_arrived_wan"], 4000);
  EXPECT_EQ(get_as("ga_clerk", "/api/v1/projects/board?year=1999").status, 400);
  // Another county's account is told the region is outside its scope, not shown a board of
  // zeros; its own board counts none of these projects.
  EXPECT_EQ(get_as("jl_clerk", "/api/v1/projects/board?region=" + r + "&year=2025").status, 403);
  EXPECT_EQ(
      get_as("jl_clerk", "/api/v1/projects/board?year=2025").json()["stages"][0]["reached_in_year"],
      0);
  // Approval times: 2025 filings took 50 days on average, 2026 ones 30: 40% faster.
  post_as("ga_clerk", path(a, "/milestones"),
          {{"kind", "filing"}, {"started_on", "2025-02-01"}, {"finished_on", "2025-03-13"}});  // 40
  post_as("ga_clerk", path(b, "/milestones"),
          {{"kind", "filing"}, {"started_on", "2025-04-01"}, {"finished_on", "2025-05-31"}});  // 60
  post_as("ga_clerk", path(b, "/milestones"),
          {{"kind", "filing"}, {"started_on", "2026-02-01"}, {"finished_on", "2026-03-03"}});  // 30
  auto open =
      post_as("ga_clerk", path(a, "/milestones"), {{"kind", "land"}, {"started_on", "2026-03-01"}});
  ASSERT_EQ(open.status, 201) << open.body;
  EXPECT_EQ(post_as("ga_clerk", path(a, "/milestones"),
                    {{"kind", "land"}, {"started_on", "2026-03-01"}, {"finished_on", "2026-02-01"}})
                .json()["error"]["field"],
            "finished_on");
  auto finished = ApiEnv::get().client().patch(
      path(a, "/milestones/" + std::to_string(open.json()["id"].get<int64_t>())),
      {{"finished_on", "2026-03-21"}}, ApiEnv::get().token("ga_clerk"));  // 20
  ASSERT_EQ(finished.status, 200) << finished.body;
  auto times = get_as("ga_clerk", "/api/v1/projects/approvals?region=" + r + "&year=2026").json();
  EXPECT_EQ(times["baseline"], 2025);
  ASSERT_EQ(times["kinds"].size(), 2u) << times.dump();
  EXPECT_EQ(times["kinds"][0]["kind"], "filing");
  EXPECT_EQ(times["kinds"][0]["avg_days"], 30.0);
  EXPECT_EQ(times["kinds"][0]["baseline_avg_days"], 50.0);
  EXPECT_EQ(times["kinds"][0]["reduction"], 0.4);
  EXPECT_EQ(times["kinds"][0]["meets_target"], true);
  EXPECT_TRUE(times["kinds"][1]["reduction"].is_null());  // land: no baseline
  EXPECT_EQ(times["overall"]["avg_days"], 25.0);
  (void)c;
}

TEST(ProjectApi, AppealsVisitsAndTheOfferedProjectsMatchedToMerchants) {
  int64_t id =
      create({{"name", "农产品冷链项目"}, {"region_code", "421022"}, {"stage_on", "2026-01-05"}});
  ASSERT_EQ(move(id, {{"stage", "signed"},
                      {"on", "2026-03-01"},
                      {"dates",
                       {{"contact", nullptr},
                        {"inspection", nullptr},
                        {"reception", nullptr},
                        {"negotiation", nullptr}}}})
                .status,
            200);
  // A project being built without a visit in 60 days is overdue for one; one signed today is not.
  EXPECT_EQ(get_as("ga_clerk", path(id)).json()["project"]["visit_overdue"], true);
  auto fresh = post_as("ga_clerk", "/api/v1/projects",
                       {{"name", "今日签约"}, {"region_code", "421022"}, {"stage", "signed"}});
  ASSERT_EQ(fresh.status, 201) << fresh.body;
  EXPECT_EQ(fresh.json()["visit_overdue"], false);
  ASSERT_EQ(post_as("ga_clerk", path(id, "/visits"),
                    {{"findings", "十问十帮：用电增容未落实"}, {"help", "协调供电公司"}})
                .status,
            201);
  EXPECT_EQ(get_as("ga_clerk", path(id)).json()["project"]["visit_overdue"], false);
  // An appeal past its time limit is overdue until closed; closing records the satisfaction.
  auto late = post_as("ga_clerk", "/api/v1/appeals",
                      {{"project_id", id},
                       {"category", "水电路气"},
                       {"content", "用电增容"},
                       {"assigned_unit", "县供电公司"},
                       {"raised_on", "2026-03-02"},
                       {"time_limit_days", 10}});
  ASSERT_EQ(late.status, 201) << late.body;
  EXPECT_EQ(late.json()["due_on"], "2026-03-12");
  EXPECT_EQ(late.json()["overdue"], true);
  int64_t appeal = late.json()["id"];
  EXPECT_EQ(post_as("ga_clerk", "/api/v1/appeals",
                    {{"category", "其他"}, {"content", "x"}, {"assigned_unit", "x"}})
                .json()["error"]["field"],
            "project_id");
  auto overdue =
      get_as("ga_clerk", "/api/v1/appeals?overdue=true&project_id=" + std::to_string(id)).json();
  EXPECT_EQ(overdue["total"], 1);
  // The whole list (no overdue filter) counts it among the overdue as well. On PostgreSQL this
  // list answered 500: its page statement carried a parameter (today) that only the count read.
  auto all = get_as("ga_clerk", "/api/v1/appeals?project_id=" + std::to_string(id));
  ASSERT_EQ(all.status, 200) << all.body;
  EXPECT_EQ(all.json()["total"], 1);
  EXPECT_EQ(all.json()["overdue"], 1);
  // The project file lists it flagged the same way.
  auto in_file = get_as("ga_clerk", path(id)).json()["appeals"];
  ASSERT_EQ(in_file.size(), 1u) << in_file.dump();
  EXPECT_EQ(in_file[0]["overdue"], true);
  EXPECT_EQ(in_file[0]["assigned_unit"], "县供电公司");
  auto replied = post_as("ga_clerk", "/api/v1/appeals/" + std::to_string(appeal) + "/replies",
                         {{"content", "已协调，月底前完成增容"}, {"unit", "县供电公司"}});
  ASSERT_EQ(replied.status, 201) << replied.body;
  EXPECT_EQ(replied.json()["status"], "answered");
  EXPECT_EQ(replied.json()["reply_list"].size(), 1u);
  EXPECT_EQ(post_as("ga_clerk", "/api/v1/appeals/" + std::to_string(appeal) + "/close",
                    {{"satisfaction", "很好"}})
                .json()["error"]["field"],
            "satisfaction");
  auto closed = post_as("ga_clerk", "/api/v1/appeals/" + std::to_string(appeal) + "/close",
                        {{"satisfaction", "满意"}, {"closed_on", "2026-03-20"}});
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(closed.json()["status"], "closed");
  EXPECT_EQ(closed.json()["overdue"], false);
  EXPECT_EQ(closed.json()["closed_late"], true);
  EXPECT_EQ(post_as("ga_clerk", "/api/v1/appeals/" + std::to_string(appeal) + "/close",
                    {{"satisfaction", "满意"}})
                .status,
            409);
  EXPECT_EQ(get_as("jl_clerk", "/api/v1/appeals/" + std::to_string(appeal)).status, 404);
  // An offered project and the merchants whose intention fits it, best first, with reasons.
  auto fits = post_as("ga_clerk", "/api/v1/merchants",
                      {{"name", "匹配甲"},
                       {"hometown_code", "421022112"},
                       {"intention_strength", "strong"},
                       {"intention_industries", {"13"}},
                       {"intention_min_wan", 2000},
                       {"intention_max_wan", 8000},
                       {"intention_regions", {"421022"}}});
  auto near = post_as("ga_clerk", "/api/v1/merchants",
                      {{"name", "匹配乙"},
                       {"hometown_code", "421022112"},
                       {"intention_strength", "possible"},
                       {"intention_industries", {"C"}}});
  ASSERT_EQ(fits.status, 201) << fits.body;
  ASSERT_EQ(near.status, 201) << near.body;
  auto offer = post_as("ga_clerk", "/api/v1/offers",
                       {{"name", "公安县农产品精深加工园"},
                        {"region_code", "421022"},
                        {"industry", "13"},
                        {"amount_wan", 5000},
                        {"land_mu", 120},
                        {"status", "open"}});
  ASSERT_EQ(offer.status, 201) << offer.body;
  auto matches =
      get_as("ga_clerk",
             "/api/v1/offers/" + std::to_string(offer.json()["id"].get<int64_t>()) + "/matches")
          .json();
  ASSERT_GE(matches["items"].size(), 2u) << matches.dump();
  EXPECT_EQ(matches["items"][0]["merchant_id"], fits.json()["id"]);
  EXPECT_EQ(matches["items"][0]["reasons"][0], "投资意向行业与项目相同（13）");
  int64_t near_id = near.json()["id"];
  int near_rank = -1;
  for (size_t i = 0; i < matches["items"].size(); ++i) {
    if (matches["items"][i]["merchant_id"] == near_id) near_rank = static_cast<int>(i);
  }
  EXPECT_GT(near_rank, 0);
  EXPECT_EQ(
      get_as("jl_clerk", "/api/v1/offers/" + std::to_string(offer.json()["id"].get<int64_t>()))
          .status,
      404);
}

TEST(ProjectApi, AnEditorKeepsAMerchantAnotherOfficeLinkedButCannotAddOne) {
  auto ours =
      post_as("ga_clerk", "/api/v1/merchants", {{"name", "本县楚商"}, {"hometown_code", "421022"}});
  auto theirs =
      post_as("jl_clerk", "/api/v1/merchants", {{"name", "监利楚商"}, {"hometown_code", "421088"}});
  auto other = post_as("jl_clerk", "/api/v1/merchants",
                       {{"name", "监利另一位"}, {"hometown_code", "421088"}});
  ASSERT_EQ(ours.status, 201) << ours.body;
  ASSERT_EQ(theirs.status, 201) << theirs.body;
  ASSERT_EQ(other.status, 201) << other.body;
  int64_t ours_id = ours.json()["id"], theirs_id = theirs.json()["id"],
          other_id = other.json()["id"];
  int64_t id =
      create({{"name", "两地合作项目"}, {"region_code", "421022"}, {"merchant_ids", {ours_id}}});
  {
    // Linked by the city's investment office, whose scope covers both counties.
    auto db = guiyan::store::open_db(ApiEnv::get().server().db_url(), 1);
    guiyan::store::exec(*db->acquire(),
                        "INSERT INTO project_merchant (project_id, merchant_id) VALUES ($1, $2)",
                        {id, theirs_id});
  }
  auto file = get_as("ga_clerk", path(id)).json();
  ASSERT_EQ(file["merchants"].size(), 2u) << file.dump();
  EXPECT_EQ(file["merchants"][1]["visible"], false);
  // The county's clerk sends the list as the file shows it, plus nothing new: accepted.
  auto kept = ApiEnv::get().client().patch(path(id), {{"merchant_ids", {ours_id, theirs_id}}},
                                           ApiEnv::get().token("ga_clerk"));
  ASSERT_EQ(kept.status, 200) << kept.body;
  EXPECT_EQ(get_as("ga_clerk", path(id)).json()["merchants"].size(), 2u);
  // A merchant outside the clerk's scope that is not linked yet cannot be added.
  auto added =
      ApiEnv::get().client().patch(path(id), {{"merchant_ids", {ours_id, theirs_id, other_id}}},
                                   ApiEnv::get().token("ga_clerk"));
  EXPECT_EQ(added.status, 400);
  EXPECT_EQ(added.json()["error"]["field"], "merchant_ids");
  // Dropping the other office's link is the editor's call: the file showed it.
  auto dropped = ApiEnv::get().client().patch(path(id), {{"merchant_ids", {ours_id}}},
                                              ApiEnv::get().token("ga_clerk"));
  ASSERT_EQ(dropped.status, 200) << dropped.body;
  EXPECT_EQ(get_as("ga_clerk", path(id)).json()["merchants"].size(), 1u);
}

TEST(ProjectApi, FundsOfADroppedProjectAreThoseThatArrivedBeforeTheDrop) {
  auto signed_project = post_as("ga_clerk", "/api/v1/projects",
                                {{"name", "签约后终止的项目"},
                                 {"region_code", "421022"},
                                 {"amount_wan", 8000},
                                 {"stage", "signed"},
                                 {"stage_on", "2026-02-01"}});
  ASSERT_EQ(signed_project.status, 201) << signed_project.body;
  int64_t id = signed_project.json()["id"];
  ASSERT_EQ(
      move(id, {{"stage", "dropped"}, {"on", "2026-06-01"}, {"reason", "投资方资金链断裂"}}).status,
      200);
  EXPECT_EQ(
      post_as("ga_clerk", path(id, "/funding"), {{"arrived_on", "2026-05-20"}, {"amount_wan", 500}})
          .status,
      201);
  auto after = post_as("ga_clerk", path(id, "/funding"),
                       {{"arrived_on", "2026-06-02"}, {"amount_wan", 500}});
  EXPECT_EQ(after.status, 400);
  EXPECT_EQ(after.json()["error"]["field"], "arrived_on");
  EXPECT_NE(after.json()["error"]["message"].get<std::string>().find("2026-06-01 终止"),
            std::string::npos);
  EXPECT_EQ(get_as("ga_clerk", path(id)).json()["funding"].size(), 1u);
  // Dropped before it was signed: no funds at all.
  int64_t lead =
      create({{"name", "线索阶段终止"}, {"region_code", "421022"}, {"stage_on", "2026-01-10"}});
  ASSERT_EQ(
      move(lead, {{"stage", "dropped"}, {"on", "2026-02-01"}, {"reason", "无投资意向"}}).status,
      200);
  auto none = post_as("ga_clerk", path(lead, "/funding"),
                      {{"arrived_on", "2026-01-20"}, {"amount_wan", 100}});
  EXPECT_EQ(none.status, 400);
  EXPECT_EQ(none.json()["error"]["message"], "项目终止前未签约，不能登记到资");
}

TEST(ProjectApi, AReferredProjectShowsOnTheAmbassadorAndTheMerchantFile) {
  auto m = post_as("ga_clerk", "/api/v1/merchants",
                   {{"name", "引荐人"}, {"hometown_code", "421022113"}});
  ASSERT_EQ(m.status, 201) << m.body;
  int64_t merchant = m.json()["id"];
  auto amb = post_as("ga_clerk", "/api/v1/ambassadors",
                     {{"merchant_id", merchant},
                      {"region_code", "421022"},
                      {"appointed_on", "2026-01-01"},
                      {"status", "active"}});
  ASSERT_EQ(amb.status, 201) << amb.body;
  int64_t ambassador = amb.json()["id"];
  int64_t id = create({{"name", "大使引荐项目"},
                       {"region_code", "421022"},
                       {"amount_wan", 3000},
                       {"ambassador_id", ambassador},
                       {"merchant_ids", {merchant}},
                       {"stage_on", "2026-02-01"}});
  EXPECT_EQ(post_as("ga_clerk", "/api/v1/projects",
                    {{"name", "x"}, {"region_code", "421022"}, {"merchant_ids", {999999}}})
                .json()["error"]["field"],
            "merchant_ids");
  auto before = get_as("ga_clerk", "/api/v1/ambassadors/" + std::to_string(ambassador)).json();
  EXPECT_EQ(before["referrals"], 1);
  EXPECT_EQ(before["referrals_landed"], 0);
  ASSERT_EQ(move(id, {{"stage", "landed"},
                      {"on", "2026-05-01"},
                      {"dates",
                       {{"contact", nullptr},
                        {"inspection", nullptr},
                        {"reception", nullptr},
                        {"negotiation", nullptr},
                        {"signed", "2026-04-01"}}}})
                .status,
            200);
  auto after = get_as("ga_clerk", "/api/v1/ambassadors/" + std::to_string(ambassador)).json();
  EXPECT_EQ(after["referrals_landed"], 1);
  EXPECT_EQ(after["referrals_amount_wan"], 3000);
  auto file = get_as("ga_clerk", "/api/v1/merchants/" + std::to_string(merchant) + "/file").json();
  ASSERT_EQ(file["projects"].size(), 1u) << file.dump();
  EXPECT_EQ(file["projects"][0]["name"], "大使引荐项目");
  EXPECT_EQ(file["projects"][0]["stage_label"], "落地");
}
