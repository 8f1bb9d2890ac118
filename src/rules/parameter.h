// Policy parameters as dated data (after OpenFisca): an amount or a rate keeps every value it has
// had, each from a date and for a region and the regions below it; a value the source leaves out
// (略) is kept as an entry without a value, and rules then answer "unknown".
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "rules/value.h"

namespace guiyan::rules {

struct ParameterValue {
  core::Date from;     // in force from this date
  std::string region;  // for this region code and the regions below it; "" for everywhere
  Value value;         // unknown when the source does not publish it
  std::string source;  // where the value comes from (document, notice)
};

struct Parameter {
  std::string name;   // "amount_yuan", "lpr_1y"
  std::string label;  // "补贴金额"
  std::string unit;   // "元", "%"
  std::vector<ParameterValue> values;

  // The entry in force on `on` for a subject in `region`: of the entries whose region is empty or
  // a prefix of `region` and whose date is not after `on`, the one of the longest region, then
  // the latest date; nullptr when none applies.
  const ParameterValue* at(core::Date on, std::string_view region) const;
};

// Parameters by name.
using ParameterSet = std::map<std::string, Parameter, std::less<>>;

}  // namespace guiyan::rules
