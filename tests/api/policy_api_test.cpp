// The policy catalogue and evaluation through the real server, on SQLite and PostgreSQL alike:
// the shipped policies, a person's verdicts with their trace, a "what if" situation, and editing
// a policy into a new version that evaluations use at once while the old version stays readable.
#include "api/policy_env.h"

using namespace guiyan::testing;

namespace {

// The evaluation item of policy `code`, or null.
nlohmann::json item_of(const nlohmann::json& evaluation, const std::string& code) {
  for (const auto& item : evaluation["items"]) {
    if (item["policy"]["code"] == code) return item;
  }
  return nullptr;
}

nlohmann::json county_policy(const std::string& code, int amount) {
  return {
      {"code", code},
      {"name", "公安县返乡创业示范户奖励"},
      {"kind", "创业补贴"},
      {"region", "421022"},
      {"subject", "person"},
      {"award", "selection"},
      {"period", "once"},
      {"valid_from", "2026-01-01"},
      {"summary", "评选返乡创业示范户，给予一次性奖励。"},
      {"conditions", {{{"label", "返乡创业"}, {"rule", "person.status == \"started_business\""}}}},
      {"amount", "@amount_yuan"},
      {"parameters",
       {{"amount_yuan",
         {{"label", "奖励标准"},
          {"unit", "元"},
          {"values", {{{"from", "2026-01-01"}, {"value", amount}}}}}}}}};
}

}  // namespace

TEST(PolicyApi, TheCatalogueListsTheShippedPoliciesThatApplyInARegion) {
  auto r = policy_get("ga_clerk", "/api/v1/policies?region=421022");
  ASSERT_EQ(r.status, 200) << r.body;
  std::set<std::string> codes;
  auto items = r.json()["items"];  // kept: a range over a temporary's member would dangle
  for (const auto& p : items) codes.insert(p["code"]);
  for (auto code :
       {"start_up_subsidy", "guaranteed_loan", "return_transport_subsidy",
        "featured_project_support", "jingchu_guiyan_project", "rent_subsidy", "training_subsidy"}) {
    EXPECT_TRUE(codes.count(code)) << code;
  }
  EXPECT_FALSE(codes.count("yangui_yichang_project"));  // 宜昌's, not 公安县's
  // A code that is no region answers 400 rather than the province's policies or none.
  auto odd = policy_get("ga_clerk", "/api/v1/policies?region=421099");
  EXPECT_EQ(odd.status, 400) << odd.body;
  EXPECT_EQ(odd.json()["error"]["field"], "region");
  auto loan = policy_get("ga_clerk",
                         "/api/v1/policies?region=421022&kind=" +
                             std::string("%E5%88%9B%E4%B8%9A%E6%8B%85%E4%BF%9D%E8%B4%B7%E6%AC%BE"));
  ASSERT_EQ(loan.json()["total"], 1) << loan.body;
  auto one =
      policy_get("ga_clerk", "/api/v1/policies/" +
                                 std::to_string(loan.json()["items"][0]["id"].get<int64_t>()));
  ASSERT_EQ(one.status, 200);
  EXPECT_EQ(one.json()["definition"]["parameters"]["max_loans"]["values"][0]["value"], 3);
  EXPECT_EQ(one.json()["versions"].size(), 1u);
  EXPECT_EQ(one.json()["versions"][0]["note"], "随系统发布");
  EXPECT_EQ(one.json()["editable"], false);  // a province policy, a county clerk
  EXPECT_EQ(policy_get("ga_clerk", "/api/v1/policies/999999").status, 404);
}

