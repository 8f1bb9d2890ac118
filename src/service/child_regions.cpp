#include "service/child_regions.h"

#include "service/data_scope.h"

namespace guiyan::service {

size_t child_code_length(const std::string& region) {
  if (region.size() == 6) return region.substr(2) == "0000" || region.substr(4) == "00" ? 6 : 9;
  return 12;
}

ChildRegions::ChildRegions(const nlohmann::json& items) {
  for (const auto& child : items) codes.push_back(child["code"]);
}

int ChildRegions::index_of(std::string_view code) const {
  for (size_t i = 0; i < codes.size(); ++i) {
    if (region_within(code, codes[i])) return static_cast<int>(i);
  }
  return -1;
}

nlohmann::json by_region_json(const nlohmann::json& children, const std::vector<int64_t>& counts) {
  nlohmann::json out = nlohmann::json::array();
  for (size_t i = 0; i < counts.size(); ++i) {
    out.push_back(
        {{"code", children[i]["code"]}, {"name", children[i]["name"]}, {"count", counts[i]}});
  }
  return out;
}

}  // namespace guiyan::service
