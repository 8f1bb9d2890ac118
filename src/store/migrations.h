// Numbered schema migrations, applied in order, each in its own transaction.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "store/db.h"

namespace guiyan::store {

// One migration: SQL for every dialect, SQL for one dialect, and/or a C++ step.
struct Migration {
  int version = 0;
  std::string name;
  std::string sql;                                               // common SQL ({{ID_PK}} expanded)
  std::vector<std::pair<std::string, std::string>> dialect_sql;  // (dialect name, SQL)
  std::function<void(Conn&)> step;  // runs after the SQL, same transaction
};

// What `guiyan migrate` shows per migration.
struct MigrationState {
  int version;
  std::string name;
  std::optional<std::string> applied_at;
};

// All migrations the program knows, sorted by version.
std::vector<Migration> all_migrations();

// The highest applied version, 0 for an empty database.
int schema_version(Conn& c);

// Each known migration with when it was applied (nullopt when pending).
std::vector<MigrationState> migration_status(Db& db);

// Applies pending migrations in order; a failing one is rolled back whole and rethrown.
// Returns the number applied; `log` is told each one's version and name.
int migrate(Db& db, const std::function<void(const Migration&)>& log = {});

// Applies `list` instead of all_migrations(); for tests of the mechanism.
int migrate_with(Db& db, const std::vector<Migration>& list,
                 const std::function<void(const Migration&)>& log = {});

}  // namespace guiyan::store
