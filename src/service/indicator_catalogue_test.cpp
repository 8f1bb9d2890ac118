// The indicator definitions: the shipped file reads, a bad definition is refused with the indicator
// and the reason named, and the periods an indicator counts (cases in
// testdata/indicator_periods.tsv).
#include "service/indicator_catalogue.h"

#include <gtest/gtest.h>

#include "core/test_cases.h"
#include "service/indicator_tally.h"

namespace guiyan::service {
namespace {

std::string error_of(const std::string& toml) {
  try {
    read_indicators(toml);
  } catch (const IndicatorError& e) {
    return e.what();
  }
  return "";
}

TEST(IndicatorCatalogue, TheShippedDefinitionsReadAndEveryRatioHasItsParts) {
  const auto& all = indicator_catalogue();
  ASSERT_GE(all.size(), 15u);
  for (const auto& ind : all) {
    if (ind.is_ratio()) {
      ASSERT_NE(find_indicator(ind.numerator), nullptr) << ind.code;
      ASSERT_NE(find_indicator(ind.denominator), nullptr) << ind.code;
    } else if (!ind.entered_only()) {
      EXPECT_NE(ind.records, nullptr) << ind.code;
      EXPECT_FALSE(ind.measure.empty()) << ind.code;
    }
  }
  const auto* ratio = find_indicator("new_venture_ratio");
  ASSERT_NE(ratio, nullptr);
  EXPECT_EQ(default_target(*ratio, 3), 0.02);
  const auto* county_events = find_indicator("events_county");
  ASSERT_NE(county_events, nullptr);
  EXPECT_EQ(default_target(*county_events, 3), 6);
  EXPECT_FALSE(default_target(*county_events, 2).has_value());  // not a city's target
}

TEST(IndicatorCatalogue, ABadDefinitionIsRefusedNamingTheIndicator) {
  const std::string head = "[[indicator]]\ncode = \"x\"\nname = \"某指标\"\nunit = \"个\"\n";
  {
    struct Case {
      std::string body, expected;
    };
    std::vector<Case> cases = {
        {"records = \"nothing\"\nperiod = \"year\"\nmeasure = \"count\"\n", "unknown record set"},
        {"records = \"ventures\"\nperiod = \"decade\"\nmeasure = \"count\"\n", "unknown period"},
        {"records = \"ventures\"\nperiod = \"year\"\ndate = \"born_on\"\nmeasure = \"count\"\n",
         "unknown date"},
        {"records = \"ventures\"\nperiod = \"year\"\ndate = \"registered_on\"\nmeasure = \"avg\"\n",
         "unknown measure"},
        {"records = \"ventures\"\nperiod = \"year\"\ndate = \"registered_on\"\nmeasure = "
         "\"sum:height\"\n",
         "no field to sum"},
        {"records = \"ventures\"\nperiod = \"year\"\ndate = \"registered_on\"\nmeasure = "
         "\"count\"\nfilters = { colour = \"red\" }\n",
         "no field colour"},
        {"records = \"migrant_workers\"\nperiod = \"year\"\nmeasure = \"count\"\n",
         "previous_year_end"},
        {"records = \"none\"\n", "must be official"},
        {"numerator = \"x\"\n", "needs a denominator"},
        {"numerator = \"a\"\ndenominator = \"b\"\n", "numerator and denominator"},
        {"records = \"ventures\"\nperiod = \"year\"\ndate = \"registered_on\"\nmeasure = "
         "\"count\"\ntarget = \"lots\"\n",
         "target must be"},
    };
    for (const auto& c : cases) {
      std::string e = error_of(head + c.body);
      EXPECT_NE(e.find("x: "), std::string::npos) << c.body << " → " << e;
      EXPECT_NE(e.find(c.expected), std::string::npos) << c.body << " → " << e;
    }
  }
  EXPECT_NE(error_of("[[indicator]]\nname = \"无代码\"\n").find("required"), std::string::npos);
  std::string twice = head + "records = \"none\"\nofficial = true\n";
  EXPECT_NE(error_of(twice + twice).find("defined twice"), std::string::npos);
  EXPECT_NE(error_of("not toml [").find("data/indicators.toml"), std::string::npos);
}

TEST(IndicatorCatalogue, PeriodsFromTheCaseFile) {
  int n = core::for_each_case(std::string(GUIYAN_SERVICE_TESTDATA_DIR) + "/indicator_periods.tsv",
                              5, [](const std::vector<std::string>& c, int line) {
                                const auto* ind = find_indicator(c[0]);
                                ASSERT_NE(ind, nullptr) << "line " << line;
                                auto [first, last] = indicator_period(*ind, std::stoi(c[1]), c[2]);
                                EXPECT_EQ(first, c[3]) << "line " << line;
                                EXPECT_EQ(last, c[4]) << "line " << line;
                              });
  EXPECT_GE(n, 10);
}

}  // namespace
}  // namespace guiyan::service
