// Tests for spring_festival and parse_festival_time.
#include "core/spring_festival.h"

#include <gtest/gtest.h>
#include <unicode/calendar.h>
#include <unicode/locid.h>
#include <unicode/timezone.h>

#include <memory>
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

// The table against ICU's Chinese calendar (its own computation, in China time): the same
// 正月初一 every year but two whose new moon falls close to Beijing's midnight, 2027 and 2030,
// where ICU gives the day after (2027-02-07) and the day before (2030-02-02); the table keeps
// the dates of the published calendars (2027-02-06, 2030-02-03).
TEST(SpringFestival, TheTableAgreesWithIcusChineseCalendar) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Calendar> chinese(
      icu::Calendar::createInstance(icu::TimeZone::createTimeZone("Asia/Shanghai"),
                                    icu::Locale("zh_CN@calendar=chinese"), status));
  std::unique_ptr<icu::Calendar> civil(icu::Calendar::createInstance(
      icu::TimeZone::createTimeZone("Asia/Shanghai"), icu::Locale("en_US"), status));
  ASSERT_TRUE(U_SUCCESS(status)) << u_errorName(status);
  auto first_of_year = [&](const Date& d) {
    civil->clear();
    civil->set(d.year, d.month - 1, d.day, 12, 0, 0);
    chinese->setTime(civil->getTime(status), status);
    return chinese->get(UCAL_MONTH, status) == 0 && chinese->get(UCAL_DATE, status) == 1 &&
           chinese->get(UCAL_IS_LEAP_MONTH, status) == 0;
  };
  for (int year = 2000; year <= 2035; ++year) {
    Date day = *spring_festival(year);
    bool borderline = year == 2027 || year == 2030;
    Date icu_day = year == 2027 ? day.plus_days(1) : year == 2030 ? day.plus_days(-1) : day;
    EXPECT_TRUE(first_of_year(icu_day)) << year << (borderline ? " (ICU's day)" : "");
    EXPECT_FALSE(first_of_year(icu_day.plus_days(-1))) << year;
  }
  EXPECT_TRUE(U_SUCCESS(status)) << u_errorName(status);
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
