#include "service/sheet_headers.h"

#include <algorithm>

#include "core/text.h"

namespace guiyan::service {
namespace {

// A unit of money a 万元 field converts from when a header gives it: 元, 千元, 亿元 or 亿.
bool yuan_unit(const std::string& unit) {
  return unit == "元" || unit == "千元" || unit == "亿元" || unit == "亿";
}

}  // namespace

std::string clean_header(const std::string& h) {
  std::string s = core::encode_utf8(core::trim(core::decode_folded(h)));
  std::string out;
  for (char c : s) {
    if (c != ' ' && c != '*') out += c;  // "*姓名" marks required columns in many templates
  }
  return out;
}

std::string header_field(const std::vector<core::Field>& fields,
                         const std::map<std::string, std::string>& words,
                         const std::string& header) {
  std::string h = clean_header(header);
  if (h.empty()) return {};
  auto lookup = [&](const std::string& key) -> std::string {
    for (const auto& f : fields) {
      if (clean_header(f.label) == key) return f.name;  // "（万元）" in a label reads as "(万元)"
      // "意向投资上限" is "意向投资上限（万元）" without its unit.
      if (clean_header(core::split_label_unit(f.label).name) == key) return f.name;
    }
    auto it = words.find(key);
    return it == words.end() ? std::string{} : it->second;
  };
  std::string f = lookup(h);
  if (!f.empty()) return f;
  // "是否有创业意愿" for the yes/no field "有创业意愿", as forms ask their questions.
  if (h.starts_with("是否") && h.size() > std::string("是否").size()) {
    f = lookup(h.substr(std::string("是否").size()));
    for (const auto& field : fields) {
      if (field.name == f && field.kind == core::FieldKind::flag) return f;
    }
  }
  // "技能/特长", "文化程度/学历": alternatives naming one field.
  for (const char* sep : {"/", "、"}) {
    if (h.find(sep) == std::string::npos) continue;
    std::string one;
    size_t start = 0;
    bool agree = true;
    while (agree) {
      size_t end = h.find(sep, start);
      std::string part =
          h.substr(start, end == std::string::npos ? std::string::npos : end - start);
      std::string named = part.empty() ? "" : header_field(fields, words, part);
      if (!named.empty()) {
        agree = one.empty() || one == named;
        one = named;
      }
      if (end == std::string::npos) break;
      start = end + std::string_view(sep).size();
    }
    if (agree && !one.empty()) return one;
  }
  // "劳务品牌名称", "备注说明", "技能特长情况": a field's name with a word that adds nothing.
  for (const char* tail : {"名称", "说明", "情况", "信息", "内容"}) {
    std::string_view t = tail;
    if (h.size() > t.size() && h.ends_with(t)) {
      f = lookup(h.substr(0, h.size() - t.size()));
      if (!f.empty()) return f;
    }
  }
  // "目前状态", "当前进度", "现住址": the field as it stands now, which is what every field holds.
  for (const char* head : {"目前", "当前", "现在", "现"}) {
    std::string_view w = head;
    if (h.size() > w.size() && h.starts_with(w)) {
      f = lookup(h.substr(w.size()));
      if (!f.empty()) return f;
    }
  }
  auto pos = h.find('(');  // full-width brackets are folded by clean_header
  if (pos == std::string::npos || pos == 0) return {};
  f = lookup(h.substr(0, pos));
  if (f.empty()) return {};
  // "资金需求（元）" is the field "资金需求（万元）" in another unit: its sums are converted
  // (sum_in_unit). A sum of money where the field keeps none is not that field.
  std::string given = core::split_label_unit(h).unit, wanted;
  for (const auto& field : fields) {
    if (field.name == f) wanted = core::split_label_unit(field.label).unit;
  }
  bool money = given.find("元") != std::string::npos;
  if (money && !wanted.empty() && given != wanted && !(wanted == "万元" && yuan_unit(given))) {
    return {};
  }
  return f;
}

std::string header_money_unit(const std::string& header) {
  std::string unit = core::split_label_unit(clean_header(header)).unit;
  return yuan_unit(unit) ? unit : std::string();
}

std::vector<std::string> header_money_units(const std::vector<std::string>& headers) {
  std::vector<std::string> out;
  for (const auto& h : headers) out.push_back(header_money_unit(h));
  return out;
}

std::string sum_in_unit(const core::Field& field, const std::string& cell,
                        const std::string& unit) {
  if (unit.empty() || core::number_unit(field) != "万元") return cell;
  std::string text = clean_header(cell);
  bool bare = !text.empty() && text.find_first_not_of("0123456789.,") == std::string::npos;
  return bare ? text + unit : cell;
}

std::optional<std::vector<std::string>> two_row_header(const std::vector<std::string>& first,
                                                       const std::vector<std::string>& second,
                                                       FieldOf field_of) {
  std::vector<std::string> out = first;
  out.resize(std::max(first.size(), second.size()));
  int named = 0;
  bool adds = false;
  for (size_t i = 0; i < out.size(); ++i) {
    std::string above = i < first.size() ? clean_header(first[i]) : "";
    std::string below = i < second.size() ? clean_header(second[i]) : "";
    std::string field_above = above.empty() ? "" : field_of(above);
    std::string field_below = below.empty() ? "" : field_of(below);
    named += !field_above.empty();
    if (below.empty() || below == above) continue;  // merged down, or nothing below
    if (!field_above.empty() && field_below.empty()) return std::nullopt;  // a value: data
    if (!field_below.empty() && field_below != field_above) adds = true;
    if (!field_below.empty() || field_above.empty()) out[i] = second[i];
  }
  if (named < 2 || !adds) return std::nullopt;
  return out;
}

std::vector<ImportIssue> read_region_code_column(std::vector<std::string>& fields,
                                                 const std::vector<std::string>& headers,
                                                 const std::string& field) {
  std::vector<ImportIssue> issues;
  size_t code = fields.size();
  for (size_t i = 0; i < fields.size() && i < headers.size(); ++i) {
    if (fields[i] == field && clean_header(headers[i]).find("代码") != std::string::npos) {
      code = i;
      break;
    }
  }
  if (code == fields.size()) return issues;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i == code || fields[i] != field) continue;
    fields[i].clear();
    issues.push_back({0, i < headers.size() ? headers[i] : "", "",
                      "已按“" + clean_header(headers[code]) + "”列读取，此列未读取"});
  }
  return issues;
}

}  // namespace guiyan::service
