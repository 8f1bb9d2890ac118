#include "rules/situation.h"

#include <stdexcept>

namespace guiyan::rules {

namespace {
bool fits(const Value& value, Type type) {
  switch (type) {
    case Type::boolean:
      return value.is_bool();
    case Type::number:
      return value.is_number();
    case Type::text:
      return value.is_text();
    case Type::date:
      return value.is_date();
  }
  return false;
}
}  // namespace

void Situation::set(std::string_view field, Value value) {
  auto slot = field_slot(field);
  if (!slot) throw std::invalid_argument("未知字段“" + std::string(field) + "”");
  const auto& def = field_at(*slot);
  if (!value.unknown() && !fits(value, def.type)) {
    throw std::invalid_argument("字段“" + std::string(field) + "”应为" + type_name(def.type));
  }
  values[*slot] = std::move(value);
}

}  // namespace guiyan::rules
