#include "core/field.h"

#include <algorithm>
#include <cctype>

#include "core/clock.h"
#include "core/credit_code.h"
#include "core/date.h"
#include "core/id_number.h"
#include "core/personal_name.h"
#include "core/phone.h"
#include "core/text.h"
#include "core/written_number.h"

namespace guiyan::core {
namespace {

FieldValue fail(std::string why) {
  return FieldValue{store::Null{}, std::move(why), {}};
}

std::string trim_text(const std::string& s) {
  return encode_utf8(trim(decode_folded(s)));
}

size_t utf8_chars(const std::string& s) {
  return static_cast<size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::vector<std::string> split_list(const std::string& s) {
  std::string unified;
  for (size_t i = 0; i < s.size();) {
    // 、 ， ； are three bytes in UTF-8; fold them and ASCII , ; / to one separator.
    if (s.compare(i, 3, "、") == 0 || s.compare(i, 3, "，") == 0 || s.compare(i, 3, "；") == 0) {
      unified += ',';
      i += 3;
    } else {
      char c = s[i++];
      unified += (c == ';' || c == '/' || c == '|') ? ',' : c;
    }
  }
  std::vector<std::string> out;
  for (auto& part : split(unified, ',')) {
    std::string t = trim_text(part);
    if (!t.empty()) out.push_back(t);
  }
  return out;
}

// The keys of the vocabulary words in `s` (a list when `list`), in order and without repeats;
// words no active term answers to go to `unknown`, except a retired term's exact key when
// `retired_keys` (the API sends back keys a record already holds).
void vocab_keys(const TermList& terms, const std::string& s, bool list, bool retired_keys,
                std::vector<std::string>& keys, std::vector<std::string>& unknown) {
  for (const auto& part : list ? split_list(s) : std::vector<std::string>{s}) {
    auto key = find_term(terms, part);
    if (!key && retired_keys && find_key(terms, part)) key = part;
    if (!key) {
      unknown.push_back(part);
    } else if (std::find(keys.begin(), keys.end(), *key) == keys.end()) {
      keys.push_back(*key);
    }
  }
}

// 1 for a yes (是, 有, √ …), 0 for a no (否, 无, × …), nullopt for neither.
std::optional<int> flag_word(const std::string& s) {
  static const std::vector<std::string> yes = {"是", "有", "1", "Y", "y", "yes", "true", "√"};
  static const std::vector<std::string> no = {"否", "无", "0", "N", "n", "no", "false", "×"};
  if (std::find(yes.begin(), yes.end(), s) != yes.end()) return 1;
  if (std::find(no.begin(), no.end(), s) != no.end()) return 0;
  return std::nullopt;
}

// True when `s`, a blank word, means something in `field` itself: 无 is a flag's no, and a
// vocabulary may hold it (a merchant's 返乡投资意向 无 is 暂无意向).
bool blank_word_means_something(const Field& field, const std::string& s) {
  if (field.kind == FieldKind::flag) return flag_word(s).has_value();
  if (field.kind == FieldKind::vocab || field.kind == FieldKind::vocab_list) {
    return find_term(*field.vocab(), s, false).has_value();
  }
  return false;
}

FieldValue unknown_word(const Field& field, const TermList& terms, const std::string& word) {
  if (find_term(terms, word, true)) return fail(field.label + "“" + word + "”已停用");
  // A short list is named, so that a clerk can correct the cell from the message alone.
  size_t active =
      std::count_if(terms.begin(), terms.end(), [](const Term& t) { return !t.retired; });
  if (active == 0 || active > 12) return fail(field.label + "“" + word + "”不在可选范围内");
  std::string choices = active_labels(terms);
  return fail(field.label + "“" + word + "”不在可选范围内，可填：" + choices);
}

FieldValue normalize_vocab(const Field& field, const std::string& s, bool retired_keys) {
  Terms terms = field.vocab();
  std::vector<std::string> keys, unknown;
  bool list = field.kind == FieldKind::vocab_list;
  vocab_keys(*terms, s, list, retired_keys, keys, unknown);
  if (!unknown.empty() && !field.keeps_unknown_words)
    return unknown_word(field, *terms, unknown[0]);
  std::string joined;
  for (const auto& k : keys) joined += (joined.empty() ? "" : ",") + k;
  FieldValue out{joined.empty() ? store::Value{store::Null{}} : store::Value{joined}, {}, {}};
  out.warnings = std::move(unknown);
  return out;
}

bool is_list(FieldKind k) {
  return k == FieldKind::vocab_list || k == FieldKind::industry_list || k == FieldKind::region_list;
}

Date today_date(const std::string& today) {
  return Date{std::stoi(today.substr(0, 4)), std::stoi(today.substr(5, 2)),
              std::stoi(today.substr(8, 2))};
}

// The label without its trailing unit in brackets ("计划投资（万元）" → "计划投资").
std::string bare_label(const Field& field) {
  return split_label_unit(field.label).name;
}

// The largest count or amount a field takes (in its unit: a billion 万元, people, square metres):
// more is a slip of the keyboard, in a sheet or through the API alike.
constexpr int64_t kLargestAmount = 1'000'000'000;

// A sheet cell for an integer field: an identifier takes digits only; a count or an amount may
// be written as offices write numbers (100,000, 三十, 1.5万) and may end with its unit; an amount
// in 万元 also with 元 or a count of 万/亿 (30万元 → 30, 1.2亿 → 12000, 50000元 → 5). Amounts and
// areas are rounded to the whole unit the field keeps; a head count must be whole.
FieldValue normalize_count(const Field& field, const std::string& s) {
  std::string unit = number_unit(field);
  std::string name = bare_label(field);
  if (unit.empty()) {
    if (s.find_first_not_of("0123456789") != std::string::npos || s.size() > 18) {
      return fail(name + "应为编号（数字），实际为“" + s + "”");
    }
    return FieldValue{int64_t{std::stoll(s)}, {}, {}};
  }
  std::vector<std::string> suffixes = {unit};
  if (unit == "平方米") suffixes = {"平方米", "平米", "㎡", "m2", "m²"};
  if (unit == "人") suffixes = {"人", "名"};
  if (unit == "万元") suffixes = {"元"};  // 万 and 亿 are read as numbers: 30万 = 300000 元
  // Offices write round figures: 约30万, 10万左右, 50万以上, 5W. The figure is kept, with a warning
  // that it is one; a range (5-10万) is no figure and stays refused.
  std::string text = s, approximate;
  for (std::string_view w : {"大约", "大概", "预计", "估计", "约"}) {
    if (text.size() > w.size() && text.starts_with(w)) {
      approximate = w;
      text = trim_text(text.substr(w.size()));
      break;
    }
  }
  for (std::string_view w : {"及以上", "以上", "以下", "以内", "左右", "上下"}) {
    if (text.size() > w.size() && text.ends_with(w)) {
      approximate = w;
      text = trim_text(text.substr(0, text.size() - w.size()));
      break;
    }
  }
  if (unit == "万元" && text.size() > 1 && (text.back() == 'W' || text.back() == 'w') &&
      text[text.size() - 2] >= '0' && text[text.size() - 2] <= '9') {
    text = text.substr(0, text.size() - 1) + "万";  // 5W: the shorthand of 5万
  }
  bool suffixed = false;
  for (const auto& suffix : suffixes) {
    if (text.size() > suffix.size() && text.ends_with(suffix)) {
      text.resize(text.size() - suffix.size());
      suffixed = true;
      break;
    }
  }
  auto n = parse_written_number(text);
  std::string expected = name + "应为" + (unit == "人" ? "整数" : "数字") + "（" + unit + "）";
  if (!n) return fail(expected + "，实际为“" + s + "”");
  double v = n->value;
  if (unit == "万元" && (suffixed || n->large_unit)) v /= 1e4;
  if (v < 0)
    return fail(name + "应为不小于0的" + (unit == "人" ? "整数" : "数字") + "（" + unit + "）");
  if (v > kLargestAmount) return fail(name + "数值过大（" + unit + "），实际为“" + s + "”");
  if (unit == "人" && v != static_cast<double>(static_cast<int64_t>(v))) {
    return fail(expected + "，实际为“" + s + "”");
  }
  auto whole = static_cast<int64_t>(v + 0.5);
  if (approximate.empty()) return FieldValue{whole, {}, {}};
  return FieldValue{whole, {}, {"“" + s + "”按" + std::to_string(whole) + unit + "记录"}};
}

// The values Excel and WPS show in a cell whose formula broke (#N/A, a lookup that found
// nothing, is a blank word instead): the value the sheet meant is lost there.
bool is_formula_error(const std::string& s) {
  static const std::vector<std::string> errors = {"#REF!",  "#VALUE!", "#DIV/0!", "#NAME?", "#NUM!",
                                                  "#NULL!", "#SPILL!", "#CALC!",  "#FIELD!"};
  return s.size() <= 8 && s.front() == '#' &&
         std::find(errors.begin(), errors.end(), s) != errors.end();
}

// A name without a letter of any script: digits and marks only (a phone or an ID number in the
// 姓名 column of a shifted row, a row number, "***").
bool lacks_letters(const std::string& s) {
  return std::none_of(s.begin(), s.end(), [](char c) {
    auto b = static_cast<unsigned char>(c);
    return b >= 0x80 || std::isalpha(b);
  });
}

}  // namespace

bool is_blank_word(const std::string& s) {
  static const std::vector<std::string> words = {
      "无", "暂无", "没有", "/",    "\\",   "-",    "--",   "—",   "——",  "－",   "不详",  "未知",
      "空", "空白", "待定", "面议", "待填", "NULL", "null", "N/A", "n/a", "#N/A", "不适用"};
  return s.size() <= 9 && std::find(words.begin(), words.end(), s) != words.end();
}

bool is_blank_cell(const Field* field, const std::string& raw) {
  // Most cells are longer than any blank word: answered without decoding them (every cell of an
  // import comes here). Edges that may be a wide space (U+3000, no-break, zero-width) are trimmed
  // properly.
  std::string_view v = raw;
  auto ascii_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!v.empty() && ascii_space(v.front())) v.remove_prefix(1);
  while (!v.empty() && ascii_space(v.back())) v.remove_suffix(1);
  if (v.empty()) return true;
  auto front = static_cast<unsigned char>(v.front()), back = static_cast<unsigned char>(v.back());
  bool wide_edge = front == 0xC2 || front == 0xE2 || front == 0xE3 || front == 0xEF ||
                   back == 0xA0 || back == 0x80 || back == 0x8B || back == 0xBF;
  if (!wide_edge && v.size() > 9) return false;
  std::string s = trim_text(raw);
  return s.empty() ||
         (is_blank_word(s) && (field == nullptr || !blank_word_means_something(*field, s)));
}

LabelUnit split_label_unit(const std::string& label) {
  for (auto [open, close] :
       {std::pair<std::string_view, std::string_view>{"（", "）"}, {"(", ")"}}) {
    auto at = label.rfind(open);
    if (at != std::string::npos && label.ends_with(close)) {
      size_t from = at + open.size();
      return {label.substr(0, at), label.substr(from, label.size() - close.size() - from)};
    }
  }
  return {label, ""};
}

std::string number_unit(const Field& field) {
  std::string unit = split_label_unit(field.label).unit;
  if (!unit.empty()) return unit;
  return field.label.ends_with("人数") ? "人" : "";
}

std::string cell_reason(const Field& field, const std::string& error) {
  std::string prefix = field.label + "：";
  return error.starts_with(prefix) && error.size() > prefix.size() ? error.substr(prefix.size())
                                                                   : error;
}

FieldValue normalize_text(const Field& field, const std::string& raw, const std::string& today) {
  std::string s = trim_text(raw);
  if (s.empty()) return FieldValue{store::Null{}, {}, {}};
  // U+FFFD stands where a sheet's bytes were no valid text (a damaged file, or rows of another
  // encoding pasted in): storing it would keep a name nobody can read or search.
  if (s.find("\xEF\xBF\xBD") != std::string::npos) {
    return fail(field.label +
                "含有无法识别的字符“\xEF\xBF\xBD”（多因表格文件损坏或混有其他编码），请改正后重试");
  }
  // A control character (BEL, NUL …) shows as nothing or a box, and cuts the text short in
  // some readers: it comes from a damaged file or a paste from another system.
  if (has_control(s)) {
    return fail(field.label +
                "含有看不见的控制字符（多因表格文件损坏或从其他系统复制带入），请重新输入");
  }
  // Sheets write 无, /, 不详 or 待定 where they have nothing to say: a phone-less returnee is no
  // bad row, and 无 is no work place.
  if (is_blank_word(s) && !blank_word_means_something(field, s)) {
    return FieldValue{store::Null{}, {}, {}};
  }
  if (is_formula_error(s)) {
    return fail(field.label + "是表格公式的错误值“" + s +
                "”，原来的内容已丢失，请在表格中改正后重新填写");
  }
  switch (field.kind) {
    case FieldKind::personal_name:
      s = normalize_personal_name(s);
      if (lacks_letters(s)) {
        return fail(field.label + "“" + s + "”不像人名（没有汉字或字母），请核对是否填错了列");
      }
      [[fallthrough]];
    case FieldKind::text:
    case FieldKind::region:
      if (utf8_chars(s) > field.max_chars) {
        return fail(field.label + "过长：最多" + std::to_string(field.max_chars) + "个字符");
      }
      return FieldValue{s, {}, {}};
    case FieldKind::integer:
      return normalize_count(field, s);
    case FieldKind::flag: {
      if (auto yes = flag_word(s)) return FieldValue{int64_t{*yes}, {}, {}};
      return fail(field.label + "应填“是”或“否”，实际为“" + s + "”");
    }
    case FieldKind::date: {
      auto date = parse_written_date(s);
      if (!date) return fail(field.label + "应为日期，如 2026-02-01，实际为“" + s + "”");
      std::string iso = date->to_iso();
      if (iso > today && !field.future_dates) return fail(field.label + "不能晚于今天");
      return FieldValue{iso, {}, {}};
    }
    case FieldKind::id_number: {
      auto r = check_id_number(s, today_date(today));
      if (!r.valid) return fail(r.reason);
      return FieldValue{r.normalized, {}, r.warnings};
    }
    case FieldKind::phone: {
      auto r = check_phone(s);
      if (!r.valid) return fail(field.label + "：" + r.reason);
      return FieldValue{r.normalized, {}, {}};
    }
    case FieldKind::vocab:
    case FieldKind::vocab_list:
      return normalize_vocab(field, s, false);
    case FieldKind::industry_list:
    case FieldKind::region_list: {
      Field one = field;
      one.kind = field.kind == FieldKind::industry_list ? FieldKind::industry : FieldKind::region;
      one.max_chars = 12;
      std::string joined;
      for (const auto& item : split_list(s)) {
        FieldValue v = normalize_text(one, item, today);
        if (!v.ok()) return v;
        const std::string& code = std::get<std::string>(v.value);
        if (("," + joined + ",").find("," + code + ",") != std::string::npos) continue;
        if (utf8_chars(joined) + code.size() + 1 > field.max_chars) {
          return fail(field.label + "过长：最多" + std::to_string(field.max_chars) + "个字符");
        }
        joined += (joined.empty() ? "" : ",") + code;
      }
      if (joined.empty()) return FieldValue{store::Null{}, {}, {}};
      return FieldValue{joined, {}, {}};
    }
    case FieldKind::credit_code: {
      auto r = check_credit_code(s);
      if (!r.valid) return fail(r.reason);
      return FieldValue{r.normalized, {}, {}};
    }
    case FieldKind::industry:
      if (s.size() == 2 && std::isdigit(static_cast<unsigned char>(s[0])) &&
          std::isdigit(static_cast<unsigned char>(s[1]))) {
        return FieldValue{s, {}, {}};
      }
      if (s.size() == 1 && s[0] >= 'A' && s[0] <= 'T') return FieldValue{s, {}, {}};
      return fail(field.label + "应为国民经济行业分类代码（门类字母或两位大类代码）");
  }
  return fail("unknown field kind");
}

FieldValue normalize_json(const Field& field, const nlohmann::json& raw, const std::string& today) {
  if (raw.is_null()) return FieldValue{store::Null{}, {}, {}};
  switch (field.kind) {
    case FieldKind::integer:
      if (!raw.is_number_integer() || raw.get<int64_t>() < 0) {
        std::string unit = number_unit(field);
        return fail(bare_label(field) + "应为不小于0的整数" +
                    (unit.empty() ? "" : "（" + unit + "）"));
      }
      if (std::string unit = number_unit(field);
          !unit.empty() && raw.get<int64_t>() > kLargestAmount) {
        return fail(bare_label(field) + "数值过大（" + unit + "）");
      }
      return FieldValue{raw.get<int64_t>(), {}, {}};
    case FieldKind::flag:
      if (!raw.is_boolean()) return fail(field.label + "应为 true、false 或 null");
      return FieldValue{int64_t{raw.get<bool>()}, {}, {}};
    case FieldKind::industry_list:
    case FieldKind::region_list: {
      if (!raw.is_array()) return fail(field.label + "应为数组");
      std::string joined;
      for (const auto& item : raw) {
        if (!item.is_string()) return fail(field.label + "应为字符串数组");
        joined += (joined.empty() ? "" : ",") + item.get<std::string>();
      }
      return normalize_text(field, joined, today);
    }
    case FieldKind::vocab_list: {
      if (!raw.is_array()) return fail(field.label + "应为数组");
      std::string joined;
      for (const auto& item : raw) {
        if (!item.is_string()) return fail(field.label + "应为字符串数组");
        joined += (joined.empty() ? "" : "、") + item.get<std::string>();
      }
      auto out = normalize_vocab(field, trim_text(joined), true);
      if (out.ok() && !out.warnings.empty()) {
        return unknown_word(field, *field.vocab(), out.warnings.front());
      }
      return out;
    }
    case FieldKind::vocab: {
      if (!raw.is_string()) return fail(field.label + "应为字符串");
      std::string s = trim_text(raw.get<std::string>());
      if (s.empty()) return FieldValue{store::Null{}, {}, {}};
      return normalize_vocab(field, s, true);
    }
    default:
      if (!raw.is_string()) return fail(field.label + "应为字符串");
      return normalize_text(field, raw.get<std::string>(), today);
  }
}

nlohmann::json field_json(const Field& field, const store::Value& value) {
  if (std::holds_alternative<store::Null>(value)) {
    return is_list(field.kind) ? nlohmann::json::array() : nlohmann::json();
  }
  switch (field.kind) {
    case FieldKind::flag:
      return std::get<int64_t>(value) != 0;
    case FieldKind::integer:
      return std::get<int64_t>(value);
    case FieldKind::vocab_list:
    case FieldKind::industry_list:
    case FieldKind::region_list: {
      nlohmann::json arr = nlohmann::json::array();
      for (auto& k : split(std::get<std::string>(value), ',')) arr.push_back(k);
      return arr;
    }
    default:
      return std::get<std::string>(value);
  }
}

const Field* find_field(const std::vector<Field>& fields, const std::string& name) {
  for (const auto& f : fields) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

}  // namespace guiyan::core
