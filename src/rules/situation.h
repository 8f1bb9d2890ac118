// What the rules know of one subject on one date: a value (possibly unknown) for every field of
// the catalogue, and the awards the subject has already received.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "rules/field_catalogue.h"
#include "rules/value.h"

namespace guiyan::rules {

struct Award {
  std::string policy;  // the policy's code
  core::Date on;       // the date it was approved or granted
};

struct Situation {
  std::vector<Value> values = std::vector<Value>(fields().size());
  std::vector<Award> awards;

  // Sets a field by name; throws std::invalid_argument naming an unknown field or a value of
  // the wrong type (an unknown value fits any field).
  void set(std::string_view field, Value value);
  // The value of a slot (see field_slot()).
  const Value& at(size_t slot) const { return values[slot]; }
};

}  // namespace guiyan::rules
