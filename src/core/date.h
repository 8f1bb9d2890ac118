// A civil (proleptic Gregorian) calendar date without time or time zone.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace guiyan::core {

// True when `year` is a Gregorian leap year.
bool is_leap_year(int year);
// Days in `month` (1-12) of `year`; 0 when month is out of range.
int days_in_month(int year, int month);

struct Date {
  int year = 0;
  int month = 0;
  int day = 0;

  // Parses exactly eight ASCII digits "YYYYMMDD"; nullopt when malformed or not a real date.
  static std::optional<Date> parse(std::string_view yyyymmdd);
  // Parses exactly "YYYY-MM-DD"; nullopt when malformed or not a real date.
  static std::optional<Date> parse_iso(std::string_view iso);
  // The date `days` after day 0 (1970-01-01) of day_number(); days may be negative.
  static Date from_day_number(long days);
  // Days from 1970-01-01 to this date (negative before it); meaningful only when is_valid().
  long day_number() const;
  // This date moved by `days` (negative moves back).
  Date plus_days(long days) const { return from_day_number(day_number() + days); }
  // Monday = 1 … Sunday = 7.
  int weekday() const;
  // True when year is 1-9999 and month and day name a real calendar day.
  bool is_valid() const;
  // "YYYY-MM-DD", zero-padded; meaningful only when is_valid().
  std::string to_iso() const;
  // Completed years from this date (a birth date) to `on`; negative when `on` is earlier.
  // A 29 February birthday is reached on 1 March in common years.
  int age_on(Date on) const;

  // Chronological comparison (year, then month, then day).
  friend auto operator<=>(const Date&, const Date&) = default;
  // Same year, month and day.
  friend bool operator==(const Date&, const Date&) = default;
};

// A date as people write it in sheets and forms: 1990-03-07, 1990-3-7, 1990/3/7, 1990.3.7,
// 1990年3月7日 (日 optional), 19900307; a time of day after a space or "T" is ignored. nullopt when
// it is none of these or not a real date.
std::optional<Date> parse_written_date(std::string_view text);

// A year and month as people write them where no day is asked (出生年月): 1985.03, 1985.3, 1985-03,
// 1985/3, 1985年3月 (月 optional; 3月份, 3月初, 3月下旬 …), 2023年底 (December), 198503. The day of
// the result is 1. nullopt when it is none of these (a full date included: parse_written_date
// reads those) or the month is not 1-12. With `recent_year`, a two-digit year written with 年
// (24年2月, 23年底) is the latest year ending in those digits that is not after it (2024 for 24
// in 2026; 1985 for 85), as ledgers of recent dates write them; without it, none.
std::optional<Date> parse_written_month(std::string_view text, int recent_year = 0);

// Days from one "YYYY-MM-DD" date to another (negative when `to` is earlier); nullopt when either
// is not a real date in that form.
std::optional<int> days_between(std::string_view from, std::string_view to);

// Completed calendar months from `from` to `to` (negative when `to` is earlier): 2025-01-15 to
// 2025-07-15 is 6, to 2025-07-14 is 5; a month end counts as reached on the last day of a
// shorter month (2025-01-31 to 2025-02-28 is 1).
int months_between(Date from, Date to);

}  // namespace guiyan::core
