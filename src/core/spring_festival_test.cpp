// Tests for spring_festival and parse_festival_time.
#include "core/spring_festival.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/test_cases.h"

namespace guiyan::core {
namespace {

TEST(SpringFestival, TheTableHoldsEachYearsFirstDay) {
  EXPECT_EQ(spring_festival(2000)->to_iso(), "2000-02-05");
  EXPECT_EQ(spring_festival(2024)->to_iso(), "2024-02-10");
  EXPECT_EQ(spring_festival(2026)->to_iso(), "2026-02-17");
  EXPECT_EQ(spring_festival(2035)->to_iso(), "2035-02-08");
  EXPECT_FALSE(spring_festival(1999));
  EXPECT_FALSE(spring_festival(2036));
  // Always between 21 January and 20 February.
  for (int year = 2000; year <= 2035; ++year) {
    auto day = spring_festival(year);
    ASSERT_TRUE(day && day->is_valid()) << year;
    int md = day->month * 100 + day->day;
    EXPECT_TRUE(md >= 121 && md <= 220) << year << " " << day->to_iso();
  }
}

TEST(SpringFestival, FestivalTimesFromTheCaseFile) {
  int cases = for_each_case(std::string(GUIYAN_CORE_TESTDATA_DIR) + "/festival_times.tsv", 4,
                            [](const std::vector<std::string>& cols, int number) {
                              auto today = Date::parse_iso(cols[0]);
                              ASSERT_TRUE(today) << "line " << number;
                              auto d = parse_festival_time(cols[1], *today);
                              EXPECT_EQ(d ? d->to_iso() : "none", cols[2])
                                  << "line " << number << ": " << cols[3];
                            });
  EXPECT_GE(cases, 12);
}

}  // namespace
}  // namespace guiyan::core
