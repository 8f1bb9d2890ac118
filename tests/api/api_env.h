// One real server shared by the API tests of a binary run, with accounts in a city and two of
// its counties (荆州市 421000, 公安县 421022, 监利市 421088).
#pragma once

#include <gtest/gtest.h>

#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <thread>

#include "support/http_client.h"
#include "support/server_process.h"

namespace guiyan::testing {

inline const std::string kPassword = "Guiyan#2026";

// Logs `user` in (password kPassword) on the server `c` talks to; its session token. Throws when
// the login is refused.
inline std::string token_of(HttpClient& c, const std::string& user) {
  auto r = c.post("/api/v1/auth/login", {{"username", user}, {"password", kPassword}});
  if (r.status != 200) throw std::runtime_error("login " + user + ": " + r.body);
  return r.json()["token"];
}

// Every byte of `q` percent-encoded, for a query parameter.
inline std::string url_encode(const std::string& q) {
  std::string enc;
  for (unsigned char c : q) {
    char buf[4];
    std::snprintf(buf, sizeof buf, "%%%02X", c);
    enc += buf;
  }
  return enc;
}

// The rows of an import report (.xlsx) at `path` as "ROW COLUMN: REASON" lines, one per issue.
std::string report_lines(const std::string& path);

// "" when the running tally of people (person_tally, kept by triggers) agrees with a count of
// the person records themselves in the database at `db_url`; otherwise the first difference.
std::string tally_mismatch(const std::string& db_url);

// How many people's search tokens do not end with the region suffix migration 010 appends in
// SQL to records saved before it (the C++ write path must produce the same).
int64_t region_token_mismatches(const std::string& db_url);

class ApiEnv {
 public:
  // The shared server, started on first use.
  static ApiEnv& get();
  // A second server with the same accounts for the policy suites: the people and ventures they
  // register would otherwise count in the people suite's city-wide statistics.
  static ApiEnv& policies();
  ServerProcess& server() { return *server_; }
  HttpClient client() { return HttpClient(server_->port()); }
  // A session token for one of the fixture accounts (logged in once, then reused).
  std::string token(const std::string& username);
  // Logs in and returns the raw result.
  HttpResult login(const std::string& username, const std::string& password);

 private:
  ApiEnv();
  std::unique_ptr<ServerProcess> server_;
  std::map<std::string, std::string> tokens_;
};

// Requests signed in as one of the fixture accounts, on the shared server or on `env`.
inline HttpResult get_as(const std::string& user, const std::string& path,
                         ApiEnv& env = ApiEnv::get()) {
  return env.client().get(path, env.token(user));
}
inline HttpResult post_as(const std::string& user, const std::string& path,
                          const nlohmann::json& body, ApiEnv& env = ApiEnv::get()) {
  return env.client().post(path, body, env.token(user));
}
inline HttpResult put_as(const std::string& user, const std::string& path,
                         const nlohmann::json& body, ApiEnv& env = ApiEnv::get()) {
  return env.client().request(
      "PUT", path, body.dump(),
      {"Authorization: Bearer " + env.token(user), "Content-Type: application/json"});
}
inline HttpResult patch_as(const std::string& user, const std::string& path,
                           const nlohmann::json& body, ApiEnv& env = ApiEnv::get()) {
  return env.client().patch(path, body, env.token(user));
}

// Uploads `bytes` as an import job (`query`: "kind=people&filename=a.xlsx&dry_run=true" …) and
// waits until it is done or failed; returns the job. Throws when the upload is refused or the job
// does not end within a minute.
inline nlohmann::json run_import(HttpClient& c, const std::string& token, const std::string& query,
                                 const std::string& bytes) {
  auto queued =
      c.request("POST", "/api/v1/imports?" + query, bytes,
                {"Authorization: Bearer " + token, "Content-Type: application/octet-stream"});
  if (queued.status != 202) throw std::runtime_error("upload refused: " + queued.body);
  std::string id = std::to_string(queued.json()["id"].get<int64_t>());
  for (int i = 0; i < 1200; ++i) {
    auto j = c.get("/api/v1/imports/" + id, token).json();
    if (j["status"] == "done" || j["status"] == "failed") return j;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  throw std::runtime_error("import " + id + " did not finish");
}

}  // namespace guiyan::testing
