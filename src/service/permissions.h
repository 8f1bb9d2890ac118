// The catalogue of permissions roles are built from.
#pragma once

#include <string>
#include <vector>

namespace guiyan::service {

struct PermissionInfo {
  std::string key;    // resource:action
  std::string name;   // Chinese label
  std::string group;  // Chinese group label
};

// Every permission the program checks, in display order.
const std::vector<PermissionInfo>& permission_catalog();

// True when `key` is in the catalogue.
bool is_known_permission(const std::string& key);

}  // namespace guiyan::service
