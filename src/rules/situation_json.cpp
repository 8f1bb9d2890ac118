#include "rules/situation_json.h"

#include <stdexcept>

namespace guiyan::rules {

namespace {
Value value_for(const FieldDef& def, const nlohmann::json& v, const std::string& name) {
  if (v.is_null()) return {};
  auto wrong = [&]() {
    return std::invalid_argument("字段“" + name + "”应为" + type_name(def.type));
  };
  switch (def.type) {
    case Type::boolean:
      if (!v.is_boolean()) throw wrong();
      return Value::of(v.get<bool>());
    case Type::number:
      if (!v.is_number()) throw wrong();
      return Value::of(v.get<double>());
    case Type::text:
      if (!v.is_string()) throw wrong();
      return Value::of(v.get<std::string>());
    case Type::date: {
      auto d = v.is_string() ? core::Date::parse_iso(v.get<std::string>()) : std::nullopt;
      if (!d) throw std::invalid_argument("字段“" + name + "”应为日期 YYYY-MM-DD");
      return Value::of(*d);
    }
  }
  return {};
}
}  // namespace

Situation situation_from_json(const nlohmann::json& j) {
  Situation s;
  if (!j.is_object()) throw std::invalid_argument("情形应为对象");
  for (const char* subject : {"person", "venture", "founder", "loan", "borrower"}) {
    auto it = j.find(subject);
    if (it == j.end()) continue;
    if (!it->is_object()) throw std::invalid_argument(std::string(subject) + " 应为对象");
    for (const auto& [key, value] : it->items()) {
      std::string name = std::string(subject) + "." + key;
      auto slot = field_slot(name);
      if (!slot) throw std::invalid_argument("未知字段“" + name + "”");
      s.values[*slot] = value_for(field_at(*slot), value, name);
    }
  }
  if (auto it = j.find("awards"); it != j.end()) {
    if (!it->is_array()) throw std::invalid_argument("awards 应为列表");
    for (const auto& a : *it) {
      auto policy = a.value("policy", std::string());
      auto on = core::Date::parse_iso(a.value("on", std::string()));
      if (policy.empty() || !on) {
        throw std::invalid_argument("awards 的每一项应有 policy 和日期 on");
      }
      s.awards.push_back({policy, *on});
    }
  }
  return s;
}

}  // namespace guiyan::rules
