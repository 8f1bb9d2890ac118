// The server the policy suites (policies, applications, 政策找人) share, apart from the main one:
// the people and ventures they register would otherwise count in the people suite's city-wide
// statistics. Requests on it signed in as one of its fixture accounts.
#pragma once

#include "api/api_env.h"

namespace guiyan::testing {

inline ApiEnv& policy_env() {
  return ApiEnv::policies();
}
inline HttpResult policy_get(const std::string& user, const std::string& path) {
  return get_as(user, path, policy_env());
}
inline HttpResult policy_post(const std::string& user, const std::string& path,
                              const nlohmann::json& body) {
  return post_as(user, path, body, policy_env());
}
inline HttpResult policy_put(const std::string& user, const std::string& path,
                             const nlohmann::json& body) {
  return put_as(user, path, body, policy_env());
}
inline HttpResult policy_patch(const std::string& user, const std::string& path,
                               const nlohmann::json& body) {
  return patch_as(user, path, body, policy_env());
}

}  // namespace guiyan::testing
