// Writing one batch of an import's accepted rows, shared by the people and merchant imports.
#pragma once

#include <cstddef>
#include <functional>

#include "service/import_summary.h"
#include "store/db.h"

namespace guiyan::service {

// Writes rows 0..count-1 in one transaction. Optimistic first, without a savepoint per row (a
// savepoint makes SQLite's full-text index flush, which costs more than the row); if any row
// fails, the batch is rolled back and replayed with a savepoint per row, so only the failing
// rows are lost, each reported in `summary` with its sheet row (`row_of`). `start` runs first
// in each transaction. `options.stop` is checked before each row: once set, the batch is rolled
// back, `summary` restored, and ImportStopped thrown.
void write_import_batch(store::Conn& c, size_t count, ImportSummary& summary,
                        const ImportOptions& options,
                        const std::function<void(store::Conn&, size_t)>& write_row,
                        const std::function<size_t(size_t)>& row_of,
                        const std::function<void(store::Conn&)>& start = {});

// Keeps the planner's statistics of a table an import fills (PostgreSQL; nothing on SQLite). A
// statement prepared while the table was small keeps a plan for a small table — a whole-table
// scan for the batch's ID numbers, the wrong index for a phone — until the table is analyzed
// again, which autovacuum does too late during a long import: 100,000 people took 38 s, ~10 s of
// it in such plans. ANALYZE runs after a batch whenever the table has doubled since the last.
class GrowingTable {
 public:
  // Reads the table's size as the planner knows it.
  GrowingTable(store::Conn& c, std::string table);
  // After a committed batch that added `rows` rows.
  void added(store::Conn& c, int64_t rows);

 private:
  std::string table_;
  bool postgres_ = false;
  int64_t known_ = 0;  // rows when last analyzed
  int64_t added_ = 0;  // rows added since
};

}  // namespace guiyan::service
