#include "rules/shipped_policies.h"

#include "rules/policy_reader.h"
#include "store/embedded.h"

namespace guiyan::rules {

namespace {
constexpr std::string_view kDir = "data/policies/";
constexpr std::string_view kParameters = "data/policies/parameters.toml";
}  // namespace

std::shared_ptr<const ParameterSet> shipped_parameters() {
  static const std::shared_ptr<const ParameterSet> shared = [] {
    auto text = store::embedded_file(kParameters);
    if (!text) return std::make_shared<const ParameterSet>();
    try {
      return std::make_shared<const ParameterSet>(
          read_parameters(toml_to_json(*text), "parameters"));
    } catch (const PolicyError& e) {
      throw PolicyError(std::string(kParameters) + " " + e.field(), e.what());
    }
  }();
  return shared;
}

std::vector<nlohmann::json> shipped_policy_definitions() {
  std::vector<nlohmann::json> out;
  for (auto name : store::embedded_names()) {
    if (!name.starts_with(kDir) || name == kParameters || !name.ends_with(".toml")) continue;
    if (name.substr(kDir.size()).find('/') != std::string_view::npos) continue;
    try {
      out.push_back(toml_to_json(*store::embedded_file(name)));
    } catch (const PolicyError& e) {
      throw PolicyError(std::string(name), e.what());
    }
  }
  return out;
}

}  // namespace guiyan::rules
