// SQL for accounts (table app_user) and their roles.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/db.h"

namespace guiyan::store {

struct UserRecord {
  int64_t id = 0;
  std::string username;
  std::string display_name;
  std::optional<int64_t> department_id;
  std::string department_name;
  std::string region_code;
  std::string region_name;
  bool disabled = false;
  std::optional<std::string> locked_until;
  std::string created_at;
  std::vector<std::string> roles;  // role keys
};

// One account by id, or nullopt.
std::optional<UserRecord> find_user(Conn& c, int64_t id);

// Accounts matching `where` (SQL over alias u, with its params), ordered by id, a page of them;
// `total` receives the count of all matches.
std::vector<UserRecord> list_users(Conn& c, const std::string& where, const Params& params,
                                   int64_t limit, int64_t offset, int64_t* total);

// Inserts an account and returns its id.
int64_t insert_user(Conn& c, const UserRecord& u, const std::string& password_hash,
                    const std::string& now);

// Replaces the account's roles with the given keys; throws DbError when a key is unknown.
void set_user_roles(Conn& c, int64_t user_id, const std::vector<std::string>& role_keys);

// The id of the role with this key, or nullopt.
std::optional<int64_t> role_id_by_key(Conn& c, const std::string& key);

}  // namespace guiyan::store
