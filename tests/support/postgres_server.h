// A real PostgreSQL server for tests: initdb + pg_ctl in a temporary folder on a free loopback
// port, torn down at exit. Runs the server as the `postgres` user when the tests run as root.
#pragma once

#include <string>

namespace guiyan::testing {

class PostgresServer {
 public:
  // The one server of this test process, started on first use; throws when PostgreSQL's
  // programs are missing (install Debian's postgresql package).
  static PostgresServer& shared();
  // Creates a new database (C collation, UTF-8) as a copy of `template_name` (empty by default)
  // and returns its postgresql:// URL. A template must have no open connection.
  std::string create_database(const std::string& template_name = "template0");
  // Stops the server immediately (fast shutdown), as an outage would.
  void stop();
  // Starts it again on the same port and data folder.
  void start();
  ~PostgresServer();
  int port() const { return port_; }

 private:
  PostgresServer();
  int run(const std::string& command) const;
  std::string bin_;
  std::string dir_;
  int port_ = 0;
  bool as_postgres_user_ = false;
  int databases_ = 0;
};

// True when the test run asked for PostgreSQL (GUIYAN_TEST_DB=postgresql).
bool testing_on_postgres();

}  // namespace guiyan::testing
