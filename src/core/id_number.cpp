#include "core/id_number.h"

#include <algorithm>
#include <utility>

namespace guiyan::core {
namespace {

// Text helpers. The same block appears in id_number.cpp, credit_code.cpp and phone.cpp: the
// library was scoped to one file per identifier, so there is no shared text module yet.

// Decodes UTF-8 and folds full-width forms (U+FF01-U+FF5E, U+3000) to ASCII; each malformed
// byte becomes U+FFFD, so re-encoding always yields valid UTF-8.
std::u32string decode_folded(std::string_view text) {
  std::u32string out;
  for (std::size_t i = 0; i < text.size();) {
    auto lead = static_cast<unsigned char>(text[i]);
    int extra = lead < 0x80   ? 0
                : lead < 0xC2 ? -1
                : lead < 0xE0 ? 1
                : lead < 0xF0 ? 2
                : lead < 0xF5 ? 3
                              : -1;
    bool ok = extra >= 0 && i + extra < text.size();
    char32_t cp = extra > 0 ? lead & (0x3F >> extra) : lead;
    for (int k = 1; ok && k <= extra; ++k) {
      auto next = static_cast<unsigned char>(text[i + k]);
      ok = (next & 0xC0) == 0x80;
      cp = (cp << 6) | (next & 0x3F);
    }
    static constexpr char32_t kMin[] = {0, 0x80, 0x800, 0x10000};
    ok = ok && cp >= kMin[extra] && cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF);
    if (!ok) cp = 0xFFFD;
    if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0;
    if (cp == 0x3000) cp = U' ';
    out.push_back(cp);
    i += ok ? extra + 1 : 1;
  }
  return out;
}

// Encodes code points as UTF-8.
std::string encode_utf8(std::u32string_view text) {
  static constexpr unsigned kLead[] = {0, 0, 0xC0, 0xE0, 0xF0};
  std::string out;
  for (char32_t cp : text) {
    int n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    out += static_cast<char>(kLead[n] | (cp >> (6 * (n - 1))));
    for (int k = n - 2; k >= 0; --k) out += static_cast<char>(0x80 | ((cp >> (6 * k)) & 0x3F));
  }
  return out;
}

// True for ASCII whitespace, no-break space, zero-width space and the byte-order mark.
bool is_space(char32_t c) {
  return c == U' ' || (c >= U'\t' && c <= U'\r') || c == 0xA0 || c == 0x200B || c == 0xFEFF;
}

// `text` without leading and trailing spaces (see is_space).
std::u32string trim(std::u32string text) {
  std::size_t begin = 0, end = text.size();
  while (begin < end && is_space(text[begin])) ++begin;
  while (end > begin && is_space(text[end - 1])) --end;
  return text.substr(begin, end - begin);
}

// A character as a user message shows it: "空格", "控制字符" or the character in quotes.
std::string describe(char32_t c) {
  if (is_space(c)) return "空格";
  if (c < 0x20 || c == 0x7F) return "控制字符";
  return "“" + encode_utf8(std::u32string(1, c)) + "”";
}

// End of the shared text helpers.

bool is_digit(char32_t c) {
  return c >= U'0' && c <= U'9';
}

constexpr std::pair<std::string_view, std::string_view> kProvinces[] = {
    {"11", "北京市"},
    {"12", "天津市"},
    {"13", "河北省"},
    {"14", "山西省"},
    {"15", "内蒙古自治区"},
    {"21", "辽宁省"},
    {"22", "吉林省"},
    {"23", "黑龙江省"},
    {"31", "上海市"},
    {"32", "江苏省"},
    {"33", "浙江省"},
    {"34", "安徽省"},
    {"35", "福建省"},
    {"36", "江西省"},
    {"37", "山东省"},
    {"41", "河南省"},
    {"42", "湖北省"},
    {"43", "湖南省"},
    {"44", "广东省"},
    {"45", "广西壮族自治区"},
    {"46", "海南省"},
    {"50", "重庆市"},
    {"51", "四川省"},
    {"52", "贵州省"},
    {"53", "云南省"},
    {"54", "西藏自治区"},
    {"61", "陕西省"},
    {"62", "甘肃省"},
    {"63", "青海省"},
    {"64", "宁夏回族自治区"},
    {"65", "新疆维吾尔自治区"},
    {"71", "台湾省"},
    {"81", "香港特别行政区"},
    {"82", "澳门特别行政区"},
    // Not a division: the prefix of residence permits issued to Taiwan residents.
    {"83", "台湾省"},
};

constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
constexpr std::string_view kCheckChars = "10X98765432";
constexpr int kMaxPlausibleAge = 120;

// ISO 7064 MOD 11-2 check character for the first 17 digits of `id`.
char check_char(std::string_view id) {
  int sum = 0;
  for (int i = 0; i < 17; ++i) sum += (id[i] - '0') * kWeights[i];
  return kCheckChars[sum % 11];
}

IdNumberResult failure(std::string normalized, std::string code, std::string reason) {
  IdNumberResult result;
  result.normalized = std::move(normalized);
  result.reason_code = std::move(code);
  result.reason = std::move(reason);
  return result;
}

}  // namespace

