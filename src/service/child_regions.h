// The child regions a list or a statistic counts by, and which of them a record's region is in.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace guiyan::service {

// The code length that identifies a child of `region` in a record's region code: 6 below the
// province and a city, 9 below a county (townships), 12 below a township (villages).
size_t child_code_length(const std::string& region);

// The children of a region (items of region_children) and which of them a code lies in.
struct ChildRegions {
  // Takes the `items` array of region_children.
  explicit ChildRegions(const nlohmann::json& items);
  // The position of the child that `code` lies in, or -1 for none.
  int index_of(std::string_view code) const;
  std::vector<std::string> codes;
};

// [{code, name, count}] for each child (items of region_children) with counts[i].
nlohmann::json by_region_json(const nlohmann::json& children, const std::vector<int64_t>& counts);

}  // namespace guiyan::service