TEST(PolicyApi, APersonIsEvaluatedOnTheirRecordWithATraceAndOnlyInScope) {
  auto created = policy_post("ga_clerk", "/api/v1/people",
                             {{"name", "政策测试甲"},
                              {"region_code", "421022101001"},
                              {"status", "employed_home"},
                              {"status_since", "2026-02-10"}});
  ASSERT_EQ(created.status, 201) << created.body;
  int64_t id = created.json()["id"];

  auto r = policy_post("ga_clerk", "/api/v1/policies/evaluate",
                       {{"person_id", id}, {"date", "2026-03-01"}});
  ASSERT_EQ(r.status, 200) << r.body;
  auto transport = item_of(r.json(), "return_transport_subsidy");
  ASSERT_FALSE(transport.is_null()) << r.body;
  EXPECT_EQ(transport["verdict"], "eligible");
  EXPECT_EQ(transport["amount_fen"], 50000);
  EXPECT_EQ(transport["amount_is_cap"], true);
  EXPECT_EQ(transport["summary"], "符合：返乡稳定就业交通补贴 最高500元");
  bool said = false;
  for (const auto& c : transport["conditions"]) {
    said |= c["sentence"] == "已在本地就业或创业：满足（人员状态 返乡就业）";
  }
  EXPECT_TRUE(said) << transport.dump(1);
  auto training = item_of(r.json(), "training_subsidy");
  EXPECT_EQ(training["verdict"], "unknown");                  // no class records yet
  EXPECT_EQ(item_of(r.json(), "start_up_subsidy"), nullptr);  // a venture's policy
  EXPECT_EQ(r.json()["items"][0]["verdict"], "eligible");     // eligible first

  // Before the status began, the same person was not yet home: the status is unknown then.
  auto before = policy_post("ga_clerk", "/api/v1/policies/evaluate",
                            {{"person_id", id}, {"date", "2026-02-01"}});
  EXPECT_EQ(item_of(before.json(), "return_transport_subsidy")["verdict"], "unknown");

  EXPECT_EQ(policy_post("jl_clerk", "/api/v1/policies/evaluate", {{"person_id", id}}).status, 404);
  auto bad_date = policy_post("ga_clerk", "/api/v1/policies/evaluate",
                              {{"person_id", id}, {"date", "2026-02-30"}});
  EXPECT_EQ(bad_date.status, 400);
  EXPECT_EQ(bad_date.json()["error"]["field"], "date");
}

