// Runs the policy test files of data/policies/tests/ (a situation in, verdict and amount out)
// against the shipped policies, and checks every shipped policy has at least three cases.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "rules/policy.h"
#include "rules/policy_reader.h"
#include "rules/shipped_policies.h"
#include "rules/situation_json.h"

namespace guiyan::rules {
namespace {

std::map<std::string, Policy> shipped() {
  std::map<std::string, Policy> out;
  auto shared = shipped_parameters();
  for (const auto& def : shipped_policy_definitions()) {
    auto p = read_policy(def, shared);
    std::string code = p.code;
    out.emplace(code, std::move(p));
  }
  return out;
}

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

std::set<std::string> labels(const Evaluation& e, Verdict result) {
  std::set<std::string> out;
  for (const auto& c : e.conditions) {
    if (c.result == result) out.insert(c.label);
  }
  return out;
}

std::set<std::string> strings(const nlohmann::json& c, const char* key) {
  std::set<std::string> out;
  if (c.contains(key)) {
    for (const auto& s : c[key]) out.insert(s.get<std::string>());
  }
  return out;
}

TEST(PolicyCases, EveryShippedPolicyMeetsItsCases) {
  auto policies = shipped();
  ASSERT_GE(policies.size(), 8u);
  std::map<std::string, int> counts;
  for (const auto& entry : std::filesystem::directory_iterator(GUIYAN_POLICY_TESTS_DIR)) {
    if (entry.path().extension() != ".toml") continue;
    auto file = toml_to_json(read_text(entry.path()));
    std::string code = file.value("policy", "");
    auto it = policies.find(code);
    ASSERT_NE(it, policies.end()) << entry.path() << " names no shipped policy: " << code;
    for (const auto& c : file["case"]) {
      std::string where = entry.path().filename().string() + ": " + c.value("name", "?");
      auto today = core::Date::parse_iso(c.value("date", ""));
      ASSERT_TRUE(today) << where << ": date";
      auto e = evaluate(it->second, situation_from_json(c), *today);
      std::string trace;
      for (const auto& r : e.conditions) trace += "\n  " + r.sentence;
      trace += "\n  " + e.amount_sentence;
      EXPECT_EQ(verdict_key(e.verdict), c.value("expect", "")) << where << trace;
      if (c.contains("amount_yuan")) {
        ASSERT_TRUE(e.amount_fen) << where << trace;
        EXPECT_EQ(*e.amount_fen, std::llround(c["amount_yuan"].get<double>() * 100))
            << where << trace;
      }
      if (c.value("amount", "") == "unknown") {
        EXPECT_FALSE(e.amount_fen) << where << trace;
      }
      for (auto [key, result] : {std::pair{"not_met", Verdict::not_eligible},
                                 std::pair{"undecided", Verdict::unknown}}) {
        if (c.contains(key)) {
          EXPECT_EQ(labels(e, result), strings(c, key)) << where << trace;
        }
      }
      ++counts[code];
    }
  }
  for (const auto& [code, policy] : policies) {
    EXPECT_GE(counts[code], 3) << code << " needs at least three cases in data/policies/tests";
  }
}

TEST(PolicyCases, TraceSentencesNameTheValuesSeen) {
  auto policies = shipped();
  auto s = situation_from_json(nlohmann::json::parse(R"({
    "venture": {"region": "421202100001", "registered_on": "2025-01-15",
                "first_registration": true, "employees": 2, "status": "operating"},
    "founder": {"returnee": true}})"));
  auto e = evaluate(policies.at("start_up_subsidy"), s, {2025, 7, 15});
  ASSERT_EQ(e.verdict, Verdict::eligible);
  std::string all;
  for (const auto& c : e.conditions) all += c.sentence + "\n";
  EXPECT_NE(all.find("经营6个月及以上：满足（注册登记日期 2025-01-15；评估日期 2025-07-15；"
                     "相隔整月数 6；最短经营月数 6）"),
            std::string::npos)
      << all;
  EXPECT_NE(all.find("带动就业2人及以上（含创业者本人）：满足（带动就业人数（含创业者本人） 2"),
            std::string::npos)
      << all;
  EXPECT_NE(e.amount_sentence.find("金额：5000元（一次性创业补贴标准 5000）"), std::string::npos)
      << e.amount_sentence;
  EXPECT_EQ(e.summary, "符合：一次性创业补贴 5000元");
  EXPECT_EQ(e.amount_saw.at(0).note,
            "地区 421202，2025-07-01 起，单位 元，依据 咸安区返乡创业实施方案");
}

}  // namespace
}  // namespace guiyan::rules
