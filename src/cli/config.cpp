#include "cli/config.h"

#include <toml++/toml.h>

#include <cstdlib>
#include <filesystem>
#include <stdexcept>

namespace guiyan::cli {

void load_toml(Config& cfg, const std::string& path, bool required) {
  if (!std::filesystem::exists(path)) {
    if (required) throw std::runtime_error("配置文件不存在：" + path);
    return;
  }
  toml::table t;
  try {
    t = toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    throw std::runtime_error("配置文件 " + path + " 格式错误：" + std::string(e.description()));
  }
  auto str = [&](const char* key, std::string& out) {
    if (auto node = t[key]) {
      if (!node.is_string()) throw std::runtime_error(std::string("配置项 ") + key + " 应为字符串");
      out = *node.value<std::string>();
    }
  };
  auto num = [&](const char* key, int& out) {
    if (auto node = t[key]) {
      if (!node.is_integer()) throw std::runtime_error(std::string("配置项 ") + key + " 应为整数");
      out = static_cast<int>(*node.value<int64_t>());
    }
  };
  str("listen", cfg.listen);
  str("db", cfg.db);
  str("log_level", cfg.log_level);
  str("web", cfg.web);
  num("session_idle_minutes", cfg.session_idle_minutes);
  num("workers", cfg.workers);
  num("db_pool", cfg.db_pool);
}

void load_env(Config& cfg) {
  auto get = [](const char* name) -> const char* {
    const char* v = std::getenv(name);
    return v && *v ? v : nullptr;
  };
  if (auto v = get("GUIYAN_LISTEN")) cfg.listen = v;
  if (auto v = get("GUIYAN_DB")) cfg.db = v;
  if (auto v = get("GUIYAN_LOG_LEVEL")) cfg.log_level = v;
  if (auto v = get("GUIYAN_WEB")) cfg.web = v;
  try {
    if (auto v = get("GUIYAN_SESSION_IDLE_MINUTES")) cfg.session_idle_minutes = std::stoi(v);
    if (auto v = get("GUIYAN_WORKERS")) cfg.workers = std::stoi(v);
    if (auto v = get("GUIYAN_DB_POOL")) cfg.db_pool = std::stoi(v);
  } catch (const std::exception&) {
    throw std::runtime_error(
        "环境变量 GUIYAN_SESSION_IDLE_MINUTES / GUIYAN_WORKERS / GUIYAN_DB_POOL 应为整数");
  }
}

std::pair<std::string, unsigned short> split_listen(const std::string& listen) {
  auto colon = listen.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == listen.size()) {
    throw std::runtime_error("监听地址“" + listen + "”格式应为 主机:端口，例如 127.0.0.1:8080");
  }
  std::string host = listen.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  int port = 0;
  try {
    size_t used = 0;
    port = std::stoi(listen.substr(colon + 1), &used);
    if (used != listen.size() - colon - 1) port = -1;
  } catch (const std::exception&) {
    port = -1;
  }
  if (port < 0 || port > 65535) throw std::runtime_error("监听端口“" + listen + "”无效");
  return {host, static_cast<unsigned short>(port)};
}

}  // namespace guiyan::cli
