// Settings of the program, from flags, environment variables and an optional TOML file.
#pragma once

#include <string>

namespace guiyan::cli {

struct Config {
  std::string listen = "127.0.0.1:8080";
  std::string db = "sqlite:./guiyan.db";
  std::string log_level = "info";
  int session_idle_minutes = 30;
  std::string web = "web/dist";
  int workers = 8;
  int db_pool = 0;  // database connections per process; 0 = workers + 3, else at least 2
};

// Fills `cfg` from the TOML file at `path` (keys: listen, db, log_level, session_idle_minutes,
// web, workers, db_pool); a missing file is an error only when `required`. Throws with a Chinese
// message on a malformed file or a wrong type.
void load_toml(Config& cfg, const std::string& path, bool required);

// Overrides `cfg` with GUIYAN_LISTEN, GUIYAN_DB, GUIYAN_LOG_LEVEL,
// GUIYAN_SESSION_IDLE_MINUTES, GUIYAN_WEB, GUIYAN_WORKERS, GUIYAN_DB_POOL when set.
void load_env(Config& cfg);

// Splits "HOST:PORT" (IPv6 as "[::1]:8080"); throws with a Chinese message when malformed.
std::pair<std::string, unsigned short> split_listen(const std::string& listen);

}  // namespace guiyan::cli
