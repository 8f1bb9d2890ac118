// What the in-memory list indexes (person_facets, merchant_facets) share: interned strings,
// compact dates, and following a table's change log.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "store/db.h"

namespace guiyan::service {

// How a list or count is worked out: best uses an in-memory index where it serves;
// sql always asks the database alone (the reference the indexes are tested against).
enum class ListPlan { best, sql };

// Strings stored once, each with a small index; index 0 is "".
struct Interned {
  std::vector<std::string> names{""};
  std::unordered_map<std::string, uint32_t> index;
  // The index of s, added when new.
  uint32_t of(const std::string& s);
  // The index of s, or nullopt when it was never added (0 for "").
  std::optional<uint32_t> find(const std::string& s) const;
};

// "1990-05-17" → 19900517; 0 for anything else.
uint32_t date_number(const std::string& iso);

// Where a reader of a change log (person_change: migrations 011 and 030; merchant_change) stands.
struct LogPosition {
  bool loaded = false;  // false: nothing read yet, the first use loads everything
  int64_t seq = 0;      // SQLite: the entries up to this one were read (seq order is commit order)
  // PostgreSQL: the entries this pg_snapshot ("xmin:xmax:xip…") saw were read.
  std::string snapshot;
  // Grows with time, to tell the newer of two positions: SQLite's seq, PostgreSQL's xmax.
  uint64_t order() const;
};

// What a reader must do to catch up with the log.
struct LogCatchUp {
  bool up_to_date = false;   // nothing changed since
  bool reload = false;       // read every row again (first load, far behind, or log pruned)
  std::vector<int64_t> ids;  // otherwise: the rows changed since, distinct, highest first
  LogPosition next;          // where the reader stands once it has done that
};

// Beyond this many changed rows a full reload is cheaper than reading them one by one.
constexpr int64_t kReloadAfter = 100000;

// Reads what changed in `log_table` (columns seq and `id_column`; on PostgreSQL also xid, with
// the pruning horizon in `log_table`_horizon) since `at`, reloading beyond `reload_after`
// changed rows. One query when nothing changed. On SQLite the position is read just before the
// entries (a change committed in between is read again next time, which is harmless); on
// PostgreSQL in the same statement.
LogCatchUp catch_up(store::Conn& c, const std::string& log_table, const std::string& id_column,
                    const LogPosition& at, int64_t reload_after = kReloadAfter);

// Calls fn(row) for each row of `sql` + " IN (…)" over `ids`, store::kListChunk per statement.
void for_rows_of_ids(store::Conn& c, const std::string& sql, const std::vector<int64_t>& ids,
                     const std::function<void(const store::Row&)>& fn);

}  // namespace guiyan::service
