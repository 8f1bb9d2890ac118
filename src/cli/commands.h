// Each subcommand registers its options and sets `action` to what runs when it was chosen.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <memory>

#include "cli/config.h"
#include "store/db.h"

namespace guiyan::cli {

using Action = std::function<int()>;

// guiyan serve: migrations, then the API and the web console until SIGINT/SIGTERM.
void add_serve_command(CLI::App& app, Config& cfg, Action& action);
// guiyan migrate [--status]: apply pending migrations or show them.
void add_migrate_command(CLI::App& app, Config& cfg, Action& action);
// guiyan demo: the demo data set (departments and accounts), passwords printed once.
void add_demo_command(CLI::App& app, Config& cfg, Action& action);
// guiyan user add|passwd|roles: accounts from the operator's shell.
void add_user_command(CLI::App& app, Config& cfg, Action& action);
// guiyan import people FILE: a ledger from a sheet, with a row-by-row report.
void add_import_command(CLI::App& app, Config& cfg, Action& action);
// guiyan dedupe people: probable duplicates for the review queue, with a JSON summary.
void add_dedupe_command(CLI::App& app, Config& cfg, Action& action);
// guiyan policies match.
void add_policies_command(CLI::App& app, Config& cfg, Action& action);
// guiyan check id-number|credit-code|phone VALUE: validate an identifier, print JSON.
void add_check_command(CLI::App& app, Action& action);

// Adds --db bound to cfg.db to a subcommand.
void add_db_option(CLI::App& sub, Config& cfg);
// Opens the configured database and applies pending migrations.
std::unique_ptr<store::Db> open_migrated(const Config& cfg, int pool_size);

}  // namespace guiyan::cli
