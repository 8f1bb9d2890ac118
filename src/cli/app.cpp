#include "cli/app.h"

#include <CLI/CLI.hpp>
#include <iostream>

#include "auth/password.h"
#include "cli/commands.h"
#include "cli/config.h"

namespace guiyan::cli {
namespace {

// The value of --config in argv ("--config F" or "--config=F"), or "".
std::string config_flag(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--config" && i + 1 < argc) return argv[i + 1];
    if (a.rfind("--config=", 0) == 0) return a.substr(9);
  }
  return {};
}

}  // namespace

int run(int argc, char** argv) {
  Config cfg;
  std::string config_path = config_flag(argc, argv);
  try {
    // Lowest precedence first: file, then environment; flags parsed below override both.
    load_toml(cfg, config_path.empty() ? "guiyan.toml" : config_path, !config_path.empty());
    load_env(cfg);
  } catch (const std::exception& e) {
    std::cerr << "错误：" << e.what() << "\n";
    return 2;
  }

  CLI::App app{
      "归雁 Guiyan — 楚商回乡、返乡创业服务平台\n"
      "Settings come from flags, then environment variables (GUIYAN_LISTEN, GUIYAN_DB,\n"
      "GUIYAN_LOG_LEVEL, GUIYAN_SESSION_IDLE_MINUTES, GUIYAN_WEB, GUIYAN_WORKERS), then the\n"
      "TOML file given by --config (default ./guiyan.toml when present)."};
  app.set_version_flag("--version", GUIYAN_VERSION);
  app.add_option("--config", config_path, "TOML configuration file");
  app.require_subcommand(1);

  std::function<int()> action;
  add_serve_command(app, cfg, action);
  add_migrate_command(app, cfg, action);
  add_demo_command(app, cfg, action);
  add_user_command(app, cfg, action);
  add_import_command(app, cfg, action);
  add_dedupe_command(app, cfg, action);
  add_policies_command(app, cfg, action);
  add_check_command(app, action);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  try {
    auth::init_crypto();
    return action ? action() : 0;
  } catch (const std::exception& e) {
    std::cerr << "错误：" << e.what() << "\n";
    return 2;
  }
}

}  // namespace guiyan::cli
