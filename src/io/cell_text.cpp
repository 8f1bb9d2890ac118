#include "io/cell_text.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace guiyan::io {
namespace {

// Civil date of `days` after 1970-01-01 (Howard Hinnant's algorithm).
void civil_from_days(int64_t days, int& y, int& m, int& d) {
  days += 719468;
  int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  int64_t doe = days - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  y = static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0));
}

// Removes trailing zeros after a decimal point, and the point itself when nothing follows.
void strip_zeros(std::string& s) {
  if (s.find('.') == std::string::npos) return;
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
}

}  // namespace

std::string number_text(double value) {
  if (std::isnan(value)) return "#NUM!";
  if (std::isinf(value)) return value > 0 ? "#NUM!" : "-#NUM!";
  if (value == std::trunc(value)) {
    if (std::fabs(value) < 9007199254740992.0) {
      return std::to_string(static_cast<long long>(value));  // -0.0 becomes "0"
    }
    // Excel keeps 15 significant digits and shows the rest as zeros: an ID number typed as a
    // number reads as the office sees it in Excel (421022199001011000), not as the binary
    // value's digits (…1008).
    char sig[64];
    std::snprintf(sig, sizeof sig, "%.14e", std::fabs(value));  // d.dddddddddddddde+XX
    int exponent = std::atoi(std::strchr(sig, 'e') + 1);        // >= 15 here
    return std::string(value < 0 ? "-" : "") + sig[0] + std::string(sig + 2, 14) +
           std::string(static_cast<size_t>(exponent - 14), '0');
  }
  int magnitude = static_cast<int>(std::floor(std::log10(std::fabs(value))));
  int decimals = std::min(10, std::max(0, 14 - magnitude));
  char buf[400];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
  std::string text = buf;
  strip_zeros(text);
  if (text == "0" || text == "-0") {  // too small to show in 10 decimals
    std::snprintf(buf, sizeof buf, "%.10g", value);
    text = buf;
  }
  return text;
}

std::string iso_date_text(std::string_view v) {
  if (v.size() < 10) return std::string(v);
  std::string date(v.substr(0, 10));
  bool timed = v.size() >= 16 && (v[10] == 'T' || v[10] == ' ');
  if (timed && date == "1899-12-31") return std::string(v.substr(11, 5));
  if (timed && v.substr(11, 5) != "00:00") return date + " " + std::string(v.substr(11, 5));
  return date;
}

std::string serial_date_text(double serial, bool date1904) {
  if (!std::isfinite(serial) || serial < 0 || serial >= 2958466.0) return "";
  int64_t minutes = std::llround(serial * 1440.0);
  int64_t day = minutes / 1440;
  int minute_of_day = static_cast<int>(minutes % 1440);
  char buf[40];
  if (day == 0 && !date1904) {
    std::snprintf(buf, sizeof buf, "%02d:%02d", minute_of_day / 60, minute_of_day % 60);
    return buf;
  }
  int y, m, d;
  if (date1904) {
    civil_from_days(day - 24107, y, m, d);  // 1904-01-01 is day -24107 from 1970-01-01
  } else if (day == 60) {
    y = 1900, m = 2, d = 29;  // Excel's phantom leap day
  } else {
    // Serial 1 is 1900-01-01; past the phantom 1900-02-29 the serials run one day ahead.
    civil_from_days(day - (day < 60 ? 25568 : 25569), y, m, d);
  }
  if (minute_of_day == 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d", y, m, d, minute_of_day / 60,
                  minute_of_day % 60);
  }
  return buf;
}

bool is_date_format(size_t format_id, std::string_view code) {
  if (code.empty()) {
    return (format_id >= 14 && format_id <= 22) || (format_id >= 27 && format_id <= 36) ||
           (format_id >= 45 && format_id <= 47) || (format_id >= 50 && format_id <= 58);
  }
  for (size_t i = 0; i < code.size(); ++i) {
    char c = code[i];
    switch (c) {
      case '"':  // literal text
        i = code.find('"', i + 1);
        if (i == std::string_view::npos) return false;
        break;
      case '[': {  // [Red], [$-804], [DBNum1]; but [h], [mm], [ss] are elapsed time
        size_t end = code.find(']', i + 1);
        if (end == std::string_view::npos) return false;
        std::string_view inside = code.substr(i + 1, end - i - 1);
        if (!inside.empty() && inside.find_first_not_of("hHmMsS") == std::string_view::npos) {
          return true;
        }
        i = end;
        break;
      }
      case '\\':  // escaped character
      case '_':   // space as wide as the next character
      case '*':   // repeat the next character
        ++i;
        break;
      case 'y':
      case 'Y':
      case 'm':
      case 'M':
      case 'd':
      case 'D':
      case 'h':
      case 'H':
      case 's':
      case 'S':
        return true;
      default:
        break;
    }
  }
  return false;
}

}  // namespace guiyan::io
