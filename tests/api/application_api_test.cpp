// Policy applications through the real server, on SQLite and PostgreSQL alike: submitted by
// staff with the engine's trace, reviewed, decided by another officer with the trace of the
// decision day, paid, and then counted as an award; no second application in the period; the
// payout deadline in working days; scope and wrong steps refused.
#include "api/policy_env.h"
#include "core/credit_code.h"

using namespace guiyan::testing;

namespace {

int64_t person(const std::string& name, const std::string& status) {
  auto r = policy_post("ga_clerk", "/api/v1/people",
                       {{"name", name},
                        {"region_code", "421022102001"},
                        {"status", status},
                        {"status_since", "2026-02-10"}});
  if (r.status != 201) throw std::runtime_error("person: " + r.body);
  return r.json()["id"];
}

int64_t policy_id(const std::string& code) {
  auto r = policy_get("ga_clerk", "/api/v1/policies?q=" + code);
  auto items = r.json()["items"];
  for (const auto& p : items) {
    if (p["code"] == code) return p["id"];
  }
  throw std::runtime_error("no policy " + code);
}

std::string app_path(int64_t id, const std::string& rest = "") {
  return "/api/v1/applications/" + std::to_string(id) + rest;
}

// An officer of 公安县 other than the one who submits, to decide.
const std::string& approver() {
  static const std::string name = [] {
    policy_env().server().add_user("ga_approver", "clerk", "421022", "公安县人社局", kPassword);
    return std::string("ga_approver");
  }();
  return name;
}

}  // namespace

TEST(ApplicationApi, SubmittedReviewedApprovedByAnotherOfficerPaidAndThenAnAward) {
  int64_t id = person("申请测试甲", "employed_home");
  int64_t transport = policy_id("return_transport_subsidy");
  auto submitted = policy_post("ga_clerk", "/api/v1/applications",
                               {{"policy_id", transport},
                                {"person_id", id},
                                {"submitted_on", "2026-03-02"},
                                {"amount_requested_fen", 30000}});
  ASSERT_EQ(submitted.status, 201) << submitted.body;
  auto app = submitted.json();
  int64_t app_id = app["id"];
  EXPECT_EQ(app["status"], "submitted");
  EXPECT_EQ(app["status_name"], "待初审");
  EXPECT_EQ(app["submission"]["verdict"], "eligible");
  EXPECT_EQ(app["submission"]["summary"], "符合：返乡稳定就业交通补贴 最高500元");

  auto again =
      policy_post("ga_clerk", "/api/v1/applications",
                  {{"policy_id", transport}, {"person_id", id}, {"submitted_on", "2026-03-05"}});
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(again.json()["error"]["code"], "duplicate");

  EXPECT_EQ(policy_post("ga_clerk", app_path(app_id, "/payment"),
                        {{"paid_on", "2026-03-04"}, {"reference", "X"}})
                .json()["error"]["code"],
            "wrong_status");
  auto early = policy_post(approver(), app_path(app_id, "/decision"), {{"approve", true}});
  EXPECT_EQ(early.status, 409);  // not reviewed yet
  ASSERT_EQ(policy_post("ga_clerk", app_path(app_id, "/review"), {{"note", "材料齐全"}}).status,
            200);
  auto own = policy_post("ga_clerk", app_path(app_id, "/decision"), {{"approve", true}});
  EXPECT_EQ(own.status, 409);
  EXPECT_EQ(own.json()["error"]["code"], "same_person");

  auto approved = policy_post(approver(), app_path(app_id, "/decision"),
                              {{"approve", true}, {"decided_on", "2026-03-03"}});
  ASSERT_EQ(approved.status, 200) << approved.body;
  EXPECT_EQ(approved.json()["status"], "approved");
  EXPECT_EQ(approved.json()["amount_approved_fen"], 30000);  // asked 300元, under the 500元 cap
  EXPECT_EQ(approved.json()["decision"]["verdict"], "eligible");
  // 60 working days after 3-3: 20 left in March, 21 in April (清明 4-6 off), then May from 5-6
  // with 劳动节 off and Saturday 5-9 worked: the 60th is Friday 5-29.
  EXPECT_EQ(approved.json()["payout_due_on"], "2026-05-29");
  EXPECT_EQ(approved.json()["payout_due_estimated"], false);

  auto paid = policy_post("ga_clerk", app_path(app_id, "/payment"),
                          {{"paid_on", "2026-03-20"}, {"reference", "GA-2026-0320-01"}});
  ASSERT_EQ(paid.status, 200) << paid.body;
  EXPECT_EQ(paid.json()["status"], "paid");
  EXPECT_EQ(paid.json()["paid_fen"], 30000);
  EXPECT_EQ(paid.json()["payout_overdue"], false);

  // Now an award: the same year answers "already received", the next year is open again.
  auto now = policy_post("ga_clerk", "/api/v1/policies/evaluate",
                         {{"person_id", id}, {"date", "2026-04-01"}, {"policy_ids", {transport}}});
  auto item = now.json()["items"][0];
  EXPECT_EQ(item["verdict"], "not_eligible") << now.body;
  bool said = false;
  for (const auto& c : item["conditions"]) {
    said |= c["sentence"] == "本年度未享受过本政策：不满足（已于 2026-03-03 享受）";
  }
  EXPECT_TRUE(said) << item.dump(1);

  auto audit = policy_get(
      "ga_aud", "/api/v1/audit?entity=policy_application&entity_id=" + std::to_string(app_id));
  auto entries = audit.json()["items"];
  ASSERT_EQ(entries.size(), 4u) << audit.body;
  EXPECT_EQ(entries[0]["action"], "pay");
  EXPECT_EQ(entries[1]["action"], "approve");
}

