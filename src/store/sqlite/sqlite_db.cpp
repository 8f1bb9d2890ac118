#include "store/sqlite/sqlite_db.h"

#include <sqlite3.h>

#include <chrono>
#include <thread>
#include <unordered_map>
#include <vector>

#include "store/conn_pool.h"

namespace guiyan::store {
namespace {

// BEGIN IMMEDIATE takes the one writer lock up front, which also serialises migrations.
// A table WITHOUT ROWID is its primary key's B-tree: a range of the key reads the rows in place.
const Dialect kSqliteDialect{"sqlite", "BEGIN IMMEDIATE", "INTEGER PRIMARY KEY", "",
                             "BLOB",   " WITHOUT ROWID"};

DbError to_error(sqlite3* db, int rc, std::string_view sql) {
  int ext = sqlite3_extended_errcode(db);
  std::string msg = sqlite3_errmsg(db);
  std::string constraint;
  if (auto colon = msg.find("failed: "); colon != std::string::npos) {
    constraint = msg.substr(colon + 8);
  }
  DbErrorKind kind = DbErrorKind::other;
  if (ext == SQLITE_CONSTRAINT_UNIQUE || ext == SQLITE_CONSTRAINT_PRIMARYKEY) {
    kind = DbErrorKind::unique_violation;
  } else if (ext == SQLITE_CONSTRAINT_FOREIGNKEY) {
    kind = DbErrorKind::foreign_key;
  } else if (ext == SQLITE_CONSTRAINT_CHECK || ext == SQLITE_CONSTRAINT_NOTNULL ||
             ext == SQLITE_CONSTRAINT_TRIGGER) {
    kind = DbErrorKind::check_violation;
  } else if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED) {
    kind = DbErrorKind::busy;
  } else if ((rc & 0xff) == SQLITE_CANTOPEN || (rc & 0xff) == SQLITE_IOERR ||
             (rc & 0xff) == SQLITE_FULL) {
    kind = DbErrorKind::unavailable;
  }
  return DbError(kind, "sqlite: " + msg + " in: " + std::string(sql.substr(0, 200)), constraint);
}

// Process-wide settings, made once before the first connection: SQLite's memory statistics
// (on by default) take a global mutex at every allocation, which no caller here reads.
void configure_sqlite_once() {
  static std::once_flag once;
  std::call_once(once, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
}

class SqliteConn final : public Conn {
 public:
  explicit SqliteConn(const std::string& path) {
    configure_sqlite_once();
    int rc =
        sqlite3_open_v2(path.c_str(), &db_,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
      std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
      sqlite3_close(db_);
      db_ = nullptr;
      throw DbError(DbErrorKind::unavailable, "无法打开数据库文件 " + path + "：" + msg);
    }
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, 10000);
    enter_wal_mode();
    exec_script(
        "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
        "PRAGMA temp_store=MEMORY; PRAGMA cache_size=-16384;");
  }

  // Switches a file to WAL. Switching needs the file to itself, and SQLite answers "busy" at once,
  // without the busy handler, while another process opens the same new file; so retry for 10 s.
  void enter_wal_mode() {
    for (int attempt = 0;; ++attempt) {
      int rc = sqlite3_exec(db_, "PRAGMA journal_mode=WAL", nullptr, nullptr, nullptr);
      if (rc == SQLITE_OK) return;
      if ((rc & 0xff) != SQLITE_BUSY || attempt >= 500) {
        throw to_error(db_, rc, "PRAGMA journal_mode=WAL");
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }

  ~SqliteConn() override {
    for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
    sqlite3_close(db_);
  }

  int64_t run(std::string_view sql, const Params& params, const RowFn& on_row) override {
    each_row(sql, params, [&](sqlite3_stmt* stmt) {
      if (!on_row) return;
      int columns = sqlite3_column_count(stmt);
      std::vector<Value> values;
      values.reserve(columns);
      for (int i = 0; i < columns; ++i) values.push_back(column(stmt, i));
      on_row(Row(std::move(values)));
    });
    return sqlite3_changes(db_);
  }

  void first_column_int64(std::string_view sql, const Params& params,
                          std::vector<int64_t>& out) override {
    each_row(sql, params,
             [&](sqlite3_stmt* stmt) { out.push_back(sqlite3_column_int64(stmt, 0)); });
  }

  void exec_script(std::string_view sql) override {
    std::string s(sql);
    char* err = nullptr;
    int rc = sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
      sqlite3_free(err);
      throw to_error(db_, rc, sql);
    }
  }

  const Dialect& dialect() const override { return kSqliteDialect; }

 private:
  // Runs the cached statement of `sql` with `params`, calling fn(stmt) on each row; the
  // statement is reset and its bindings cleared afterwards, whatever happens.
  template <class Fn>
  void each_row(std::string_view sql, const Params& params, Fn&& fn) {
    sqlite3_stmt* stmt = prepare(sql);
    struct Reset {
      sqlite3_stmt* s;
      ~Reset() {
        sqlite3_reset(s);
        sqlite3_clear_bindings(s);
      }
    } reset{stmt};
    bind(stmt, params, sql);
    for (;;) {
      int rc = sqlite3_step(stmt);
      if (rc == SQLITE_DONE) break;
      if (rc != SQLITE_ROW) throw to_error(db_, rc, sql);
      fn(stmt);
    }
  }

  sqlite3_stmt* prepare(std::string_view sql) {
    std::string key(sql);
    if (auto it = cache_.find(key); it != cache_.end()) return it->second;
    std::string native = sqlite_placeholders(sql);
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v3(db_, native.c_str(), static_cast<int>(native.size()),
                                SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) throw to_error(db_, rc, sql);
    cache_.emplace(std::move(key), stmt);
    return stmt;
  }

  void bind(sqlite3_stmt* stmt, const Params& params, std::string_view sql) {
    int expected = sqlite3_bind_parameter_count(stmt);
    if (expected > static_cast<int>(params.size())) {
      throw DbError(DbErrorKind::other, "missing SQL parameters in: " + std::string(sql));
    }
    for (int i = 0; i < expected; ++i) {
      const Value& v = params[i];
      int rc = SQLITE_OK;
      if (auto p = std::get_if<int64_t>(&v)) {
        rc = sqlite3_bind_int64(stmt, i + 1, *p);
      } else if (auto p = std::get_if<double>(&v)) {
        rc = sqlite3_bind_double(stmt, i + 1, *p);
      } else if (auto p = std::get_if<std::string>(&v)) {
        rc = sqlite3_bind_text(stmt, i + 1, p->data(), static_cast<int>(p->size()),
                               SQLITE_TRANSIENT);
      } else if (auto p = std::get_if<Blob>(&v)) {
        rc = sqlite3_bind_blob64(stmt, i + 1, p->bytes.data(), p->bytes.size(), SQLITE_TRANSIENT);
      } else {
        rc = sqlite3_bind_null(stmt, i + 1);
      }
      if (rc != SQLITE_OK) throw to_error(db_, rc, sql);
    }
  }

  static Value column(sqlite3_stmt* stmt, int i) {
    switch (sqlite3_column_type(stmt, i)) {
      case SQLITE_INTEGER:
        return Value{static_cast<int64_t>(sqlite3_column_int64(stmt, i))};
      case SQLITE_FLOAT:
        return Value{sqlite3_column_double(stmt, i)};
      case SQLITE_NULL:
        return Value{Null{}};
      case SQLITE_BLOB: {
        auto* p = static_cast<const char*>(sqlite3_column_blob(stmt, i));
        return Value{Blob{std::string(p ? p : "", sqlite3_column_bytes(stmt, i))}};
      }
      default: {
        auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt, i));
        return Value{std::string(p ? p : "", sqlite3_column_bytes(stmt, i))};
      }
    }
  }

  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
};

class SqliteDb final : public Db {
 public:
  // Opens one connection now so a bad path fails at start, not at the first request.
  SqliteDb(std::string path, int pool_size)
      : pool_(pool_size, [path = std::move(path)] { return std::make_unique<SqliteConn>(path); }) {}

  ConnLease acquire() override { return pool_.acquire(); }

  const Dialect& dialect() const override { return kSqliteDialect; }

 private:
  ConnPool pool_;
};

}  // namespace

std::string sqlite_placeholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size());
  char quote = 0;
  for (size_t i = 0; i < sql.size(); ++i) {
    char ch = sql[i];
    if (quote) {
      if (ch == quote) quote = 0;
    } else if (ch == '\'' || ch == '"') {
      quote = ch;
    } else if (ch == '$' && i + 1 < sql.size() && sql[i + 1] >= '0' && sql[i + 1] <= '9') {
      ch = '?';
    }
    out.push_back(ch);
  }
  return out;
}

std::unique_ptr<Db> open_sqlite(const std::string& path, int pool_size) {
  return std::make_unique<SqliteDb>(path, pool_size < 1 ? 1 : pool_size);
}

}  // namespace guiyan::store
