// The fixture of a suite with a server of its own (its records would otherwise count in the shared
// server's figures and lists): the suite's SetUpTestSuite creates `server`, adds its accounts and
// starts it; its TearDownTestSuite clears `tokens` and resets `server`. Requests are signed in as
// one of the accounts, each logged in once.
#pragma once

#include <map>
#include <memory>
#include <stdexcept>
#include <string>

#include "api/api_env.h"

namespace guiyan::testing {

class OwnServerSuite : public ::testing::Test {
 protected:
  static HttpClient client() { return HttpClient(server->port()); }
  // A session token of one of the suite's accounts.
  static std::string tok(const std::string& user) {
    auto it = tokens.find(user);
    if (it != tokens.end()) return it->second;
    auto r = client().post("/api/v1/auth/login", {{"username", user}, {"password", kPassword}});
    if (r.status != 200) throw std::runtime_error("login failed for " + user + ": " + r.body);
    return tokens[user] = r.json()["token"].get<std::string>();
  }
  static HttpResult get(const std::string& user, const std::string& path) {
    return client().get(path, tok(user));
  }
  static HttpResult post(const std::string& user, const std::string& path,
                         const nlohmann::json& body) {
    return client().post(path, body, tok(user));
  }
  static HttpResult patch(const std::string& user, const std::string& path,
                          const nlohmann::json& body) {
    return client().patch(path, body, tok(user));
  }
  static HttpResult put(const std::string& user, const std::string& path,
                        const nlohmann::json& body) {
    return send("PUT", user, path, body.dump());
  }
  static HttpResult del(const std::string& user, const std::string& path) {
    return send("DELETE", user, path);
  }
  // Any method with a raw body (JSON text, or a sheet's bytes).
  static HttpResult send(const std::string& method, const std::string& user,
                         const std::string& path, const std::string& body = "") {
    return client().request(
        method, path, body,
        {"Authorization: Bearer " + tok(user), "Content-Type: application/json"});
  }

  static inline std::unique_ptr<ServerProcess> server;
  static inline std::map<std::string, std::string> tokens;
};

}  // namespace guiyan::testing
