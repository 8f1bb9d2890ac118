#include "core/clock.h"

#include <cstdio>

namespace guiyan::core {

TimePoint now() {
  return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

std::string to_iso(TimePoint t) {
  auto days = std::chrono::floor<std::chrono::days>(t);
  std::chrono::year_month_day ymd{days};
  std::chrono::hh_mm_ss hms{t - days};
  int year = int(ymd.year());
  if (year < 0 || year > 9999) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02ld:%02ld:%02ldZ", year, unsigned(ymd.month()),
                  unsigned(ymd.day()), long(hms.hours().count()), long(hms.minutes().count()),
                  long(hms.seconds().count()));
    return buf;
  }
  // By hand: every row an import writes stamps several times, and snprintf cost ~1,400
  // instructions a stamp (callgrind, bench/results/2026-12-06-import-10k-callgrind-clock.txt).
  std::string out = "0000-00-00T00:00:00Z";
  auto put = [&](size_t end, long v, int width) {
    for (int i = 0; i < width; ++i, v /= 10) out[end - i] = char('0' + v % 10);
  };
  put(3, year, 4);
  put(6, long(unsigned(ymd.month())), 2);
  put(9, long(unsigned(ymd.day())), 2);
  put(12, long(hms.hours().count()), 2);
  put(15, long(hms.minutes().count()), 2);
  put(18, long(hms.seconds().count()), 2);
  return out;
}

std::string now_iso() {
  return to_iso(now());
}

std::optional<TimePoint> parse_iso(std::string_view text) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  std::string str(text);
  int n = 0;
  if (str.size() == 10) {
    if (std::sscanf(str.c_str(), "%4d-%2d-%2d%n", &y, &mo, &d, &n) != 3 || n != 10) {
      return std::nullopt;
    }
  } else if (str.size() == 20) {
    if (std::sscanf(str.c_str(), "%4d-%2d-%2dT%2d:%2d:%2dZ%n", &y, &mo, &d, &h, &mi, &s, &n) != 6 ||
        n != 20) {
      return std::nullopt;
    }
  } else {
    return std::nullopt;
  }
  std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month(unsigned(mo)),
                                  std::chrono::day(unsigned(d))};
  if (!ymd.ok() || h > 23 || mi > 59 || s > 59 || h < 0 || mi < 0 || s < 0) return std::nullopt;
  return TimePoint{std::chrono::sys_days{ymd}} + std::chrono::hours{h} + std::chrono::minutes{mi} +
         std::chrono::seconds{s};
}

std::string local_time_text(std::string_view iso) {
  if (iso.size() != 20) return std::string(iso);
  auto t = parse_iso(iso);
  if (!t) return std::string(iso);
  std::string local = to_iso(*t + std::chrono::hours{8});
  return local.substr(0, 10) + " " + local.substr(11, 8);
}

std::string today_local() {
  return to_iso(now() + std::chrono::hours{8}).substr(0, 10);
}

Date today_local_date() {
  return *Date::parse_iso(today_local());
}

}  // namespace guiyan::core
