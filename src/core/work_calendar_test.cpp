#include "core/work_calendar.h"

#include <gtest/gtest.h>

#include "core/test_cases.h"
#include "store/embedded.h"

namespace guiyan::core {
namespace {

const WorkCalendar& official() {
  static const WorkCalendar cal = WorkCalendar::parse(*store::embedded_file("data/holidays.tsv"));
  return cal;
}

// Cases: start date, working days to add, the expected deadline, and why.
TEST(WorkCalendar, DeadlinesFromTheCaseFile) {
  int cases = for_each_case(
      std::string(GUIYAN_CORE_TESTDATA_DIR) + "/working_days.tsv", 4,
      [](const std::vector<std::string>& c, int line) {
        auto start = Date::parse_iso(c[0]);
        auto expected = Date::parse_iso(c[2]);
        ASSERT_TRUE(start && expected) << "line " << line;
        auto got = official().add_working_days(*start, std::stoi(c[1]));
        EXPECT_EQ(got.to_iso(), c[2]) << "line " << line << ": " << c[3];
        EXPECT_EQ(official().working_days_between(*start, got), std::stoi(c[1])) << "line " << line;
      });
  EXPECT_GE(cases, 8);
}

TEST(WorkCalendar, HolidaysAndAdjustedWorkingDays) {
  EXPECT_FALSE(official().is_working_day({2026, 2, 16}));  // 春节, a Monday
  EXPECT_TRUE(official().is_working_day({2026, 2, 14}));   // a Saturday worked
  EXPECT_FALSE(official().is_working_day({2026, 2, 21}));  // a Saturday in the holiday
  EXPECT_TRUE(official().is_working_day({2026, 3, 2}));
  EXPECT_FALSE(official().is_working_day({2026, 3, 1}));  // an ordinary Sunday
  EXPECT_TRUE(official().covers(2026));
  EXPECT_FALSE(official().covers(2030));
  EXPECT_FALSE(official().is_working_day({2030, 1, 5}));  // weekends still count
}

TEST(WorkCalendar, MalformedLinesAreNamed) {
  try {
    WorkCalendar::parse("# c\n2026-02-14\t班\t春节\n2026-02-16\t上班\t春节\n");
    ADD_FAILURE() << "parsed";
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(), "节假日文件第3行：第二列应为“休”或“班”");
  }
  EXPECT_THROW(WorkCalendar::parse("2026-02-16\t班\t春节\n"), std::invalid_argument);  // a Monday
}

}  // namespace
}  // namespace guiyan::core
