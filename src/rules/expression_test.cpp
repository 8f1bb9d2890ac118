#include "rules/expression.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "core/test_cases.h"
#include "rules/field_catalogue.h"
#include "rules/policy_reader.h"
#include "rules/situation_json.h"

namespace guiyan::rules {
namespace {

ParameterSet test_parameters() {
  std::ifstream in(std::string(GUIYAN_RULES_TESTDATA_DIR) + "/parameters.toml");
  std::stringstream buf;
  buf << in.rdbuf();
  return read_parameters(toml_to_json(buf.str()), "parameters");
}

TEST(Expression, CasesFromTheDataFile) {
  auto params = test_parameters();
  ParameterScope scope{&params, nullptr};
  int cases = core::for_each_case(
      std::string(GUIYAN_RULES_TESTDATA_DIR) + "/expressions.tsv", 5,
      [&](const std::vector<std::string>& c, int line) {
        std::string where = "expressions.tsv:" + std::to_string(line) + " " + c[3];
        const std::string& expected = c[4];
        if (expected.starts_with("error: ")) {
          try {
            Expression::compile(c[3], scope);
            ADD_FAILURE() << where << ": compiled, expected " << expected;
          } catch (const RuleError& e) {
            EXPECT_NE(std::string(e.what()).find(expected.substr(7)), std::string::npos)
                << where << ": " << e.what();
          }
          return;
        }
        auto situation = situation_from_json(nlohmann::json::parse(c[0]));
        auto today = core::Date::parse_iso(c[1]);
        ASSERT_TRUE(today) << where;
        auto e = Expression::compile(c[3], scope);
        EXPECT_EQ(display(e.evaluate({situation, *today, c[2]})), expected) << where;
      });
  EXPECT_GE(cases, 50);
}

TEST(Expression, TraceRecordsEachValueReadOnce) {
  auto params = test_parameters();
  auto e = Expression::compile(
      "venture.employees >= 2 and venture.employees < 10 and @amount > 0 and "
      "months_between(venture.registered_on, today) >= 6 and venture.type == \"cooperative\"",
      {&params, nullptr}, "venture");
  auto s = situation_from_json(nlohmann::json::parse(
      R"({"venture":{"employees":3,"registered_on":"2025-01-01","type":"cooperative"}})"));
  std::vector<TraceItem> trace;
  auto v = e.evaluate({s, {2025, 7, 15}, "421202", &trace});
  EXPECT_EQ(display(v), "是");
  ASSERT_EQ(trace.size(), 6u);
  EXPECT_EQ(trace[0].text, "venture.employees");
  EXPECT_EQ(trace[0].label, "带动就业人数（含创业者本人）");
  EXPECT_EQ(trace[0].value, "3");
  EXPECT_EQ(trace[1].text, "@amount");
  EXPECT_EQ(trace[1].value, "5000");
  EXPECT_EQ(trace[1].note, "地区 421202，2025-07-01 起，单位 元");
  EXPECT_EQ(trace[2].label, "注册登记日期");
  EXPECT_EQ(trace[3].label, "评估日期");
  EXPECT_EQ(trace[3].value, "2025-07-15");
  EXPECT_EQ(trace[4].label, "相隔整月数");
  EXPECT_EQ(trace[4].value, "6");
  EXPECT_EQ(trace[5].value, "农民专业合作社");  // a coded text shows its Chinese word
}

TEST(Expression, FieldsOfAnotherSubjectAreRejected) {
  ParameterSet none;
  EXPECT_NO_THROW(Expression::compile("founder.returnee", {&none, nullptr}, "venture"));
  try {
    Expression::compile("person.returnee", {&none, nullptr}, "venture");
    ADD_FAILURE() << "compiled";
  } catch (const RuleError& e) {
    EXPECT_NE(std::string(e.what()).find("不属于本政策的申请对象"), std::string::npos);
    EXPECT_EQ(e.position(), 1u);
  }
}

TEST(Expression, EveryCatalogueFieldHasALabelAndAKnownPrefix) {
  for (const auto& f : fields()) {
    EXPECT_FALSE(f.label.empty()) << f.name;
    bool owned = false;
    for (auto subject : {"person", "venture", "loan"}) owned |= field_belongs_to(f.name, subject);
    EXPECT_TRUE(owned) << f.name;
    EXPECT_EQ(field_slot(f.name), static_cast<size_t>(&f - fields().data()));
  }
}

}  // namespace
}  // namespace guiyan::rules
