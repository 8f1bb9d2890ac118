// Use cases for accounts: list, read, create, change, password, unlock — checked and audited.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "service/principal.h"
#include "store/db.h"
#include "store/user_repo.h"

namespace guiyan::service {

struct NewUser {
  std::string username;
  std::string display_name;
  std::string password;
  std::optional<int64_t> department_id;
  std::string region_code;
  std::vector<std::string> roles;
};

struct UserChange {
  std::optional<std::string> display_name;
  std::optional<int64_t> department_id;
  std::optional<std::string> region_code;
  std::optional<bool> disabled;
  std::optional<std::vector<std::string>> roles;
};

struct UserQuery {
  std::string q;  // part of username or display name
  std::string region;
  std::optional<int64_t> department_id;
  int64_t limit = 50;
  int64_t offset = 0;
};

// The API shape of an account (status derived from disabled/locked_until at `now_iso`).
nlohmann::json user_json(const store::UserRecord& u, const std::string& now_iso);

// Accounts in the principal's scope that match the query (needs user:read).
nlohmann::json list_users(store::Db& db, const Principal& p, const UserQuery& q);

// The staff a record can be assigned to as its case worker (服务专员): enabled accounts in the
// principal's scope whose roles may write people, merchants or projects, matching `q` (name or
// username), by name; at most `limit`. For anyone who may write those records themselves:
// {"items":[{"id","display_name","department_name","region_code"}]}.
nlohmann::json list_case_workers(store::Db& db, const Principal& p, const std::string& q,
                                 int64_t limit);

// One account in scope (needs user:read); 404 when absent or out of scope.
store::UserRecord get_user(store::Db& db, const Principal& p, int64_t id);

// Creates an account. `by` is the signed-in creator (needs user:write, and user:grant when
// roles are given; region and department within its scope) or null for the operator's command
// line. Throws ApiError 400/403/409 with Chinese messages.
store::UserRecord create_user(store::Db& db, const Actor& actor, const Principal* by,
                              const NewUser& u);

// Changes an account (roles need user:grant, other fields user:write); ends its sessions when
// disabled.
store::UserRecord update_user(store::Db& db, const Principal& p, int64_t id, const UserChange& c);

// Sets a new password (policy checked) and ends the account's sessions. `by` as for create_user.
void set_password(store::Db& db, const Actor& actor, const Principal* by, int64_t id,
                  const std::string& password);

// Clears a lockout (user:write).
store::UserRecord unlock_user(store::Db& db, const Principal& p, int64_t id);

// The id of the account with this username, or nullopt.
std::optional<int64_t> user_id_by_name(store::Db& db, const std::string& username);

}  // namespace guiyan::service
