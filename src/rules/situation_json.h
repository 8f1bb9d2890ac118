// A situation written as JSON: {"person":{…},"venture":{…},"founder":{…},"loan":{…},
// "borrower":{…},"awards":[{"policy","on"}]}, field names as in the catalogue without their
// prefix, dates as "YYYY-MM-DD". Used by the policy test files and by "what if" evaluations.
#pragma once

#include <nlohmann/json.hpp>

#include "rules/situation.h"

namespace guiyan::rules {

// The situation the JSON describes; fields it leaves out are unknown. Throws
// std::invalid_argument (Chinese message naming the field) for an unknown field or a value of
// the wrong type. Keys other than the five subjects and "awards" are ignored.
Situation situation_from_json(const nlohmann::json& j);

}  // namespace guiyan::rules
