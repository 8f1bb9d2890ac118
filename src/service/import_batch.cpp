#include "service/import_batch.h"

#include <algorithm>
#include <string>

namespace guiyan::service {

void write_import_batch(store::Conn& c, size_t count, ImportSummary& summary,
                        const ImportOptions& options,
                        const std::function<void(store::Conn&, size_t)>& write_row,
                        const std::function<size_t(size_t)>& row_of,
                        const std::function<void(store::Conn&)>& start) {
  ImportSummary before = summary;
  auto write = [&](bool guarded) {
    store::Tx tx(c);
    // Off again whatever happens: the connection goes back to its pool afterwards.
    struct Deferring {
      store::Conn& c;
      ~Deferring() { c.defer_inserts = false; }
    } deferring{c};
    c.defer_inserts = options.defer_rows && !guarded;
    if (start) start(c);
    for (size_t i = 0; i < count; ++i) {
      if (options.stop && options.stop->load()) throw ImportStopped{};
      if (!guarded) {
        write_row(c, i);
        continue;
      }
      c.exec_script("SAVEPOINT import_row");
      try {
        write_row(c, i);
        c.exec_script("RELEASE SAVEPOINT import_row");
      } catch (const std::exception& e) {
        c.exec_script("ROLLBACK TO SAVEPOINT import_row");
        c.exec_script("RELEASE SAVEPOINT import_row");
        ++summary.rejected;
        summary.issues.push_back({row_of(i), "", "", std::string("保存失败：") + e.what()});
      }
    }
    tx.commit();
  };
  try {
    try {
      write(false);
    } catch (const ImportStopped&) {
      throw;
    } catch (const std::exception&) {
      summary = before;
      write(true);
    }
  } catch (const ImportStopped&) {
    summary = before;  // the open batch was rolled back
    throw;
  }
}

GrowingTable::GrowingTable(store::Conn& c, std::string table)
    : table_(std::move(table)), postgres_(c.dialect().name == "postgresql") {
  if (!postgres_) return;
  // reltuples: -1 for a table never analyzed.
  auto r = store::query_one(c, "SELECT reltuples::bigint FROM pg_class WHERE oid = $1::regclass",
                            {table_});
  known_ = r ? std::max<int64_t>(0, r->i64(0)) : 0;
}

void GrowingTable::added(store::Conn& c, int64_t rows) {
  if (!postgres_) return;
  added_ += rows;
  if (added_ < std::max<int64_t>(known_, 1000)) return;
  c.exec_script("ANALYZE " + table_);
  known_ += added_;
  added_ = 0;
}

}  // namespace guiyan::service
