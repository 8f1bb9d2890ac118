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

}  // namespace guiyan::service