TEST(ApplicationApi, TheEngineRefusesWhatDoesNotQualifyAndARejectionNeedsAReason) {
  int64_t away = person("申请测试乙", "away");
  int64_t transport = policy_id("return_transport_subsidy");
  auto refused =
      policy_post("ga_clerk", "/api/v1/applications",
                  {{"policy_id", transport}, {"person_id", away}, {"submitted_on", "2026-03-02"}});
  EXPECT_EQ(refused.status, 400);
  EXPECT_EQ(refused.json()["error"]["code"], "not_eligible");
  EXPECT_NE(refused.json()["error"]["message"].get<std::string>().find(
                "已在本地就业或创业：不满足（人员状态 外出）"),
            std::string::npos)
      << refused.body;
  auto venture_policy =
      policy_post("ga_clerk", "/api/v1/applications",
                  {{"policy_id", policy_id("start_up_subsidy")}, {"person_id", away}});
  EXPECT_EQ(venture_policy.json()["error"]["field"], "policy_id");

  int64_t home = person("申请测试丙", "started_business");
  auto made =
      policy_post("ga_clerk", "/api/v1/applications",
                  {{"policy_id", transport}, {"person_id", home}, {"submitted_on", "2026-03-02"}});
  ASSERT_EQ(made.status, 201) << made.body;
  int64_t app_id = made.json()["id"];
  policy_post("ga_clerk", app_path(app_id, "/review"), nlohmann::json::object());
  auto no_reason = policy_post(approver(), app_path(app_id, "/decision"), {{"approve", false}});
  EXPECT_EQ(no_reason.json()["error"]["field"], "reason");
  auto rejected = policy_post(approver(), app_path(app_id, "/decision"),
                              {{"approve", false}, {"reason", "交通票据不全"}});
  ASSERT_EQ(rejected.status, 200) << rejected.body;
  EXPECT_EQ(rejected.json()["status"], "rejected");
  // A rejected application does not block a new one in the same year.
  auto resubmitted =
      policy_post("ga_clerk", "/api/v1/applications",
                  {{"policy_id", transport}, {"person_id", home}, {"submitted_on", "2026-03-10"}});
  ASSERT_EQ(resubmitted.status, 201) << resubmitted.body;
  int64_t second = resubmitted.json()["id"];
  policy_post("ga_clerk", app_path(second, "/review"), nlohmann::json::object());
  // "最高500元": the approver states the amount, within the cap.
  auto no_amount = policy_post(approver(), app_path(second, "/decision"),
                               {{"approve", true}, {"decided_on", "2026-03-11"}});
  EXPECT_EQ(no_amount.json()["error"]["field"], "amount_approved_fen") << no_amount.body;
  auto over_cap = policy_post(
      approver(), app_path(second, "/decision"),
      {{"approve", true}, {"decided_on", "2026-03-11"}, {"amount_approved_fen", 50001}});
  EXPECT_EQ(over_cap.json()["error"]["message"], "批准金额超过政策上限");
  auto approved = policy_post(
      approver(), app_path(second, "/decision"),
      {{"approve", true}, {"decided_on", "2026-03-11"}, {"amount_approved_fen", 42000}});
  ASSERT_EQ(approved.status, 200) << approved.body;
  EXPECT_EQ(approved.json()["amount_approved_fen"], 42000);
  // Left unpaid past its 60 working days: overdue, and in the overdue list.
  EXPECT_EQ(approved.json()["payout_overdue"], true);
  auto overdue =
      policy_get("ga_clerk", "/api/v1/applications?overdue=true&person_id=" + std::to_string(home));
  ASSERT_EQ(overdue.json()["total"], 1) << overdue.body;
  auto queue = policy_get("ga_clerk", "/api/v1/applications?status=submitted,reviewed&person_id=" +
                                          std::to_string(home));
  EXPECT_EQ(queue.json()["total"], 0);

  EXPECT_EQ(policy_get("jl_clerk", app_path(second)).status, 404);
  EXPECT_EQ(policy_get("jl_clerk", "/api/v1/applications?person_id=" + std::to_string(home))
                .json()["total"],
            0);
  EXPECT_EQ(policy_get("ga_clerk", "/api/v1/applications?status=flying").status, 400);
}

