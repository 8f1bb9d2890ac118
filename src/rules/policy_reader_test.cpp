#include "rules/policy_reader.h"

#include <gtest/gtest.h>

namespace guiyan::rules {
namespace {

nlohmann::json minimal() {
  return nlohmann::json::parse(R"({
    "code": "demo_subsidy", "name": "示例补贴", "kind": "创业补贴", "region": "4210",
    "subject": "venture",
    "conditions": [{"label": "正常经营", "rule": "venture.status == \"operating\""}],
    "amount": "@amount_yuan",
    "parameters": {"amount_yuan": {"label": "标准", "unit": "元",
                                   "values": [{"from": "2025-01-01", "value": 1000}]}}})");
}

// The field and a part of the message of the error reading `d` gives.
std::pair<std::string, std::string> error_of(const nlohmann::json& d) {
  try {
    read_policy(d, nullptr);
  } catch (const PolicyError& e) {
    return {e.field(), e.what()};
  }
  return {"", "no error"};
}

TEST(PolicyReader, ReadsAMinimalPolicyWithDefaults) {
  auto p = read_policy(minimal(), nullptr);
  EXPECT_EQ(p.award, "application");
  EXPECT_EQ(p.period, "none");
  ASSERT_EQ(p.conditions.size(), 1u);
  ASSERT_TRUE(p.amount);
  Situation s;
  s.set("venture.region", Value::of(std::string("421022")));
  s.set("venture.status", Value::of(std::string("operating")));
  auto e = evaluate(p, s, {2025, 3, 1});
  EXPECT_EQ(e.verdict, Verdict::eligible);
  EXPECT_EQ(e.amount_fen, 100000);
  // A copy keeps working after the original is gone (its rules point into shared parameters).
  std::optional<Policy> copy;
  {
    auto original = read_policy(minimal(), nullptr);
    copy = original;
  }
  EXPECT_EQ(evaluate(*copy, s, {2025, 3, 1}).amount_fen, 100000);
}

TEST(PolicyReader, NamesTheFieldOfEachMistake) {
  auto d = minimal();
  d["colour"] = "red";
  EXPECT_EQ(error_of(d).first, "colour");

  d = minimal();
  d["kind"] = "奖金";
  EXPECT_EQ(error_of(d).first, "kind");
  EXPECT_EQ(error_of(d).second, "“奖金”不是政策类别");

  d = minimal();
  d["conditions"][0]["rule"] = "venture.employees >= ";
  auto [field, message] = error_of(d);
  EXPECT_EQ(field, "conditions[0].rule");
  EXPECT_NE(message.find("表达式不完整"), std::string::npos) << message;

  d = minimal();
  d["conditions"][0]["rule"] = "venture.employees";
  EXPECT_EQ(error_of(d).second, "条件的结果应为是否");

  d = minimal();
  d["conditions"][0]["rule"] = "person.returnee";
  EXPECT_NE(error_of(d).second.find("不属于本政策的申请对象"), std::string::npos);

  d = minimal();
  d["amount"] = "venture.in_park";
  EXPECT_EQ(error_of(d).second, "金额规则的结果应为数值（元）");

  d = minimal();
  d["region"] = "3301";
  EXPECT_EQ(error_of(d).first, "region");

  d = minimal();
  d["valid_from"] = "2026-01-01";
  d["valid_to"] = "2025-12-31";
  EXPECT_EQ(error_of(d).first, "valid_to");

  d = minimal();
  d["parameters"]["amount_yuan"]["values"][0]["from"] = "2025-13-01";
  EXPECT_EQ(error_of(d).first, "parameters.amount_yuan.values[0].from");

  d = minimal();
  d["conditions"] = nlohmann::json::array();
  EXPECT_EQ(error_of(d).first, "conditions");
}

TEST(PolicyReader, TomlErrorsNameTheLine) {
  try {
    toml_to_json("code = \"a\"\nname = \n");
    ADD_FAILURE() << "parsed";
  } catch (const PolicyError& e) {
    EXPECT_EQ(std::string(e.what()).rfind("第2行：", 0), 0u) << e.what();
  }
}

}  // namespace
}  // namespace guiyan::rules
