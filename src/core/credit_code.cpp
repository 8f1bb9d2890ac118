#include "core/credit_code.h"

#include <utility>

#include "core/text.h"

namespace guiyan::core {
namespace {

// The 31 code characters; a character's value is its index.
constexpr std::string_view kCharset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
constexpr int kCreditWeights[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

constexpr std::pair<char, std::string_view> kAuthorities[] = {
    {'1', "机构编制"},       {'2', "外交"},
    {'3', "司法行政"},       {'4', "文化"},
    {'5', "民政"},           {'6', "旅游"},
    {'7', "宗教"},           {'8', "工会"},
    {'9', "市场监管(工商)"}, {'A', "中央军委改革和编制办公室"},
    {'N', "农业"},           {'Y', "其他"},
};

struct TypeEntry {
  char authority;
  char type;
  std::string_view name;
};

// Organisation types per registration authority, from the GB 32100-2015 code tables.
constexpr TypeEntry kTypes[] = {
    {'1', '1', "机关"},
    {'1', '2', "事业单位"},
    {'1', '3', "中央编办直接管理机构编制的群众团体"},
    {'1', '9', "其他"},
    {'2', '1', "外国常驻新闻机构"},
    {'2', '9', "其他"},
    {'3', '1', "律师执业机构"},
    {'3', '2', "公证处"},
    {'3', '3', "基层法律服务所"},
    {'3', '4', "司法鉴定机构"},
    {'3', '5', "仲裁委员会"},
    {'3', '9', "其他"},
    {'4', '1', "外国在华文化中心"},
    {'4', '9', "其他"},
    {'5', '1', "社会团体"},
    {'5', '2', "民办非企业单位"},
    {'5', '3', "基金会"},
    {'5', '9', "其他"},
    {'6', '1', "外国旅游部门常驻代表机构"},
    {'6', '2', "港澳台地区旅游部门常驻内地（大陆）代表机构"},
    {'6', '9', "其他"},
    {'7', '1', "宗教活动场所"},
    {'7', '2', "宗教院校"},
    {'7', '9', "其他"},
    {'8', '1', "基层工会"},
    {'8', '9', "其他"},
    {'9', '1', "企业"},
    {'9', '2', "个体工商户"},
    {'9', '3', "农民专业合作社"},
    {'A', '1', "军队事业单位"},
    {'A', '9', "其他"},
    {'N', '1', "组级集体经济组织"},
    {'N', '2', "村级集体经济组织"},
    {'N', '3', "乡镇级集体经济组织"},
    {'N', '9', "其他"},
    // Authority Y does not divide by type and always uses 1.
    {'Y', '1', "其他"},
};

std::string_view authority_name(char authority) {
  for (const auto& [code, name] : kAuthorities) {
    if (code == authority) return name;
  }
  return {};
}

std::string_view type_name(char authority, char type) {
  for (const TypeEntry& entry : kTypes) {
    if (entry.authority == authority && entry.type == type) return entry.name;
  }
  return {};
}

// GB 32100 check character for the first 17 characters of `code` (all from kCharset).
char credit_check_char(std::string_view code) {
  int sum = 0;
  for (int i = 0; i < 17; ++i) sum += static_cast<int>(kCharset.find(code[i])) * kCreditWeights[i];
  return kCharset[(31 - sum % 31) % 31];
}

CreditCodeResult credit_failure(std::string normalized, std::string code, std::string reason) {
  CreditCodeResult result;
  result.normalized = std::move(normalized);
  result.reason_code = std::move(code);
  result.reason = std::move(reason);
  return result;
}

}  // namespace

CreditCodeResult check_credit_code(std::string_view input) {
  std::u32string text = trim(decode_folded(input));
  for (char32_t& c : text) {
    if (c >= U'a' && c <= U'z') c -= U'a' - U'A';
  }
  std::string code = encode_utf8(text);
  if (text.empty()) return credit_failure(code, "empty", "统一社会信用代码不能为空");
  if (text.size() != 18) {
    return credit_failure(code, "length",
                          "统一社会信用代码应为18位，当前为" + std::to_string(text.size()) + "位");
  }
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] > 0x7F || kCharset.find(static_cast<char>(text[i])) == std::string_view::npos) {
      return credit_failure(code, "character",
                            "统一社会信用代码含有不允许的字符" + describe(text[i]) + "(第" +
                                std::to_string(i + 1) + "位)");
    }
  }
  // From here on `code` is 18 ASCII characters.
  std::string_view authority = authority_name(code[0]);
  if (authority.empty()) {
    return credit_failure(code, "authority",
                          "统一社会信用代码第1位登记管理部门代码“" + code.substr(0, 1) + "”无效");
  }
  char expected = credit_check_char(code);
  if (expected != code[17]) {
    return credit_failure(
        code, "check",
        std::string("统一社会信用代码校验位应为") + expected + "，实际为" + code[17]);
  }

  CreditCodeResult result;
  result.valid = true;
  result.normalized = code;
  result.authority_code = code.substr(0, 1);
  result.authority_name = std::string(authority);
  result.type_code = code.substr(1, 1);
  result.type_name = std::string(type_name(code[0], code[1]));
  result.region_code = code.substr(2, 6);
  result.organisation_code = code.substr(8, 9);
  return result;
}

std::string complete_credit_code(std::string_view first17) {
  return std::string(first17) + credit_check_char(first17);
}

}  // namespace guiyan::core
