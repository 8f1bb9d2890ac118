// Sign-in, sessions and lockout. All state lives in the database, so every server process
// sharing it gives the same answers.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "core/clock.h"
#include "service/principal.h"
#include "store/db.h"

namespace guiyan::service {

struct AuthSettings {
  std::chrono::minutes idle_timeout{30};  // a session unused this long expires
  std::chrono::hours max_lifetime{12};    // and any session after this long
  int max_failed_logins = 5;              // failures in a row that lock the account
  std::chrono::minutes lockout{15};
};

struct LoginResult {
  std::string token;
  std::string expires_at;
  Principal principal;
};

// Checks the password and opens a session. Throws ApiError 401 bad_credentials (unknown user
// or wrong password: one message, so existence does not leak), 423 account_locked, or 403
// account_disabled (only once the password was right). Failures and successes are audited.
LoginResult login(store::Db& db, const std::string& username, const std::string& password,
                  const std::string& ip, core::TimePoint now, const AuthSettings& settings);

// The principal of a live session token, or nullopt when unknown, expired or the account is
// disabled. Extends the idle deadline (written at most once a minute).
std::optional<Principal> authenticate(store::Db& db, const std::string& token,
                                      const std::string& ip, core::TimePoint now,
                                      const AuthSettings& settings);

// Ends the session of `token` (audited).
void logout(store::Db& db, const std::string& token, const Principal& who);

// Loads a user's identity, roles, permissions and scopes; nullopt when there is no such user.
std::optional<Principal> load_principal(store::Conn& c, int64_t user_id);

}  // namespace guiyan::service
