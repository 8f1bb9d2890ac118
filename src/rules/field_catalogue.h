// The fields a policy rule may read about its subject (a person, a venture and its founder, a
// guaranteed loan and its borrower), each with its type and the Chinese name a trace shows.
// docs/rules.md lists them; services fill them from the records (rules/situation.h).
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rules/value.h"

namespace guiyan::rules {

struct FieldDef {
  std::string_view name;   // "venture.registered_on"
  Type type;               // its static type
  std::string_view label;  // "注册登记日期"
  // For coded texts: each code and the Chinese word a trace shows for it.
  std::span<const std::pair<std::string_view, std::string_view>> choices;
};

// Every field, in a fixed order: a field's slot in a Situation is its index here.
std::span<const FieldDef> fields();

// The slot of the field named `name`, or nullopt when there is no such field.
std::optional<size_t> field_slot(std::string_view name);

// The field of a slot; `slot` must be below fields().size().
const FieldDef& field_at(size_t slot);

// The value as a trace shows it for this field (a coded text becomes its Chinese word).
std::string display_field(const FieldDef& field, const Value& value);

// The field prefixes a subject kind provides: "person" gives person.*; "venture" gives venture.*
// and founder.*; "loan" gives loan.* and borrower.*. `today` is always given.
bool field_belongs_to(std::string_view field, std::string_view subject);

}  // namespace guiyan::rules
