#include "support/server_process.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <thread>

#include "support/http_client.h"
#include "support/loopback.h"
#include "support/postgres_server.h"

namespace guiyan::testing {
namespace {

// Before any test starts a process (see kTestHashVariable).
[[maybe_unused]] const bool test_hashing_set = setenv(kTestHashVariable, "1", 1) == 0;

// Runs argv with stdin fed from `input`; returns exit status, stdout into *out.
int run_process(const std::vector<std::string>& argv, const std::string& input, std::string* out,
                bool with_stderr = false) {
  int in_pipe[2], out_pipe[2];
  if (pipe(in_pipe) != 0 || pipe(out_pipe) != 0) throw std::runtime_error("pipe");
  pid_t pid = fork();
  if (pid == 0) {
    dup2(in_pipe[0], 0);
    dup2(out_pipe[1], 1);
    if (with_stderr) dup2(out_pipe[1], 2);
    close(in_pipe[1]);
    close(out_pipe[0]);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execv(args[0], args.data());
    _exit(127);
  }
  close(in_pipe[0]);
  close(out_pipe[1]);
  if (!input.empty()) {
    ssize_t ignored = write(in_pipe[1], input.data(), input.size());
    (void)ignored;
  }
  close(in_pipe[1]);
  std::string data;
  char buf[4096];
  for (ssize_t n; (n = read(out_pipe[0], buf, sizeof buf)) > 0;) data.append(buf, n);
  close(out_pipe[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  if (out) *out = data;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

// A database migrated once per test process, copied for each ServerProcess: `guiyan migrate` of
// a fresh database (schema and reference data) takes ~1.4 s under ASan, and a run starts some 120
// servers. The copy is what the same migration would have written, minus the wait.
class MigratedTemplate {
 public:
  static MigratedTemplate& shared() {
    static MigratedTemplate t;
    return t;
  }
  // A new migrated database in `dir` (SQLite) or on the test PostgreSQL server; its URL.
  std::string copy_into(const std::string& dir) {
    if (postgres_) {
      return PostgresServer::shared().create_database(url_.substr(url_.rfind('/') + 1));
    }
    for (const char* suffix : {"", "-wal"}) {
      std::filesystem::path from = dir_ + "/guiyan.db" + suffix;
      if (std::filesystem::exists(from)) {
        std::filesystem::copy_file(from, dir + "/guiyan.db" + suffix);
      }
    }
    return "sqlite:" + dir + "/guiyan.db";
  }
  ~MigratedTemplate() {
    std::error_code ec;
    if (!dir_.empty()) std::filesystem::remove_all(dir_, ec);
  }

 private:
  MigratedTemplate() : postgres_(testing_on_postgres()) {
    std::string tmpl = (std::filesystem::temp_directory_path() / "guiyan-tmpl-XXXXXX").string();
    dir_ = mkdtemp(tmpl.data());
    url_ = postgres_ ? PostgresServer::shared().create_database() : "sqlite:" + dir_ + "/guiyan.db";
    if (run_process({GUIYAN_BIN, "migrate", "--db", url_}, "", nullptr) != 0) {
      throw std::runtime_error("migrate failed for the template database " + url_);
    }
  }
  bool postgres_;
  std::string dir_, url_;
};

}  // namespace

RealPasswordCost::RealPasswordCost() {
  unsetenv(kTestHashVariable);
}

RealPasswordCost::~RealPasswordCost() {
  setenv(kTestHashVariable, "1", 1);
}

int run_guiyan(const std::vector<std::string>& args, const std::string& input, std::string* out) {
  std::vector<std::string> argv = {GUIYAN_BIN};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_process(argv, input, out, true);
}

int free_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  inet_pton(AF_INET, loopback_host().c_str(), &addr.sin_addr);
  addr.sin_port = 0;
  ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  int port = ntohs(addr.sin_port);
  ::close(fd);
  return port;
}

ServerProcess::ServerProcess() {
  std::string tmpl = (std::filesystem::temp_directory_path() / "guiyan-api-XXXXXX").string();
  dir_ = mkdtemp(tmpl.data());
  db_url_ = MigratedTemplate::shared().copy_into(dir_);
}

ServerProcess::ServerProcess(std::string db_url) : db_url_(std::move(db_url)) {
  std::string tmpl = (std::filesystem::temp_directory_path() / "guiyan-api-XXXXXX").string();
  dir_ = mkdtemp(tmpl.data());
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0) stop();
  std::error_code ec;
  std::filesystem::remove_all(dir_, ec);
}

int ServerProcess::cli(const std::vector<std::string>& args, const std::string& input,
                       std::string* out) const {
  std::vector<std::string> argv = {GUIYAN_BIN};
  argv.insert(argv.end(), args.begin(), args.end());
  argv.push_back("--db");
  argv.push_back(db_url_);
  return run_process(argv, input, out);
}

void ServerProcess::add_user(const std::string& name, const std::string& role,
                             const std::string& region, const std::string& department,
                             const std::string& password) const {
  if (cli({"user", "add", name, "--role", role, "--region", region, "--department", department,
           "--password-stdin"},
          password + "\n") != 0) {
    throw std::runtime_error("user add failed for " + name);
  }
}

void ServerProcess::start(const std::vector<std::string>& extra_args) {
  port_ = free_port();
  std::vector<std::string> argv = {
      GUIYAN_BIN, "serve", "--listen", loopback_host() + ":" + std::to_string(port_),
      "--db",     db_url_, "--web",    std::string(GUIYAN_SOURCE_DIR) + "/web/dist"};
  argv.insert(argv.end(), extra_args.begin(), extra_args.end());
  pid_ = fork();
  if (pid_ == 0) {
    int devnull = open("/dev/null", O_WRONLY);
    dup2(devnull, 1);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execv(args[0], args.data());
    _exit(127);
  }
  HttpClient client(port_);
  for (int i = 0; i < 300; ++i) {
    try {
      if (client.get("/api/v1/health").status == 200) return;
    } catch (const std::exception&) {
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  throw std::runtime_error("server did not start");
}

void ServerProcess::signal_stop() {
  if (pid_ > 0) kill(pid_, SIGTERM);
}

int ServerProcess::wait() {
  if (pid_ <= 0) return -1;
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

int ServerProcess::stop() {
  signal_stop();
  return wait();
}

}  // namespace guiyan::testing
