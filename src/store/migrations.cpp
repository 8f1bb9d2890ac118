#include "store/migrations.h"

#include <algorithm>
#include <map>
#include <stdexcept>

#include "core/clock.h"
#include "store/embedded.h"
#include "store/reference_data.h"

namespace guiyan::store {
namespace {

void ensure_table(Conn& c) {
  c.exec_script(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
      "name TEXT NOT NULL, applied_at TEXT NOT NULL)");
}

// Parses "src/store/migrations/003_builtin_roles.sql" or "migrations/001_accounts.sqlite.sql".
bool parse_name(std::string_view path, int* version, std::string* name, std::string* dialect) {
  const std::string_view prefix = "src/store/migrations/";
  if (path.substr(0, prefix.size()) != prefix || path.size() < prefix.size() + 8) return false;
  std::string_view file = path.substr(prefix.size());
  if (file.size() < 4 || file.substr(file.size() - 4) != ".sql") return false;
  file.remove_suffix(4);
  *version = std::stoi(std::string(file.substr(0, 3)));
  std::string_view rest = file.substr(4);
  dialect->clear();
  if (auto dot = rest.find('.'); dot != std::string_view::npos) {
    *dialect = std::string(rest.substr(dot + 1));
    rest = rest.substr(0, dot);
  }
  *name = std::string(rest);
  return true;
}

}  // namespace

std::vector<Migration> all_migrations() {
  std::map<int, Migration> by_version;
  for (std::string_view path : embedded_names()) {
    int version = 0;
    std::string name, dialect;
    if (!parse_name(path, &version, &name, &dialect)) continue;
    Migration& m = by_version[version];
    m.version = version;
    if (m.name.empty()) m.name = name;
    std::string sql(*embedded_file(path));
    if (dialect.empty()) {
      m.sql = std::move(sql);
    } else {
      m.dialect_sql.emplace_back(dialect, std::move(sql));
    }
  }
  Migration& ref = by_version[2];
  ref.version = 2;
  ref.name = "reference_data";
  ref.step = [](Conn& c) { load_reference_data(c); };
  std::vector<Migration> out;
  for (auto& [v, m] : by_version) out.push_back(std::move(m));
  return out;
}

int schema_version(Conn& c) {
  try {
    return static_cast<int>(query_int(c, "SELECT MAX(version) FROM schema_migrations", {}, 0));
  } catch (const DbError& e) {
    if (e.kind() == DbErrorKind::unavailable) throw;
    return 0;  // no table yet: nothing applied
  }
}

std::vector<MigrationState> migration_status(Db& db) {
  auto conn = db.acquire();
  ensure_table(*conn);
  std::map<int, std::string> applied;
  for (const Row& r : query(*conn, "SELECT version, applied_at FROM schema_migrations")) {
    applied[static_cast<int>(r.i64(0))] = r.text(1);
  }
  std::vector<MigrationState> out;
  for (const Migration& m : all_migrations()) {
    MigrationState s{m.version, m.name, std::nullopt};
    if (auto it = applied.find(m.version); it != applied.end()) s.applied_at = it->second;
    out.push_back(s);
  }
  return out;
}

int migrate_with(Db& db, const std::vector<Migration>& list,
                 const std::function<void(const Migration&)>& log) {
  auto conn = db.acquire();
  {
    Tx tx(*conn);
    if (!conn->dialect().migration_lock.empty()) conn->exec_script(conn->dialect().migration_lock);
    ensure_table(*conn);
    tx.commit();
  }
  int applied = 0;
  for (const Migration& m : list) {
    Tx tx(*conn);
    if (!conn->dialect().migration_lock.empty()) conn->exec_script(conn->dialect().migration_lock);
    // Checked inside the write transaction, so two processes never apply the same step.
    if (query_int(*conn, "SELECT COUNT(*) FROM schema_migrations WHERE version = $1",
                  {int64_t{m.version}}) > 0) {
      continue;
    }
    if (!m.sql.empty()) conn->exec_script(conn->dialect().expand(m.sql));
    for (const auto& [dialect, sql] : m.dialect_sql) {
      if (dialect == conn->dialect().name) conn->exec_script(conn->dialect().expand(sql));
    }
    if (m.step) m.step(*conn);
    exec(*conn, "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
         {int64_t{m.version}, m.name, core::now_iso()});
    tx.commit();
    ++applied;
    if (log) log(m);
  }
  return applied;
}

int migrate(Db& db, const std::function<void(const Migration&)>& log) {
  return migrate_with(db, all_migrations(), log);
}

}  // namespace guiyan::store