TEST(ApplicationApi, AVentureIsEvaluatedWithItsFounderAndAppliesAsABusiness) {
  int64_t founder = policy_post("ga_clerk", "/api/v1/people",
                                {{"name", "主体测试丁"},
                                 {"region_code", "421022102001"},
                                 {"status", "started_business"},
                                 {"status_since", "2025-01-10"}})
                        .json()["id"];
  auto made = policy_post("ga_clerk", "/api/v1/ventures",
                          {{"type", "individual_business"},
                           {"name", "闸口丁记莲藕加工"},
                           {"credit_code", guiyan::core::complete_credit_code("92421022MA4WP0001")},
                           {"registered_on", "2025-01-15"},
                           {"first_registration", true},
                           {"region_code", "421022102001"},
                           {"founder_ids", {founder}},
                           {"employees", 2},
                           {"counted_on", "2025-02-01"}});
  ASSERT_EQ(made.status, 201) << made.body;
  int64_t venture = made.json()["id"];
  auto subsidy_of = [&](const std::string& date) {
    auto r = policy_post("ga_clerk", "/api/v1/policies/evaluate",
                         {{"person_id", founder}, {"date", date}});
    auto items = r.json()["items"];
    for (const auto& item : items) {
      if (item["policy"]["code"] == "start_up_subsidy") return item;
    }
    return nlohmann::json();
  };
  // Exactly six months after registration: eligible; 公安县 has published no amount.
  auto on_time = subsidy_of("2025-07-15");
  ASSERT_FALSE(on_time.is_null());
  EXPECT_EQ(on_time["subject"]["id"], venture);
  EXPECT_EQ(on_time["subject"]["name"], "闸口丁记莲藕加工");
  EXPECT_EQ(on_time["verdict"], "eligible") << on_time.dump(1);
  EXPECT_TRUE(on_time["amount_fen"].is_null());
  auto early = subsidy_of("2025-07-14");
  EXPECT_EQ(early["verdict"], "not_eligible");

  int64_t policy = policy_id("start_up_subsidy");
  std::string matches = "/api/v1/policies/" + std::to_string(policy) + "/matches?region=421022102";
  auto listed = policy_get("ga_clerk", matches);
  ASSERT_EQ(listed.status, 200) << listed.body;
  bool on_list = false;
  auto items = listed.json()["items"];
  for (const auto& item : items) on_list |= item["subject"]["id"] == venture;
  EXPECT_TRUE(on_list) << listed.body;

  auto app =
      policy_post("ga_clerk", "/api/v1/applications",
                  {{"policy_id", policy}, {"venture_id", venture}, {"submitted_on", "2025-07-20"}});
  ASSERT_EQ(app.status, 201) << app.body;
  EXPECT_EQ(app.json()["subject"]["kind"], "venture");
  EXPECT_EQ(policy_post("ga_clerk", "/api/v1/applications",
                        {{"policy_id", policy}, {"person_id", founder}})
                .json()["error"]["field"],
            "policy_id");  // a business's policy, not a person's
  auto after = policy_get("ga_clerk", matches).json()["items"];
  for (const auto& item : after) EXPECT_NE(item["subject"]["id"], venture);
  EXPECT_EQ(policy_get("jl_clerk", "/api/v1/applications?venture_id=" + std::to_string(venture))
                .json()["total"],
            0);
}