std::string_view province_name(std::string_view code) {
  for (const auto& [province_code, name] : kProvinces) {
    if (province_code == code) return name;
  }
  return {};
}

IdNumberResult check_id_number(std::string_view input, Date today) {
  std::u32string text = trim(decode_folded(input));
  std::replace(text.begin(), text.end(), U'x', U'X');
  std::string id = encode_utf8(text);
  if (text.empty()) return failure(id, "empty", "身份证号不能为空");
  if (text.size() == 15 && std::all_of(text.begin(), text.end(), is_digit)) {
    return failure(id, "first_generation", "这是15位第一代身份证号，请填写18位身份证号");
  }
  if (text.size() != 18) {
    return failure(id, "length", "身份证号应为18位，当前为" + std::to_string(text.size()) + "位");
  }
  for (std::size_t i = 0; i < 17; ++i) {
    if (!is_digit(text[i])) {
      return failure(
          id, "character",
          "身份证号第" + std::to_string(i + 1) + "位应为数字，实际为" + describe(text[i]));
    }
  }
  if (!is_digit(text[17]) && text[17] != U'X') {
    return failure(id, "character", "身份证号第18位应为数字或X，实际为" + describe(text[17]));
  }
  // From here on `id` is 18 ASCII characters.
  std::string province_code = id.substr(0, 2);
  std::string_view province = province_name(province_code);
  if (province.empty()) {
    return failure(id, "province", "身份证号前两位" + province_code + "不是有效的省级行政区划代码");
  }
  std::string birth_text = id.substr(6, 8);
  std::optional<Date> birth = Date::parse(birth_text);
  std::string birth_label = "身份证号第7-14位出生日期" + birth_text;
  if (!birth) return failure(id, "date", birth_label + "不是有效日期");
  if (birth->year < 1800) return failure(id, "date", birth_label + "早于1800年");
  if (*birth > today) {
    return failure(id, "date", birth_label + "晚于今天（" + today.to_iso() + "）");
  }
  char expected = check_char(id);
  if (expected != id[17]) {
    return failure(id, "check", std::string("身份证号校验位应为") + expected + "，实际为" + id[17]);
  }

  IdNumberResult result;
  result.valid = true;
  result.normalized = id;
  result.birth_date = birth->to_iso();
  result.gender = (id[16] - '0') % 2 == 1 ? "male" : "female";
  result.region_code = id.substr(0, 6);
  result.province_code = province_code;
  result.province_name = std::string(province);
  result.residence_permit = province_code == "81" || province_code == "82" || province_code == "83";
  if (birth->age_on(today) > kMaxPlausibleAge) result.warnings.push_back("年龄超过120岁，请核实");
  return result;
}

}  // namespace guiyan::core
