#include "core/date.h"

#include <gtest/gtest.h>

#include "core/test_cases.h"

#ifndef GUIYAN_CORE_TESTDATA_DIR
#define GUIYAN_CORE_TESTDATA_DIR "src/core/testdata"
#endif

namespace guiyan::core {
namespace {

TEST(Date, LeapYears) {
  EXPECT_TRUE(is_leap_year(2000));
  EXPECT_TRUE(is_leap_year(2024));
  EXPECT_FALSE(is_leap_year(1900));
  EXPECT_FALSE(is_leap_year(2023));
  EXPECT_EQ(days_in_month(2024, 2), 29);
  EXPECT_EQ(days_in_month(2023, 2), 28);
  EXPECT_EQ(days_in_month(2023, 4), 30);
  EXPECT_EQ(days_in_month(2023, 12), 31);
  EXPECT_EQ(days_in_month(2023, 0), 0);
  EXPECT_EQ(days_in_month(2023, 13), 0);
}

TEST(Date, ParsesCompactDates) {
  EXPECT_EQ(Date::parse("19491231"), (Date{1949, 12, 31}));
  EXPECT_EQ(Date::parse("20000229"), (Date{2000, 2, 29}));
  EXPECT_EQ(Date::parse("18000101"), (Date{1800, 1, 1}));
  EXPECT_EQ(Date::parse("00010101"), (Date{1, 1, 1}));
}

TEST(Date, RejectsMalformedOrUnrealDates) {
  for (const char* text :
       {"19000229", "20230229", "20230231", "20231301", "20230100", "20230001", "00000101",
        "2023011", "202301011", "2023-1-1", "2023010a", "", "２０２３０１０１"}) {
    EXPECT_EQ(Date::parse(text), std::nullopt) << text;
  }
}

TEST(Date, Validity) {
  EXPECT_TRUE((Date{2024, 2, 29}).is_valid());
  EXPECT_FALSE((Date{2023, 2, 29}).is_valid());
  EXPECT_FALSE((Date{0, 1, 1}).is_valid());
  EXPECT_FALSE((Date{10000, 1, 1}).is_valid());
  EXPECT_FALSE((Date{2023, 6, 31}).is_valid());
  EXPECT_FALSE((Date{}).is_valid());
}

TEST(Date, FormatsIso) {
  EXPECT_EQ((Date{1949, 12, 31}).to_iso(), "1949-12-31");
  EXPECT_EQ((Date{2026, 1, 5}).to_iso(), "2026-01-05");
  EXPECT_EQ((Date{987, 3, 4}).to_iso(), "0987-03-04");
}

TEST(Date, ComparesChronologically) {
  EXPECT_LT((Date{2026, 11, 22}), (Date{2026, 11, 23}));
  EXPECT_LT((Date{2026, 1, 31}), (Date{2026, 2, 1}));
  EXPECT_LT((Date{2025, 12, 31}), (Date{2026, 1, 1}));
  EXPECT_GT((Date{2026, 11, 23}), (Date{2026, 11, 22}));
  EXPECT_EQ((Date{2026, 11, 22}), (Date{2026, 11, 22}));
  EXPECT_NE((Date{2026, 11, 22}), (Date{2026, 11, 21}));
}

TEST(Date, AgeInCompletedYears) {
  Date birth{1990, 3, 7};
  EXPECT_EQ(birth.age_on({2026, 3, 6}), 35);
  EXPECT_EQ(birth.age_on({2026, 3, 7}), 36);
  EXPECT_EQ(birth.age_on({1990, 3, 7}), 0);
  EXPECT_EQ(birth.age_on({1990, 3, 6}), -1);
  EXPECT_LT(birth.age_on({1989, 12, 31}), 0);
  EXPECT_EQ((Date{1905, 11, 22}).age_on({2026, 11, 22}), 121);
  EXPECT_EQ((Date{1905, 11, 23}).age_on({2026, 11, 22}), 120);
}

TEST(Date, LeapDayBirthdays) {
  Date birth{2000, 2, 29};
  EXPECT_EQ(birth.age_on({2001, 2, 28}), 0);
  EXPECT_EQ(birth.age_on({2001, 3, 1}), 1);
  EXPECT_EQ(birth.age_on({2004, 2, 28}), 3);
  EXPECT_EQ(birth.age_on({2004, 2, 29}), 4);
}

TEST(Date, DaysBetweenIsoDates) {
  EXPECT_EQ(days_between("2025-12-31", "2026-01-01"), 1);
  EXPECT_EQ(days_between("2024-02-28", "2024-03-01"), 2);  // a leap year
  EXPECT_EQ(days_between("2025-02-28", "2025-03-01"), 1);
  EXPECT_EQ(days_between("2000-01-01", "2026-01-01"), 9497);
  EXPECT_EQ(days_between("2026-03-10", "2026-03-01"), -9);
  EXPECT_EQ(days_between("2026-03-01", "2026-03-01"), 0);
  EXPECT_FALSE(days_between("2026-02-30", "2026-03-01"));
  EXPECT_FALSE(days_between("20260301", "2026-03-01"));
  EXPECT_FALSE(days_between("", "2026-03-01"));
}

TEST(Date, DayNumbersRoundTripAndKnowTheWeekday) {
  EXPECT_EQ((Date{1970, 1, 1}).day_number(), 0);
  EXPECT_EQ((Date{2000, 3, 1}).day_number() - (Date{2000, 2, 28}).day_number(), 2);
  for (long n = -800000; n < 800000; n += 997) {
    EXPECT_EQ(Date::from_day_number(n).day_number(), n) << n;
  }
  EXPECT_EQ((Date{2026, 12, 2}).weekday(), 3);  // a Wednesday
  EXPECT_EQ((Date{2025, 1, 26}).weekday(), 7);  // a Sunday, worked before 春节 2025
  EXPECT_EQ((Date{2024, 12, 31}).plus_days(1), (Date{2025, 1, 1}));
  EXPECT_EQ((Date{2025, 3, 1}).plus_days(-1), (Date{2025, 2, 28}));
}

TEST(Date, ParsesIsoDates) {
  EXPECT_EQ(Date::parse_iso("2025-07-15"), (Date{2025, 7, 15}));
  EXPECT_FALSE(Date::parse_iso("2025-02-29"));
  EXPECT_FALSE(Date::parse_iso("20250715"));
  EXPECT_FALSE(Date::parse_iso("2025/07/15"));
}

TEST(Date, CompletedMonths) {
  EXPECT_EQ(months_between({2025, 1, 15}, {2025, 7, 15}), 6);
  EXPECT_EQ(months_between({2025, 1, 15}, {2025, 7, 14}), 5);
  EXPECT_EQ(months_between({2025, 1, 31}, {2025, 2, 28}), 1);
  EXPECT_EQ(months_between({2025, 1, 31}, {2025, 2, 27}), 0);
  EXPECT_EQ(months_between({2024, 8, 31}, {2025, 2, 28}), 6);
  EXPECT_EQ(months_between({2024, 12, 1}, {2025, 1, 1}), 1);
  EXPECT_EQ(months_between({2025, 7, 15}, {2025, 1, 15}), -6);
  EXPECT_EQ(months_between({2025, 3, 3}, {2025, 3, 3}), 0);
}

TEST(Date, ReadsDatesAsWrittenInEveryCaseOfTheDataFile) {
  int cases = for_each_case(std::string(GUIYAN_CORE_TESTDATA_DIR) + "/written_dates.tsv", 3,
                            [](const std::vector<std::string>& cols, int number) {
                              auto d = parse_written_date(cols[0]);
                              EXPECT_EQ(d ? d->to_iso() : "none", cols[1])
                                  << "line " << number << ": " << cols[2];
                            });
  EXPECT_GE(cases, 20);
}

TEST(Date, WrittenMonthsFromTheCaseFile) {
  int cases = for_each_case(std::string(GUIYAN_CORE_TESTDATA_DIR) + "/written_months.tsv", 3,
                            [](const std::vector<std::string>& cols, int number) {
                              auto d = parse_written_month(cols[0]);
                              EXPECT_EQ(d ? d->to_iso().substr(0, 7) : "none", cols[1])
                                  << "line " << number << ": " << cols[2];
                            });
  EXPECT_GE(cases, 20);
}

TEST(Date, TwoDigitYearsOfRecentMonthsFromTheCaseFile) {
  int cases = for_each_case(std::string(GUIYAN_CORE_TESTDATA_DIR) + "/written_months_recent.tsv", 4,
                            [](const std::vector<std::string>& cols, int number) {
                              auto d = parse_written_month(cols[1], std::stoi(cols[0]));
                              EXPECT_EQ(d ? d->to_iso().substr(0, 7) : "none", cols[2])
                                  << "line " << number << ": " << cols[3];
                            });
  EXPECT_GE(cases, 10);
}

}  // namespace
}  // namespace guiyan::core
