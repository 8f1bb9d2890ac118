// Starts the real guiyan binary on a free loopback port with a fresh database, for API tests.
#pragma once

#include <string>
#include <vector>

#include "auth/password.h"

namespace guiyan::testing {

class ServerProcess {
 public:
  // Creates a temporary folder and database (migrated): SQLite, or a new database on the test
  // PostgreSQL server when GUIYAN_TEST_DB=postgresql; a copy of one `guiyan migrate` made once per
  // test process. Does not start serving yet.
  ServerProcess();
  // Uses an existing database (another ServerProcess's), so two servers share it.
  explicit ServerProcess(std::string db_url);
  // Stops the server (SIGTERM) and removes the folder.
  ~ServerProcess();
  // Runs `guiyan ARGS --db URL` to completion, feeding `input` on standard input; returns the exit
  // status and puts standard output into *out when given.
  int cli(const std::vector<std::string>& args, const std::string& input = "",
          std::string* out = nullptr) const;
  // Creates an account through the command line.
  void add_user(const std::string& name, const std::string& role, const std::string& region,
                const std::string& department, const std::string& password) const;
  // Starts `guiyan serve` and waits until /api/v1/health answers.
  void start(const std::vector<std::string>& extra_args = {});
  // Sends SIGTERM and waits for the process; returns its exit status.
  int stop();
  // Sends SIGTERM without waiting.
  void signal_stop();
  // Waits for the process to exit; returns its exit status.
  int wait();
  int port() const { return port_; }
  const std::string& db_url() const { return db_url_; }
  const std::string& dir() const { return dir_; }

 private:
  std::string dir_;
  std::string db_url_;
  int port_ = 0;
  int pid_ = -1;
};

// auth::kTestHashVariable (cheap password hashes) is set for every guiyan process the tests start
// (server_process.cpp sets it when the test binary loads): a run of the API suite creates ~300
// accounts and signs in ~200 times, and each hash or check at the real cost took ~0.2 s of a
// core, 45% of the suite's CPU time (measured 2026-12-07).
using auth::kTestHashVariable;

// While one lives, guiyan processes started by this test hash at the real cost.
class RealPasswordCost {
 public:
  RealPasswordCost();
  ~RealPasswordCost();
  RealPasswordCost(const RealPasswordCost&) = delete;
  RealPasswordCost& operator=(const RealPasswordCost&) = delete;
};

// Runs the guiyan binary with exactly `args`; standard output and error go to *out.
int run_guiyan(const std::vector<std::string>& args, const std::string& input = "",
               std::string* out = nullptr);

// True in an AddressSanitizer build, where the server runs several times slower: tests that
// need a long-running import use fewer rows there.
constexpr bool sanitized_build() {
#ifdef __SANITIZE_ADDRESS__
  return true;
#else
  return false;
#endif
}

// A TCP port on loopback_host() that nothing listens on right now.
int free_port();

}  // namespace guiyan::testing
