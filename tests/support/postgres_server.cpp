#include "support/postgres_server.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <stdexcept>

#include "support/loopback.h"
#include "support/server_process.h"

namespace guiyan::testing {
namespace {

std::string find_bin() {
  for (const auto& entry : std::filesystem::directory_iterator("/usr/lib/postgresql")) {
    auto bin = entry.path() / "bin";
    if (std::filesystem::exists(bin / "initdb")) return bin.string();
  }
  throw std::runtime_error("PostgreSQL is not installed (apt-get install postgresql)");
}

}  // namespace

bool testing_on_postgres() {
  const char* v = std::getenv("GUIYAN_TEST_DB");
  return v && std::string(v) == "postgresql";
}

PostgresServer& PostgresServer::shared() {
  static PostgresServer server;
  return server;
}

PostgresServer::PostgresServer() {
  bin_ = find_bin();
  as_postgres_user_ = geteuid() == 0;
  std::string tmpl = (std::filesystem::temp_directory_path() / "guiyan-pg-XXXXXX").string();
  dir_ = mkdtemp(tmpl.data());
  if (as_postgres_user_ && std::system(("chown postgres: '" + dir_ + "'").c_str()) != 0) {
    throw std::runtime_error("cannot give " + dir_ + " to the postgres user");
  }
  port_ = free_port();
  if (run("'" + bin_ + "/initdb' -D '" + dir_ +
          "/data' -A trust -U postgres -E UTF8 "
          "--locale=C >'" +
          dir_ + "/initdb.log' 2>&1") != 0) {
    throw std::runtime_error("initdb failed, see " + dir_ + "/initdb.log");
  }
  start();
}

PostgresServer::~PostgresServer() {
  run("'" + bin_ + "/pg_ctl' -D '" + dir_ + "/data' -m immediate stop >/dev/null 2>&1");
  std::error_code ec;
  std::filesystem::remove_all(dir_, ec);
}

int PostgresServer::run(const std::string& command) const {
  // initdb and postgres refuse to run as root: hand the command to the postgres user then.
  std::string cmd =
      (as_postgres_user_ ? "runuser -u postgres -- sh -c \"" : "sh -c \"") + command + "\"";
  return std::system(cmd.c_str());
}

void PostgresServer::start() {
  std::string opts = "-c listen_addresses=" + loopback_host() +
                     " -c port=" + std::to_string(port_) +
                     " -c unix_socket_directories='' -c fsync=off -c max_connections=200";
  if (run("'" + bin_ + "/pg_ctl' -D '" + dir_ + "/data' -l '" + dir_ +
          "/server.log' -w -t 60 -o \\\"" + opts + "\\\" start >/dev/null") != 0) {
    throw std::runtime_error("pg_ctl start failed, see " + dir_ + "/server.log");
  }
}

void PostgresServer::stop() {
  run("'" + bin_ + "/pg_ctl' -D '" + dir_ + "/data' -m fast -w stop >/dev/null");
}

std::string PostgresServer::create_database(const std::string& template_name) {
  std::string name = "guiyan_" + std::to_string(getpid()) + "_" + std::to_string(++databases_);
  if (run("'" + bin_ + "/psql' -q -h " + loopback_host() + " -p " + std::to_string(port_) +
          " -U postgres -d postgres -c 'CREATE DATABASE " + name + " TEMPLATE " + template_name +
          " ENCODING UTF8 LC_COLLATE \\\"C\\\" LC_CTYPE \\\"C\\\"' "
          ">/dev/null") != 0) {
    throw std::runtime_error("cannot create database " + name);
  }
  return "postgresql://postgres@" + loopback_host() + ":" + std::to_string(port_) + "/" + name;
}

}  // namespace guiyan::testing
