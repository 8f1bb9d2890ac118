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

// Days from one "YYYY-MM-DD" date to another (negative when `to` is earlier); nullopt when either
// is not a real date in that form.
std::optional<int> days_between(std::string_view from, std::string_view to);

}  // namespace guiyan::core
