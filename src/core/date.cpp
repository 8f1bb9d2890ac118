#include "core/date.h"

namespace guiyan::core {

bool is_leap_year(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  if (month == 2 && is_leap_year(year)) return 29;
  return kDays[month - 1];
}

std::optional<Date> Date::parse(std::string_view yyyymmdd) {
  if (yyyymmdd.size() != 8) return std::nullopt;
  int fields[3] = {0, 0, 0};
  for (std::size_t i = 0; i < 8; ++i) {
    char c = yyyymmdd[i];
    if (c < '0' || c > '9') return std::nullopt;
    int& field = fields[i < 4 ? 0 : (i < 6 ? 1 : 2)];
    field = field * 10 + (c - '0');
  }
  Date date{fields[0], fields[1], fields[2]};
  if (!date.is_valid()) return std::nullopt;
  return date;
}

bool Date::is_valid() const {
  return year >= 1 && year <= 9999 && day >= 1 && day <= days_in_month(year, month);
}

std::string Date::to_iso() const {
  auto pad = [](int value, std::size_t width) {
    std::string text = std::to_string(value);
    if (text.size() < width) text.insert(0, width - text.size(), '0');
    return text;
  };
  return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2);
}

int Date::age_on(Date on) const {
  bool before_birthday = on.month < month || (on.month == month && on.day < day);
  return on.year - year - (before_birthday ? 1 : 0);
}

namespace {

// The date of "YYYY-MM-DD" as a day count (days from civil, after H. Hinnant), or nullopt.
std::optional<long> day_number(std::string_view iso) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
  std::string compact;
  compact.append(iso.substr(0, 4)).append(iso.substr(5, 2)).append(iso.substr(8, 2));
  auto d = Date::parse(compact);
  if (!d) return std::nullopt;
  long y = d->year - (d->month <= 2 ? 1 : 0);
  long era = y / 400;
  long yoe = y - era * 400;
  long doy = (153 * (d->month + (d->month > 2 ? -3 : 9)) + 2) / 5 + d->day - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe;
}

}  // namespace

std::optional<int> days_between(std::string_view from, std::string_view to) {
  auto a = day_number(from), b = day_number(to);
  if (!a || !b) return std::nullopt;
  return static_cast<int>(*b - *a);
}

}  // namespace guiyan::core