TEST(PolicyApi, AWhatIfSituationIsEvaluatedWithoutARecord) {
  nlohmann::json situation = {{"venture",
                               {{"region", "421202100001"},
                                {"registered_on", "2025-01-15"},
                                {"first_registration", true},
                                {"employees", 2},
                                {"status", "operating"}}},
                              {"founder", {{"returnee", true}}}};
  auto r = policy_post("ga_clerk", "/api/v1/policies/evaluate",
                       {{"subject", "venture"}, {"situation", situation}, {"date", "2025-07-15"}});
  ASSERT_EQ(r.status, 200) << r.body;
  auto subsidy = item_of(r.json(), "start_up_subsidy");
  EXPECT_EQ(subsidy["verdict"], "eligible");
  EXPECT_EQ(subsidy["amount_fen"], 500000);
  EXPECT_EQ(r.json()["subject"]["hypothetical"], true);

  situation["venture"]["employees"] = "两人";
  auto bad = policy_post("ga_clerk", "/api/v1/policies/evaluate",
                         {{"subject", "venture"}, {"situation", situation}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.json()["error"]["field"], "situation");
  EXPECT_EQ(bad.json()["error"]["message"], "字段“venture.employees”应为数值");
  EXPECT_EQ(policy_post("ga_clerk", "/api/v1/policies/evaluate", nlohmann::json::object()).status,
            400);
}

TEST(PolicyApi, EditingKeepsVersionsAndEvaluationsUseTheNewOneAtOnce) {
  auto created = policy_post("ga_clerk", "/api/v1/policies",
                             {{"definition", county_policy("ga_model_award", 3000)}});
  ASSERT_EQ(created.status, 201) << created.body;
  int64_t id = created.json()["id"];
  EXPECT_EQ(created.json()["version"], 1);
  EXPECT_EQ(created.json()["editable"], true);
  std::string path = "/api/v1/policies/" + std::to_string(id);
  nlohmann::json situation = {
      {"person", {{"region", "421022101001"}, {"status", "started_business"}}}};
  auto evaluate = [&] {
    auto r = policy_post("ga_clerk", "/api/v1/policies/evaluate",
                         {{"subject", "person"},
                          {"situation", situation},
                          {"date", "2026-05-01"},
                          {"policy_ids", {id}}});
    EXPECT_EQ(r.json()["items"].size(), 1u) << r.body;
    return r.json()["items"][0];
  };
  EXPECT_EQ(evaluate()["amount_fen"], 300000);

  auto no_note =
      policy_put("ga_clerk", path, {{"definition", county_policy("ga_model_award", 5000)}});
  EXPECT_EQ(no_note.status, 400);
  EXPECT_EQ(no_note.json()["error"]["field"], "note");
  auto changed = policy_put("ga_clerk", path,
                            {{"definition", county_policy("ga_model_award", 5000)},
                             {"note", "2026年起奖励提高到5000元"}});
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(changed.json()["version"], 2);
  EXPECT_EQ(changed.json()["versions"].size(), 2u);
  EXPECT_EQ(changed.json()["versions"][0]["note"], "2026年起奖励提高到5000元");
  EXPECT_EQ(evaluate()["amount_fen"], 500000);
  EXPECT_EQ(evaluate()["policy"]["version"], 2);
  auto old = policy_get("ga_clerk", path + "/versions/1");
  ASSERT_EQ(old.status, 200);
  EXPECT_EQ(old.json()["definition"]["parameters"]["amount_yuan"]["values"][0]["value"], 3000);
  EXPECT_EQ(policy_get("ga_clerk", path + "/versions/3").status, 404);

  auto same =
      policy_put("ga_clerk", path,
                 {{"definition", county_policy("ga_model_award", 5000)}, {"note", "再存一次"}});
  EXPECT_EQ(same.status, 400);
  EXPECT_EQ(same.json()["error"]["code"], "unchanged");
  auto recoded = policy_put("ga_clerk", path,
                            {{"definition", county_policy("ga_other", 5000)}, {"note", "改代码"}});
  EXPECT_EQ(recoded.json()["error"]["field"], "definition.code");

  auto audit = policy_get("ga_aud", "/api/v1/audit?entity=policy&entity_id=" + std::to_string(id));
  ASSERT_EQ(audit.status, 200) << audit.body;
  ASSERT_EQ(audit.json()["items"].size(), 2u) << audit.body;
  EXPECT_EQ(audit.json()["items"][0]["action"], "update");
}

TEST(PolicyApi, DefinitionsAreCheckedAndOnlyTheIssuingRegionsStaffEditThem) {
  auto bad_rule = county_policy("ga_bad_rule", 1000);
  bad_rule["conditions"][0]["rule"] = "person.status == ";
  auto r = policy_post("ga_clerk", "/api/v1/policies", {{"definition", bad_rule}});
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.json()["error"]["field"], "definition.conditions[0].rule");
  EXPECT_NE(r.json()["error"]["message"].get<std::string>().find("表达式不完整"),
            std::string::npos);

  auto city = county_policy("ga_city_wide", 1000);
  city["region"] = "4210";
  auto out = policy_post("ga_clerk", "/api/v1/policies", {{"definition", city}});
  EXPECT_EQ(out.status, 400);
  EXPECT_EQ(out.json()["error"]["code"], "out_of_scope");

  EXPECT_EQ(policy_post("ga_clerk", "/api/v1/policies",
                        {{"definition", county_policy("start_up_subsidy", 1)}})
                .status,
            409);
  auto jl = county_policy("jl_award", 1000);
  jl["region"] = "421088";
  auto created = policy_post("jl_clerk", "/api/v1/policies", {{"definition", jl}});
  ASSERT_EQ(created.status, 201) << created.body;
  auto path = "/api/v1/policies/" + std::to_string(created.json()["id"].get<int64_t>());
  EXPECT_EQ(policy_get("ga_clerk", path).json()["editable"], false);
  auto other = policy_put("ga_clerk", path, {{"definition", jl}, {"note", "越权修改"}});
  EXPECT_EQ(other.status, 400);
  EXPECT_EQ(other.json()["error"]["code"], "out_of_scope");
  EXPECT_EQ(policy_post("ga_aud", "/api/v1/policies/evaluate", {{"person_id", 1}}).status, 403);
}

