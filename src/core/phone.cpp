#include "core/phone.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "core/excel_number.h"
#include "core/text.h"

namespace guiyan::core {
namespace {

bool is_digit(char32_t c) {
  return c >= U'0' && c <= U'9';
}

// Hyphens, dashes and the minus sign that people type between digit groups.
bool is_dash(char32_t c) {
  return (c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0xFE63;
}

constexpr char32_t kZhuan = 0x8F6C;  // "转", introduces an extension

constexpr std::pair<std::string_view, std::string_view> kHubeiCities[] = {
    {"027", "武汉"},  {"0710", "襄阳"},           {"0711", "鄂州"}, {"0712", "孝感"},
    {"0713", "黄冈"}, {"0714", "黄石"},           {"0715", "咸宁"}, {"0716", "荆州"},
    {"0717", "宜昌"}, {"0718", "恩施"},           {"0719", "十堰"}, {"0722", "随州"},
    {"0724", "荆门"}, {"0728", "仙桃/潜江/天门"},
};

// Mobile number segments (first three digits) in current use, as inclusive ranges.
constexpr std::pair<int, int> kMobileSegments[] = {
    {130, 139}, {145, 149}, {150, 153}, {155, 159}, {162, 162},
    {165, 167}, {170, 178}, {180, 189}, {190, 193}, {195, 199},
};

PhoneResult failure(std::string normalized, std::string code, std::string reason) {
  PhoneResult result;
  result.normalized = std::move(normalized);
  result.reason_code = std::move(code);
  result.reason = std::move(reason);
  return result;
}

std::string without(std::string text, char removed) {
  std::erase(text, removed);
  return text;
}

// Length of an extension marker ("转", "ext" or "ext.", any case) starting at `i`, else 0.
std::size_t marker_length(const std::u32string& text, std::size_t i) {
  if (text[i] == kZhuan) return 1;
  auto lower = [](char32_t c) { return c >= U'A' && c <= U'Z' ? c + (U'a' - U'A') : c; };
  if (i + 2 >= text.size() || lower(text[i]) != U'e' || lower(text[i + 1]) != U'x' ||
      lower(text[i + 2]) != U't') {
    return 0;
  }
  return i + 3 < text.size() && text[i + 3] == U'.' ? 4 : 3;
}

PhoneResult check_mobile(const std::string& shown, const std::string& number, bool has_marker) {
  if (has_marker) return failure(shown, "character", "手机号不能带分机号");
  std::string digits = without(number, '-');
  if (digits.size() != 11) {
    return failure(shown, "length",
                   "手机号应为11位，当前为" + std::to_string(digits.size()) + "位");
  }
  int segment = std::stoi(digits.substr(0, 3));
  bool in_use = false;
  for (auto [low, high] : kMobileSegments) in_use = in_use || (segment >= low && segment <= high);
  if (!in_use) return failure(shown, "prefix", "手机号段" + digits.substr(0, 3) + "不是在用号段");
  PhoneResult result;
  result.valid = true;
  result.normalized = digits;
  result.kind = "mobile";
  return result;
}

// `number` holds digits and single inner dashes and starts with 0; `bracketed` is the text the
// input had in brackets, if any; `marker_ext` is the extension after a 转/ext marker.
PhoneResult check_landline(const std::string& shown, const std::string& number,
                           const std::string& bracketed, bool has_marker,
                           const std::string& marker_ext) {
  std::vector<std::string> groups = split(number, '-');
  const std::string& first = groups[0];
  if (first.size() < 3) return failure(shown, "area_code", "区号" + first + "不完整");
  if (first[1] == '0') return failure(shown, "area_code", "区号不能以00开头");
  if (first[1] == '1' && first[2] != '0') {
    return failure(shown, "area_code", "区号" + first.substr(0, 3) + "无效（北京为010）");
  }
  // 010 and 02x are three digits long; every other area code has four.
  std::size_t area_length = first[1] == '1' || first[1] == '2' ? 3 : 4;
  if (first.size() < area_length) {
    return failure(shown, "area_code",
                   "区号" + first + "不完整，应为" + std::to_string(area_length) + "位");
  }
  std::string area = first.substr(0, area_length);
  if (!bracketed.empty() && bracketed[0] == '0' && bracketed != area) {
    return failure(shown, "area_code", "括号中的区号" + bracketed + "不正确，应为" + area);
  }
  std::vector<std::string> rest;
  if (first.size() > area_length) rest.push_back(first.substr(area_length));
  rest.insert(rest.end(), groups.begin() + 1, groups.end());
  if (rest.empty()) return failure(shown, "local_number", "缺少本地号码");
  std::string local = rest[0];
  std::size_t next = 1;
  // A local number may be written in two groups, as in 027-8765-4321.
  if (local.size() >= 3 && local.size() <= 4 && rest.size() > 1 &&
      local.size() + rest[1].size() >= 7 && local.size() + rest[1].size() <= 8) {
    local += rest[1];
    next = 2;
  }
  if (rest.size() > next + 1) return failure(shown, "character", "电话号码中的“-”过多");
  bool has_extension = has_marker;
  std::string extension = marker_ext;
  if (rest.size() == next + 1) {
    if (has_marker) return failure(shown, "character", "电话号码含有两个分机号");
    has_extension = true;
    extension = rest[next];
  }
  if (local.size() < 7 || local.size() > 8) {
    return failure(shown, "local_number",
                   "本地号码应为7或8位，当前为" + std::to_string(local.size()) + "位");
  }
  if (local[0] == '0' || local[0] == '1') {
    return failure(shown, "local_number", "本地号码" + local + "不能以0或1开头");
  }
  if (has_extension && (extension.empty() || extension.size() > 6)) {
    return failure(shown, "length",
                   "分机号应为1至6位数字，当前为" + std::to_string(extension.size()) + "位");
  }
  PhoneResult result;
  result.valid = true;
  result.kind = "landline";
  result.area_code = area;
  result.local_number = local;
  result.extension = extension;
  result.normalized = area + "-" + local + (extension.empty() ? "" : "-" + extension);
  result.city = std::string(hubei_city(area));
  return result;
}

}  // namespace

std::string_view hubei_city(std::string_view area_code) {
  for (const auto& [code, city] : kHubeiCities) {
    if (code == area_code) return city;
  }
  return {};
}

PhoneResult check_phone(std::string_view input) {
  std::u32string text = without_excel_marks(trim(decode_folded(input)), true);
  for (char32_t& c : text) {
    if (is_dash(c)) c = U'-';
  }
  std::string shown = encode_utf8(text);
  if (text.empty()) return failure(shown, "empty", "电话号码不能为空");
  if (is_scientific_notation(text)) {
    return failure(shown, "scientific",
                   "电话号码显示成了科学计数法“" + shown +
                       "”：Excel 把号码当作数字，后几位已丢失。请把该列设为“文本”格式后重新填写");
  }

  // Find an extension marker, then check every character: the main part may hold digits,
  // spaces, dashes, brackets and "+"; the extension only digits and spaces.
  std::size_t marker_at = text.size(), marker_len = 0;
  for (std::size_t i = 0; i < text.size() && marker_len == 0; ++i) {
    marker_len = marker_length(text, i);
    if (marker_len != 0) marker_at = i;
  }
  std::string main_part, marker_ext;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i >= marker_at && i < marker_at + marker_len) continue;
    char32_t c = text[i];
    bool in_main = i < marker_at;
    bool allowed = is_digit(c) || is_space(c) ||
                   (in_main && (c == U'-' || c == U'(' || c == U')' || c == U'+'));
    if (!allowed) {
      return failure(
          shown, "character",
          "电话号码含有不允许的字符" + describe(c) + "(第" + std::to_string(i + 1) + "位)");
    }
    if (!is_space(c)) (in_main ? main_part : marker_ext) += static_cast<char>(c);
  }

