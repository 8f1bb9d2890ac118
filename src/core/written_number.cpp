#include "core/written_number.h"

#include <string>

#include "core/text.h"

namespace guiyan::core {
namespace {

// The value of a Chinese digit, -1 for none (零 and 〇 are handled apart).
int chinese_digit(char32_t c) {
  static const std::u32string digits[] = {U"",     U"一壹", U"二两贰", U"三叁", U"四肆",
                                          U"五伍", U"六陆", U"七柒",   U"八捌", U"九玖"};
  for (int d = 1; d <= 9; ++d) {
    if (digits[d].find(c) != std::u32string::npos) return d;
  }
  return -1;
}

// 10, 100 or 1000 for 十百千 (and 拾佰仟), 0 otherwise.
double small_unit(char32_t c) {
  if (c == U'十' || c == U'拾') return 10;
  if (c == U'百' || c == U'佰') return 100;
  if (c == U'千' || c == U'仟') return 1000;
  return 0;
}

bool is_ascii_digit(char32_t c) {
  return c >= U'0' && c <= U'9';
}

// Reads an Arabic number at text[i] ("100,000.5"), advancing i; nullopt when its commas are not
// thousands separators ("1,2") or it has a second decimal point.
std::optional<double> arabic_number(const std::u32string& text, size_t& i) {
  std::string digits;
  size_t group = 0;  // digits since the last comma
  bool comma = false, dot = false;
  for (; i < text.size(); ++i) {
    char32_t c = text[i];
    if (is_ascii_digit(c)) {
      digits += static_cast<char>(c);
      ++group;
    } else if (c == U',' && !dot) {
      if (group == 0 || (comma && group != 3) || (!comma && group > 3)) return std::nullopt;
      comma = true;
      group = 0;
    } else if (c == U'.' && !dot && group > 0 && i + 1 < text.size() &&
               is_ascii_digit(text[i + 1])) {
      if (comma && group != 3) return std::nullopt;
      dot = true;
      digits += '.';
    } else {
      break;
    }
  }
  if (comma && !dot && group != 3) return std::nullopt;
  return std::stod(digits);
}

}  // namespace

std::optional<WrittenNumber> parse_written_number(std::string_view raw) {
  std::u32string text = trim(decode_folded(raw));
  bool negative = !text.empty() && text[0] == U'-';
  if (negative) text.erase(0, 1);
  if (text.empty()) return std::nullopt;

  WrittenNumber out;
  double above_yi = 0;            // the part counted in 亿, once 亿 is met
  double wan = 0;                 // the part counted in 万 within the current 亿
  double section = 0;             // the part below 万 read so far
  std::optional<double> pending;  // a number not yet given its unit
  double last_small = 0;          // the last of 十百千 in this section (0: none yet)
  bool zero = false;              // 零 stands just before the pending number
  bool seen_wan = false, seen_yi = false, any_unit = false;

  // A pending digit after 千 or 百 without 零 leaves out its unit (三千五); so does a last digit
  // after 万 or 亿 (五万五): both ambiguous.
  auto take_pending = [&](bool at_end) -> std::optional<double> {
    if (!pending) return 0.0;
    bool elided =
        last_small > 10 || (at_end && section == 0 && last_small == 0 && (seen_wan || seen_yi));
    if (elided && !zero) return std::nullopt;
    double v = *pending;
    pending.reset();
    zero = false;
    return v;
  };

  for (size_t i = 0; i < text.size();) {
    char32_t c = text[i];
    if (is_ascii_digit(c)) {
      if (pending) return std::nullopt;
      auto n = arabic_number(text, i);
      if (!n) return std::nullopt;
      pending = *n;
      continue;
    }
    ++i;
    if (is_space(c)) continue;  // 30 万
    if (c == U'零' || c == U'〇') {
      if (pending) return std::nullopt;  // 二〇二六 is a year, not an amount
      if (!any_unit) {
        pending = 0;  // 零 alone
        continue;
      }
      zero = true;
    } else if (int d = chinese_digit(c); d > 0) {
      if (pending) return std::nullopt;  // 五五: not a number
      pending = d;
    } else if (double unit = small_unit(c); unit > 0) {
      if (last_small != 0 && unit >= last_small) return std::nullopt;  // 五十三十
      double n = pending ? *pending : unit == 10 ? 1 : -1;             // 十五 = 15
      if (n < 0) return std::nullopt;
      section += n * unit;
      pending.reset();
      zero = false;
      last_small = unit;
      any_unit = true;
    } else if (c == U'万' || c == U'萬') {
      if (seen_wan) return std::nullopt;
      auto p = take_pending(false);
      if (!p || (section == 0 && *p == 0)) return std::nullopt;  // 万 alone
      wan = (section + *p) * 1e4;
      section = 0;
      last_small = 0;
      seen_wan = any_unit = out.large_unit = true;
    } else if (c == U'亿' || c == U'億') {
      if (seen_yi) return std::nullopt;
      auto p = take_pending(false);
      if (!p || (wan == 0 && section == 0 && *p == 0)) return std::nullopt;
      above_yi = (wan + section + *p) * 1e8;
      wan = section = 0;
      last_small = 0;
      seen_wan = false;  // 一亿五千万: a new 万 within the 亿
      seen_yi = any_unit = out.large_unit = true;
    } else {
      return std::nullopt;
    }
  }
  if (zero && !pending) return std::nullopt;  // a trailing 零
  auto p = take_pending(true);
  if (!p) return std::nullopt;
  out.value = above_yi + wan + section + *p;
  if (negative) out.value = -out.value;
  return out;
}

}  // namespace guiyan::core
