#include "rules/policy_reader.h"

#include <toml++/toml.h>

#include <algorithm>
#include <cctype>
#include <sstream>

namespace guiyan::rules {
namespace {

const nlohmann::json* member(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it == j.end() || it->is_null() ? nullptr : &*it;
}

std::string text(const nlohmann::json& j, const char* key, const std::string& path, bool required) {
  const auto* v = member(j, key);
  if (!v) {
    if (required) throw PolicyError(path + key, std::string("缺少“") + key + "”");
    return {};
  }
  if (!v->is_string()) throw PolicyError(path + key, std::string("“") + key + "”应为文本");
  return v->get<std::string>();
}

core::Date date(const nlohmann::json& v, const std::string& field) {
  auto d = v.is_string() ? core::Date::parse_iso(v.get<std::string>()) : std::nullopt;
  if (!d) throw PolicyError(field, "日期应写作 YYYY-MM-DD");
  return *d;
}

void one_of(const std::string& value, std::initializer_list<const char*> allowed,
            const std::string& field) {
  std::string list;
  for (const char* a : allowed) {
    if (value == a) return;
    list += list.empty() ? a : std::string("、") + a;
  }
  throw PolicyError(field, "“" + value + "”不是可选值（" + list + "）");
}

Expression compile(const std::string& rule, const ParameterScope& scope, const std::string& subject,
                   const std::string& field) {
  try {
    return Expression::compile(rule, scope, subject);
  } catch (const RuleError& e) {
    throw PolicyError(field, std::string("规则“") + rule + "”" + e.what());
  }
}

}  // namespace

nlohmann::json toml_to_json(std::string_view toml_text) {
  toml::table table;
  try {
    table = toml::parse(toml_text);
  } catch (const toml::parse_error& e) {
    throw PolicyError(
        "", "第" + std::to_string(e.source().begin.line) + "行：" + std::string(e.description()));
  }
  std::ostringstream out;
  out << toml::json_formatter{table};
  return nlohmann::json::parse(out.str());
}

ParameterSet read_parameters(const nlohmann::json& parameters, const std::string& path) {
  ParameterSet set;
  if (!parameters.is_object()) throw PolicyError(path, "参数应为对象");
  for (const auto& [name, def] : parameters.items()) {
    std::string at = path + "." + name + ".";
    if (!def.is_object()) throw PolicyError(path + "." + name, "参数应为对象");
    Parameter p;
    p.name = name;
    p.label = text(def, "label", at, true);
    p.unit = text(def, "unit", at, false);
    const auto* values = member(def, "values");
    if (!values || !values->is_array()) throw PolicyError(at + "values", "缺少取值列表 values");
    for (size_t i = 0; i < values->size(); ++i) {
      const auto& v = (*values)[i];
      std::string vat = at + "values[" + std::to_string(i) + "].";
      if (!v.is_object()) throw PolicyError(vat, "取值应为对象");
      ParameterValue pv;
      const auto* from = member(v, "from");
      if (!from) throw PolicyError(vat + "from", "缺少起始日期 from");
      pv.from = date(*from, vat + "from");
      pv.region = text(v, "region", vat, false);
      pv.source = text(v, "source", vat, false);
      if (const auto* value = member(v, "value")) {
        if (value->is_number()) {
          pv.value = Value::of(value->get<double>());
        } else if (value->is_boolean()) {
          pv.value = Value::of(value->get<bool>());
        } else if (value->is_string()) {
          pv.value = Value::of(value->get<std::string>());
        } else {
          throw PolicyError(vat + "value", "取值应为数值、是否或文本");
        }
      }
      p.values.push_back(std::move(pv));
    }
    set.emplace(name, std::move(p));
  }
  return set;
}

const std::vector<std::string>& policy_kinds() {
  static const std::vector<std::string> kinds{"场租补贴",     "贷款贴息", "社保补贴",    "创业补贴",
                                              "吸纳就业补贴", "培训补贴", "税费优惠",    "交通补贴",
                                              "项目扶持",     "园区扶持", "创业担保贷款"};
  return kinds;
}

Policy read_policy(const nlohmann::json& d, std::shared_ptr<const ParameterSet> shared) {
  if (!d.is_object()) throw PolicyError("", "政策定义应为对象");
  static const std::vector<std::string> kKeys{
      "code",       "name",       "kind",       "region",  "subject",       "award",      "period",
      "valid_from", "valid_to",   "summary",    "process", "agency",        "phone",      "source",
      "documents",  "parameters", "conditions", "amount",  "amount_is_cap", "amount_note"};
  for (const auto& [key, value] : d.items()) {
    if (std::find(kKeys.begin(), kKeys.end(), key) == kKeys.end()) {
      throw PolicyError(key, "未知的键“" + key + "”");
    }
  }
  Policy p;
  p.code = text(d, "code", "", true);
  for (char c : p.code) {
    if (!(std::islower(static_cast<unsigned char>(c)) ||
          std::isdigit(static_cast<unsigned char>(c)) || c == '_')) {
      throw PolicyError("code", "政策代码只能由小写字母、数字和下划线组成");
    }
  }
  if (p.code.empty()) throw PolicyError("code", "政策代码不能为空");
  p.name = text(d, "name", "", true);
  p.kind = text(d, "kind", "", true);
  const auto& kinds = policy_kinds();
  if (std::find(kinds.begin(), kinds.end(), p.kind) == kinds.end()) {
    throw PolicyError("kind", "“" + p.kind + "”不是政策类别");
  }
  p.region = text(d, "region", "", true);
  if (p.region.empty() || p.region.find_first_not_of("0123456789") != std::string::npos ||
      !p.region.starts_with("42")) {
    throw PolicyError("region", "发布地区应为湖北省内的行政区划代码");
  }
  p.subject = text(d, "subject", "", true);
  one_of(p.subject, {"person", "venture", "loan"}, "subject");
  p.award = text(d, "award", "", false);
  if (p.award.empty()) p.award = "application";
  one_of(p.award, {"application", "automatic", "selection"}, "award");
  p.period = text(d, "period", "", false);
  if (p.period.empty()) p.period = "none";
  one_of(p.period, {"once", "year", "none"}, "period");
  if (const auto* v = member(d, "valid_from")) p.valid_from = date(*v, "valid_from");
  if (const auto* v = member(d, "valid_to")) p.valid_to = date(*v, "valid_to");
  if (p.valid_from && p.valid_to && *p.valid_to < *p.valid_from) {
    throw PolicyError("valid_to", "有效期结束日期早于开始日期");
  }
  p.summary = text(d, "summary", "", false);
  p.process = text(d, "process", "", false);
  p.agency = text(d, "agency", "", false);
  p.phone = text(d, "phone", "", false);
  p.source = text(d, "source", "", false);
  p.amount_note = text(d, "amount_note", "", false);
  if (const auto* docs = member(d, "documents")) {
    if (!docs->is_array()) throw PolicyError("documents", "申请材料应为文本列表");
    for (const auto& item : *docs) {
      if (!item.is_string()) throw PolicyError("documents", "申请材料应为文本列表");
      p.documents.push_back(item.get<std::string>());
    }
  }
  auto own = std::make_shared<ParameterSet>();
  if (const auto* params = member(d, "parameters")) *own = read_parameters(*params, "parameters");
  p.parameters = own;
  p.shared_parameters = shared ? shared : std::make_shared<const ParameterSet>();
  ParameterScope scope{p.parameters.get(), p.shared_parameters.get()};
  const auto* conditions = member(d, "conditions");
  if (!conditions || !conditions->is_array() || conditions->empty()) {
    throw PolicyError("conditions", "至少需要一个条件");
  }
  for (size_t i = 0; i < conditions->size(); ++i) {
    const auto& c = (*conditions)[i];
    std::string at = "conditions[" + std::to_string(i) + "].";
    if (!c.is_object()) throw PolicyError(at, "条件应为对象（label、rule）");
    std::string label = text(c, "label", at, true);
    std::string rule = text(c, "rule", at, true);
    auto e = compile(rule, scope, p.subject, at + "rule");
    if (e.type() != Type::boolean) throw PolicyError(at + "rule", "条件的结果应为是否");
    p.conditions.push_back({std::move(label), std::move(e)});
  }
  if (const auto* amount = member(d, "amount")) {
    if (!amount->is_string()) throw PolicyError("amount", "金额规则应为文本");
    auto e = compile(amount->get<std::string>(), scope, p.subject, "amount");
    if (e.type() != Type::number) throw PolicyError("amount", "金额规则的结果应为数值（元）");
    p.amount = std::move(e);
  }
  if (const auto* cap = member(d, "amount_is_cap")) {
    if (!cap->is_boolean()) throw PolicyError("amount_is_cap", "amount_is_cap 应为 true 或 false");
    p.amount_is_cap = cap->get<bool>();
  }
  return p;
}

}  // namespace guiyan::rules