  // Brackets may only wrap a leading area code or country code, "(0716)8514460", or follow
  // the country code, "+86(27)87654321".
  std::string number = main_part, bracketed;
  std::size_t open = number.find('('), close = number.find(')');
  if (open != std::string::npos || close != std::string::npos) {
    std::size_t country = number.starts_with("+86") ? 3 : number.starts_with("0086") ? 4 : 0;
    if ((open != 0 && open != country) || close == std::string::npos || close < open + 2 ||
        number.find('(', open + 1) != std::string::npos ||
        number.find(')', close + 1) != std::string::npos) {
      return failure(shown, "character", "电话号码中的括号位置不正确");
    }
    bracketed = number.substr(open + 1, close - open - 1);
    number = number.substr(0, open) + bracketed + number.substr(close + 1);
  }
  if (number.find('+', 1) != std::string::npos) {
    return failure(shown, "character", "“+”只能出现在号码开头");
  }

  bool international = false;
  if (number.starts_with("+")) {
    if (!number.starts_with("+86")) {
      return failure(shown, "prefix", "仅支持中国大陆号码（国家代码+86）");
    }
    number.erase(0, 3);
    international = true;
  } else if (number.starts_with("0086")) {
    number.erase(0, 4);
    international = true;
  } else if (number.starts_with("86")) {
    std::string digits = without(number, '-');
    if (digits.size() == 13 && digits[2] == '1') {
      number.erase(0, 2);
      international = true;
    }
  }
  if (international) {
    while (number.starts_with("-")) number.erase(0, 1);
  }
  if (number.empty()) return failure(shown, "length", "电话号码不完整");
  if (number.starts_with("-") || number.ends_with("-") || number.find("--") != std::string::npos) {
    return failure(shown, "character", "电话号码中的“-”位置不正确");
  }
  // International form drops the landline trunk 0: +86 27 8765 4321, +86 10 6234 5678.
  bool mobile_shape = number[0] == '1' && (number.size() < 2 || number[1] != '0');
  if (international && number[0] != '0' && !mobile_shape) number.insert(0, "0");
  if (number[0] == '1') return check_mobile(shown, number, marker_len != 0);
  if (number[0] != '0') return failure(shown, "area_code", "固定电话号码缺少区号");
  return check_landline(shown, number, bracketed, marker_len != 0, marker_ext);
}

