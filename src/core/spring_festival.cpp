#include "core/spring_festival.h"

#include <string>

namespace guiyan::core {
namespace {

// 正月初一 of 2000-2035 (month * 100 + day), from the published calendar.
constexpr int kFirstYear = 2000;
constexpr int kDays[] = {
    205, 124, 212, 201, 122, 209, 129, 218, 207, 126,  // 2000-2009
    214, 203, 123, 210, 131, 219, 208, 128, 216, 205,  // 2010-2019
    125, 212, 201, 122, 210, 129, 217, 206, 126, 213,  // 2020-2029
    203, 123, 211, 131, 219, 208,                      // 2030-2035
};

// `text` without `suffix` at its end, or nullopt.
std::optional<std::string_view> cut_suffix(std::string_view text, std::string_view suffix) {
  if (!text.ends_with(suffix)) return std::nullopt;
  return text.substr(0, text.size() - suffix.size());
}

}  // namespace

std::optional<Date> spring_festival(int year) {
  int i = year - kFirstYear;
  if (i < 0 || i >= static_cast<int>(std::size(kDays))) return std::nullopt;
  return Date{year, kDays[i] / 100, kDays[i] % 100};
}

std::optional<Date> parse_festival_time(std::string_view text, Date today) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  // What follows the festival's name: before, after, during, about it, or nothing.
  for (std::string_view when : {"前后", "期间", "左右", "前", "后"}) {
    if (auto cut = cut_suffix(text, when)) {
      text = *cut;
      break;
    }
  }
  std::optional<std::string_view> year_part;
  for (std::string_view name : {"春节", "过年", "过春节"}) {
    if (auto cut = cut_suffix(text, name)) {
      year_part = *cut;
      break;
    }
  }
  if (!year_part) return std::nullopt;
  if (year_part->empty()) {
    for (int year = today.year; year >= today.year - 1; --year) {
      auto day = spring_festival(year);
      if (day && *day <= today) return day;
    }
    return std::nullopt;
  }
  // 2025年, 2025, 24年: the month reader's rule for the year (with a month to read it by).
  std::string with_month(*year_part);
  if (!with_month.ends_with("年")) with_month += "年";
  auto month = parse_written_month(with_month + "1月", today.year);
  return month ? spring_festival(month->year) : std::nullopt;
}

}  // namespace guiyan::core
