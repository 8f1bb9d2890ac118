// One real server shared by the API tests of a binary run, with accounts in a city and two of
// its counties (荆州市 421000, 公安县 421022, 监利市 421088).
#pragma once

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>

#include "support/http_client.h"
#include "support/server_process.h"

namespace guiyan::testing {

inline const std::string kPassword = "Guiyan#2026";

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

}  // namespace guiyan::testing
