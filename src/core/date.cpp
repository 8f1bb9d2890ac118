#include "core/date.h"

#include <algorithm>

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

std::optional<Date> Date::parse_iso(std::string_view iso) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
  std::string compact;
  compact.append(iso.substr(0, 4)).append(iso.substr(5, 2)).append(iso.substr(8, 2));
  return parse(compact);
}

namespace {

// Reads 1 to `max` ASCII digits at `pos` into `out`; false when there is none.
bool read_number(std::string_view s, size_t& pos, size_t max, int& out) {
  size_t start = pos;
  out = 0;
  while (pos < s.size() && pos - start < max && s[pos] >= '0' && s[pos] <= '9') {
    out = out * 10 + (s[pos++] - '0');
  }
  return pos > start;
}

// Consumes `token` at `pos` when it is there.
bool read_token(std::string_view s, size_t& pos, std::string_view token) {
  if (s.substr(pos, token.size()) != token) return false;
  pos += token.size();
  return true;
}

}  // namespace

std::optional<Date> parse_written_date(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  if (text.size() == 8 && text.find_first_not_of("0123456789") == std::string_view::npos) {
    return Date::parse(text);
  }
  Date d;
  size_t pos = 0;
  if (pos + 4 > text.size() || !read_number(text, pos, 4, d.year) || pos != 4) return std::nullopt;
  bool chinese = read_token(text, pos, "年");
  char sep = 0;
  if (!chinese) {
    if (pos >= text.size() || std::string_view("-/.").find(text[pos]) == std::string_view::npos) {
      return std::nullopt;
    }
    sep = text[pos++];
  }
  if (!read_number(text, pos, 2, d.month)) return std::nullopt;
  if (chinese ? !read_token(text, pos, "月") : !(pos < text.size() && text[pos++] == sep)) {
    return std::nullopt;
  }
  if (!read_number(text, pos, 2, d.day)) return std::nullopt;
  if (chinese) read_token(text, pos, "日");
  // What follows may only be a time of day.
  if (pos < text.size() && text[pos] != ' ' && text[pos] != 'T') return std::nullopt;
  if (!d.is_valid()) return std::nullopt;
  return d;
}

std::optional<Date> parse_written_month(std::string_view text, int recent_year) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  Date d{0, 0, 1};
  size_t pos = 0;
  if (text.size() == 6 && text.find_first_not_of("0123456789") == std::string_view::npos) {
    read_number(text, pos, 4, d.year);
    read_number(text, pos, 2, d.month);
  } else {
    if (!read_number(text, pos, 4, d.year)) return std::nullopt;
    if (pos == 2 && recent_year > 0 && text.substr(pos, 3) == "年") {
      // 24年2月: the latest year ending so, not after recent_year.
      int century = recent_year / 100 * 100;
      d.year += century + d.year > recent_year ? century - 100 : century;
    } else if (pos != 4) {
      return std::nullopt;
    }
    bool chinese = read_token(text, pos, "年");
    // 2023年底, 2023年末: the year's last month.
    if (chinese && (text.substr(pos) == "底" || text.substr(pos) == "末")) {
      d.month = 12;
      return d;
    }
    if (!chinese) {
      if (pos >= text.size() || std::string_view("-/.").find(text[pos]) == std::string_view::npos) {
        return std::nullopt;
      }
      ++pos;
    }
    if (!read_number(text, pos, 2, d.month)) return std::nullopt;
    if (chinese && read_token(text, pos, "月")) {
      // 2月份, 2月初, 2月中旬: the month, as a ledger of return dates often gives it.
      read_token(text, pos, "份");
      for (std::string_view part : {"初", "中", "底", "末", "上旬", "中旬", "下旬"}) {
        if (read_token(text, pos, part)) break;
      }
    }
    if (pos != text.size()) return std::nullopt;
  }
  if (!d.is_valid()) return std::nullopt;
  return d;
}

// Days from civil and back, after H. Hinnant's algorithms (era of 400 years).
long Date::day_number() const {
  long y = year - (month <= 2 ? 1 : 0);
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date Date::from_day_number(long days) {
  days += 719468;
  long era = (days >= 0 ? days : days - 146096) / 146097;
  long doe = days - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  int y = static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0));
  return Date{y, m, d};
}

int Date::weekday() const {
  long n = day_number();  // 1970-01-01 was a Thursday (4)
  long w = ((n % 7) + 7 + 3) % 7;
  return static_cast<int>(w) + 1;
}

std::optional<int> days_between(std::string_view from, std::string_view to) {
  auto a = Date::parse_iso(from), b = Date::parse_iso(to);
  if (!a || !b) return std::nullopt;
  return static_cast<int>(b->day_number() - a->day_number());
}

int months_between(Date from, Date to) {
  if (to < from) return -months_between(to, from);
  int months = (to.year - from.year) * 12 + (to.month - from.month);
  // The month is complete on the same day of the month, or on the last day of a shorter month.
  int due_day = std::min(from.day, days_in_month(to.year, to.month));
  if (to.day < due_day) --months;
  return months;
}

}  // namespace guiyan::core
