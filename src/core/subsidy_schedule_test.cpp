#include "core/subsidy_schedule.h"

#include <gtest/gtest.h>

#include "core/test_cases.h"

namespace guiyan::core {
namespace {

TEST(SubsidySchedule, MonthsFromTheCaseFile) {
  int cases = for_each_case(
      std::string(GUIYAN_CORE_TESTDATA_DIR) + "/subsidy_schedules.tsv", 12,
      [](const std::vector<std::string>& c, int line) {
        SubsidyTerms t;
        t.principal_yuan = std::stoll(c[0]);
        t.rate_bp = std::stoi(c[1]);
        t.cap_bp = std::stoi(c[2]);
        t.share_bp = std::stoi(c[3]);
        auto on = Date::parse_iso(c[4]);
        ASSERT_TRUE(on) << "line " << line;
        t.contract_on = *on;
        t.term_months = std::stoi(c[5]);
        auto months = subsidy_schedule(t);
        ASSERT_EQ(static_cast<int>(months.size()), t.term_months) << "line " << line;
        size_t n = static_cast<size_t>(std::stoi(c[6]));
        ASSERT_TRUE(n >= 1 && n <= months.size()) << "line " << line;
        const auto& m = months[n - 1];
        EXPECT_EQ(m.month, static_cast<int>(n)) << "line " << line;
        EXPECT_EQ(m.from.to_iso(), c[7]) << "line " << line << ": " << c[11];
        EXPECT_EQ(m.to.to_iso(), c[8]) << "line " << line << ": " << c[11];
        EXPECT_EQ(m.interest_fen, std::stoll(c[9])) << "line " << line << ": " << c[11];
        EXPECT_EQ(m.subsidy_fen, std::stoll(c[10])) << "line " << line << ": " << c[11];
      });
  EXPECT_GE(cases, 10);
}

TEST(SubsidySchedule, NoMonthsWithoutAPrincipalOrATerm) {
  SubsidyTerms t{0, 450, 450, 5000, {2025, 6, 1}, 12};
  EXPECT_TRUE(subsidy_schedule(t).empty());
  t.principal_yuan = 1000;
  t.term_months = 0;
  EXPECT_TRUE(subsidy_schedule(t).empty());
}

TEST(SubsidySchedule, AddMonthsKeepsTheDayOrTakesTheMonthsLast) {
  EXPECT_EQ(add_months({2025, 12, 15}, 1).to_iso(), "2026-01-15");
  EXPECT_EQ(add_months({2025, 3, 31}, -1).to_iso(), "2025-02-28");
  EXPECT_EQ(add_months({2025, 8, 31}, 1).to_iso(), "2025-09-30");
  EXPECT_EQ(add_months({2025, 1, 10}, 36).to_iso(), "2028-01-10");
}

}  // namespace
}  // namespace guiyan::core