TEST(PolicyApi, TheLprIsADatedSharedParameterProvinceStaffExtend) {
  auto shared = policy_get("ga_clerk", "/api/v1/policies/parameters");
  ASSERT_EQ(shared.status, 200) << shared.body;
  EXPECT_EQ(shared.json()["editable"], false);
  auto parameters = shared.json()["parameters"];
  ASSERT_TRUE(parameters.contains("lpr_1y"));
  EXPECT_EQ(policy_put("ga_clerk", "/api/v1/policies/parameters",
                       {{"parameters", parameters}, {"note", "县里改不了"}})
                .status,
            403);

  policy_env().server().add_user("prov_clerk", "clerk", "420000", "湖北省人社厅", kPassword);
  // A value in force cannot be rewritten…
  auto rewritten = parameters;
  rewritten["lpr_1y"]["values"].back()["value"] = 2.9;
  auto refused = policy_put("prov_clerk", "/api/v1/policies/parameters",
                            {{"parameters", rewritten}, {"note", "改错了"}});
  EXPECT_EQ(refused.status, 400);
  EXPECT_EQ(refused.json()["error"]["field"], "parameters.lpr_1y") << refused.body;
  // …a new dated value is added instead.
  auto extended = parameters;
  extended["lpr_1y"]["values"].push_back(
      {{"from", "2026-06-20"}, {"value", 2.8}, {"source", "测试：假设的报价"}});
  auto saved = policy_put("prov_clerk", "/api/v1/policies/parameters",
                          {{"parameters", extended}, {"note", "2026年6月报价"}});
  ASSERT_EQ(saved.status, 200) << saved.body;
  EXPECT_GE(saved.json()["version"].get<int>(), 2);
  EXPECT_EQ(saved.json()["versions"][0]["note"], "2026年6月报价");

  // The loan policy reads the rate of the contract date: 2.8 + 1.5 after 6-20, 3.0 + 1.5 before.
  auto verdict = [](const std::string& contract_on, double rate) {
    nlohmann::json situation = {{"loan",
                                 {{"region", "421022100001"},
                                  {"borrower_kind", "individual"},
                                  {"amount_wan", 10},
                                  {"rate_percent", rate},
                                  {"contract_on", contract_on}}},
                                {"borrower", {{"returnee", true}, {"previous_loans", 0}}}};
    auto r = policy_post("ga_clerk", "/api/v1/policies/evaluate",
                         {{"subject", "loan"}, {"situation", situation}, {"date", "2026-07-01"}});
    return r.json()["items"][0]["verdict"].get<std::string>();
  };
  EXPECT_EQ(verdict("2026-07-01", 4.3), "eligible");
  EXPECT_EQ(verdict("2026-07-01", 4.4), "not_eligible");
  EXPECT_EQ(verdict("2026-06-19", 4.5), "eligible");
  policy_env().server().add_user("prov_aud", "auditor", "420000", "湖北省人社厅", kPassword);
  auto audit = policy_get("prov_aud", "/api/v1/audit?entity=policy_parameter_set");
  ASSERT_GE(audit.json()["items"].size(), 1u) << audit.body;
  EXPECT_EQ(audit.json()["items"][0]["after"]["lpr_1y"]["values"].back()["value"], 2.8);
}
