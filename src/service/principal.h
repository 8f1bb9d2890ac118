// The signed-in account as services see it: identity, permissions and data scope.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace guiyan::service {

// One role's data scope: kind is all | regions | own_region | own_region_down | own_records | none.
struct ScopeGrant {
  std::string kind;
  std::vector<std::string> regions;  // for kind "regions": each region and below
};

struct Principal {
  int64_t user_id = 0;
  std::string username;
  std::string display_name;
  std::string region_code;
  std::optional<int64_t> department_id;
  std::vector<std::string> role_keys;
  std::set<std::string> permissions;  // union over the roles
  std::vector<ScopeGrant> scopes;     // one per role; the union applies
  std::string ip;                     // where the current request came from

  // True when one of the account's roles grants `permission`.
  bool can(const std::string& permission) const { return permissions.count(permission) > 0; }
};

// Who did something, for the audit log: an account, or the system/operator (user_id empty).
struct Actor {
  std::optional<int64_t> user_id;
  std::string username;
  std::string ip;
  // The actor for a signed-in account.
  static Actor of(const Principal& p) { return {p.user_id, p.username, p.ip}; }
  // The actor for the command line (an operator on the server machine).
  static Actor system(std::string what) { return {std::nullopt, std::move(what), "local"}; }
};

// Throws ApiError 403 unless the principal holds the permission.
void require(const Principal& p, const std::string& permission);

}  // namespace guiyan::service
