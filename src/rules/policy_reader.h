// Reading policies and parameters from their data form: JSON as the API and the database keep
// it, or TOML as data/policies/ ships it (converted to the same JSON first).
#pragma once

#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <string_view>

#include "rules/parameter.h"
#include "rules/policy.h"

namespace guiyan::rules {

// A policy or parameter that cannot be read: `field` is the JSON path ("conditions[2].rule"),
// the message is Chinese.
class PolicyError : public std::runtime_error {
 public:
  PolicyError(std::string field, const std::string& message)
      : std::runtime_error(message), field_(std::move(field)) {}
  const std::string& field() const { return field_; }

 private:
  std::string field_;
};

// TOML text as JSON (dates become "YYYY-MM-DD" strings); throws PolicyError naming the line.
nlohmann::json toml_to_json(std::string_view toml_text);

// The parameters of a {"NAME": {"label","unit","values":[{"from","region","value","source"}]}}
// object; throws PolicyError.
ParameterSet read_parameters(const nlohmann::json& parameters, const std::string& path);

// A policy from its JSON definition (docs/rules.md lists the keys), its rules compiled against
// its own parameters and `shared` (which the policy keeps); throws PolicyError.
Policy read_policy(const nlohmann::json& definition, std::shared_ptr<const ParameterSet> shared);

// The policy kinds a definition may name (场租补贴, 贷款贴息 …).
const std::vector<std::string>& policy_kinds();

}  // namespace guiyan::rules
