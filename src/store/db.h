// The database interface every backend implements, and helpers built on it.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <string_view>
#include <typeindex>
#include <vector>

#include "store/value.h"

namespace guiyan::store {

// What went wrong in the database, independent of the backend.
enum class DbErrorKind { unique_violation, foreign_key, check_violation, busy, unavailable, other };

// Thrown by every backend; `constraint` names the violated constraint or column when known.
class DbError : public std::runtime_error {
 public:
  DbError(DbErrorKind kind, const std::string& what, std::string constraint = {})
      : std::runtime_error(what), kind_(kind), constraint_(std::move(constraint)) {}
  DbErrorKind kind() const { return kind_; }
  const std::string& constraint() const { return constraint_; }

 private:
  DbErrorKind kind_;
  std::string constraint_;
};

// The differences between SQL dialects that the common SQL cannot hide.
struct Dialect {
  std::string name;            // "sqlite" or "postgresql"
  std::string begin_write;     // statement that starts a write transaction
  std::string identity_pk;     // column type of an auto-increment primary key
  std::string migration_lock;  // run first in a migration's transaction ("" when BEGIN suffices)
  std::string blob_type;       // column type of binary data
  std::string clustered;       // after a table's definition: stored in primary key order
  // Replaces the {{ID_PK}}, {{BLOB}} and {{CLUSTERED}} placeholders in migration SQL with this
  // dialect's spelling.
  std::string expand(std::string_view sql) const;
};

using RowFn = std::function<void(const Row&)>;

// One connection. Not thread-safe: one thread uses a connection at a time.
// SQL is written with $1, $2 … placeholders on every backend.
class Conn {
 public:
  virtual ~Conn() = default;
  // Runs one statement with params, calls on_row (may be empty) per row; returns rows changed.
  virtual int64_t run(std::string_view sql, const Params& params, const RowFn& on_row) = 0;
  // Appends the first column of every row, as integers, to `out`: run() without a Row per row,
  // for queries returning many ids.
  virtual void first_column_int64(std::string_view sql, const Params& params,
                                  std::vector<int64_t>& out) {
    run(sql, params, [&](const Row& r) { out.push_back(r.i64(0)); });
  }
  // Runs a query whose rows may be many (an export, a full load), handing each to on_row as it
  // arrives instead of after the last (PostgreSQL's single-row mode; SQLite steps row by row
  // anyway), so memory stays constant. on_row must not use this connection.
  virtual void stream(std::string_view sql, const Params& params, const RowFn& on_row) {
    run(sql, params, on_row);
  }
  // Runs several ;-separated statements without parameters.
  virtual void exec_script(std::string_view sql) = 0;
  // The dialect of this connection's database.
  virtual const Dialect& dialect() const = 0;

  // True while a Tx is open on this connection.
  bool in_transaction = false;
  // Called by Tx::commit just before COMMIT, then cleared; cleared unrun on rollback. The store
  // sets it to write deferred work in one go (person_repo: SQLite's full-text index).
  std::function<void(Conn&)> before_commit;
  // Persons created in the open transaction whose full-text entry is still to be written
  // (ascending ids; see person_repo.cpp).
  std::vector<int64_t> pending_search_rows;
  // While true, insert_row keeps rows to write them together (deferred_insert.h); a bulk writer
  // turns it on inside its own transaction only.
  bool defer_inserts = false;
  // Rows kept by insert_row, by table and columns, in the order they came.
  struct DeferredRows {
    std::string table;
    std::vector<std::string> columns;
    std::vector<Params> rows;
    bool parent = false;  // written before the groups of tables without the flag
  };
  std::vector<DeferredRows> deferred_rows;
  // Ids reserved from each table's sequence and not used yet (deferred_insert.h: reserve_id).
  std::map<std::string, std::vector<int64_t>> reserved_ids;
};

// Returns a connection to its pool when destroyed.
using ConnLease = std::unique_ptr<Conn, std::function<void(Conn*)>>;

// A database: a pool of connections of one backend.
class Db {
 public:
  virtual ~Db() = default;
  // Borrows a connection; waits up to 10 s while all are in use; throws DbError(unavailable)
  // then or on failure. Code holding one passes it down rather than borrowing a second (see
  // ConnPool::acquire).
  virtual ConnLease acquire() = 0;
  // The dialect of this database.
  virtual const Dialect& dialect() const = 0;
  // "sqlite" or "postgresql".
  const std::string& kind() const { return dialect().name; }
  // State a service keeps beside this database's pool (an in-memory index, say): one T per
  // database, default-constructed on first use, living as long as the Db.
  template <class T>
  T& attachment() {
    std::lock_guard<std::mutex> lock(attachments_mu_);
    auto& slot = attachments_[std::type_index(typeid(T))];
    if (!slot) slot = std::make_shared<T>();
    return *static_cast<T*>(slot.get());
  }

 private:
  std::mutex attachments_mu_;
  std::map<std::type_index, std::shared_ptr<void>> attachments_;
};

// Opens the database a URL names: "sqlite:PATH" or "postgresql://user@host:port/db".
std::unique_ptr<Db> open_db(const std::string& url, int pool_size);

// All rows of a query.
std::vector<Row> query(Conn& c, std::string_view sql, const Params& params = {});
// The first row of a query, or nullopt.
std::optional<Row> query_one(Conn& c, std::string_view sql, const Params& params = {});
// The integer in the first column of the first row, or `fallback` when there is no row.
int64_t query_int(Conn& c, std::string_view sql, const Params& params = {}, int64_t fallback = 0);
// Runs a statement that returns no rows; returns rows changed.
int64_t exec(Conn& c, std::string_view sql, const Params& params = {});

// A transaction: begun on construction, rolled back on destruction unless committed.
// Gives this connection a large page cache for a bulk write (on) or the usual one back (off).
// SQLite only: an import of a million rows otherwise rereads index pages from the file; PostgreSQL
// caches in the server's shared buffers, so this does nothing there.
void set_bulk_cache(Conn& c, bool on);

class Tx {
 public:
  // Begins a write transaction (SQLite: BEGIN IMMEDIATE, so the one writer is taken up front).
  explicit Tx(Conn& c);
  ~Tx();
  Tx(const Tx&) = delete;
  Tx& operator=(const Tx&) = delete;
  // Commits; the destructor then does nothing.
  void commit();

 private:
  Conn& conn_;
  bool done_ = false;
};

}  // namespace guiyan::store