std::vector<std::string> split_phones(std::string_view cell) {
  // Most cells hold one number: no separator, nothing to decode (every phone cell comes here).
  bool separated = false;
  for (std::string_view sep : {"/", ",", ";", "、", "，", "；", "或", "／"}) {
    separated = separated || cell.find(sep) != std::string_view::npos;
  }
  if (!separated) return {};
  std::u32string text = decode_folded(cell);
  std::vector<std::string> out;
  std::u32string part;
  auto take = [&]() {
    PhoneResult r = check_phone(encode_utf8(part));
    part.clear();
    if (!r.valid) return false;
    out.push_back(r.normalized);
    return true;
  };
  for (char32_t c : text) {
    if (std::u32string_view(U"/、,;或").find(c) == std::u32string_view::npos) {
      part += c;  // full-width ， and ； are folded to , and ;
    } else if (!take()) {
      return {};
    }
  }
  if (!take() || out.size() < 2) return {};
  return out;
}

PhoneNotes strip_phone_notes(std::string_view cell) {
  PhoneNotes out{std::string(cell), {}, {}};
  if (cell.find('(') == std::string_view::npos && cell.find("（") == std::string_view::npos) {
    return out;
  }
  // The same number is the person's WeChat, or it is theirs: nothing a record lacks.
  static const std::vector<std::u32string> kIdle = {
      U"微信同号", U"同微信",   U"微信同步", U"微信", U"微信号", U"同号",   U"本人",
      U"本人电话", U"本人手机", U"手机",     U"电话", U"常用",   U"手机号", U"联系电话"};
  std::u32string text = decode_folded(cell);  // （ ） fold to ( )
  std::u32string rest, note;
  int depth = 0;
  std::vector<std::u32string> notes;
  for (char32_t c : text) {
    if (c == U'(') {
      if (depth++ == 0) continue;
    } else if (c == U')' && depth > 0) {
      if (--depth == 0) {
        notes.push_back(trim(note));
        note.clear();
        continue;
      }
    }
    (depth > 0 ? note : rest) += c;
  }
  if (depth > 0 || notes.empty()) return out;  // an unclosed bracket: the cell as it is
  for (const auto& n : notes) {
    for (char32_t c : n) {
      if (c >= U'0' && c <= U'9') return out;  // (0716) and the like belong to the number
    }
  }
  out.cell = encode_utf8(trim(rest));
  for (const auto& n : notes) {
    if (n.empty()) continue;
    bool idle = std::find(kIdle.begin(), kIdle.end(), n) != kIdle.end();
    (idle ? out.idle : out.kept).push_back(encode_utf8(n));
  }
  return out;
}

}  // namespace guiyan::core
