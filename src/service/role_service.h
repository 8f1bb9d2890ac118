// Use cases for roles: permissions plus a data scope; built-in roles cannot change.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "service/principal.h"
#include "store/db.h"

namespace guiyan::service {

struct RoleInput {
  std::optional<std::string> key;  // only on create
  std::optional<std::string> name;
  std::optional<std::string> data_scope;
  std::optional<std::vector<std::string>> regions;
  std::optional<std::vector<std::string>> permissions;
};

// {"items":[Role]} (role:read).
nlohmann::json list_roles(store::Db& db, const Principal& p);
// Creates a role (role:write); 400 for an unknown permission/scope/region, 409 for a used key.
nlohmann::json create_role(store::Db& db, const Principal& p, const RoleInput& in);
// Changes a role that is not built in (role:write).
nlohmann::json update_role(store::Db& db, const Principal& p, int64_t id, const RoleInput& in);
// Deletes a role that is not built in and that no account holds (role:write).
void delete_role(store::Db& db, const Principal& p, int64_t id);
// {"items":[{key,name,group}]} (role:read).
nlohmann::json permission_list(const Principal& p);

}  // namespace guiyan::service
