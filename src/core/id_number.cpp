#include "core/id_number.h"

#include <algorithm>
#include <utility>

#include "core/excel_number.h"
#include "core/text.h"

namespace guiyan::core {
namespace {

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
  std::u32string text = without_excel_marks(trim(decode_folded(input)), false);
  std::replace(text.begin(), text.end(), U'x', U'X');
  // Spaces that group the number for reading (420106 19900307 1238) are no part of it; a space
  // standing for a digit is reported below.
  if (std::any_of(text.begin(), text.end(), is_space)) {
    std::u32string packed = text;
    std::erase_if(packed, is_space);
    if (packed.size() == 18) text = packed;
  }
  std::string id = encode_utf8(text);
  if (text.empty()) return failure(id, "empty", "身份证号不能为空");
  if (is_scientific_notation(text)) {
    return failure(id, "scientific",
                   "身份证号显示成了科学计数法“" + id +
                       "”：Excel 把号码当作数字，只保留前15位，后几位已丢失。请把该列设为"
                       "“文本”格式后重新填写完整号码");
  }
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
    std::string reason = std::string("身份证号校验位应为") + expected + "，实际为" + id[17];
    // Excel keeps 15 digits of a number: an ID number kept as one ends in 000.
    if (id.ends_with("000")) reason += "（末三位为000，可能是 Excel 把号码当作数字丢失了后三位）";
    return failure(id, "check", reason);
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

std::optional<std::string> unverified_id_number(std::string_view input) {
  std::string n = check_id_number(input, Date{9999, 12, 31}).normalized;
  if (n.size() < 15 || n.size() > 18) return std::nullopt;
  for (size_t i = 0; i < n.size(); ++i) {
    if ((n[i] < '0' || n[i] > '9') && !(n[i] == 'X' && i + 1 == n.size())) return std::nullopt;
  }
  return n;
}

std::string complete_id_number(std::string_view first17) {
  return std::string(first17) + check_char(first17);
}

}  // namespace guiyan::core
