// The policies shipped with the product (data/policies/*.toml, compiled into the binary) and the
// parameters they share (data/policies/parameters.toml).
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "rules/parameter.h"

namespace guiyan::rules {

// The shared parameters (LPR …); throws PolicyError when the shipped file is malformed.
std::shared_ptr<const ParameterSet> shipped_parameters();

// Each shipped policy's definition as JSON, by file name order; throws PolicyError naming the
// file when one cannot be read.
std::vector<nlohmann::json> shipped_policy_definitions();

}  // namespace guiyan::rules
