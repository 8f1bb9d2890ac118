// Copies an installation from its SQLite database into an empty PostgreSQL database, verified by
// row counts and checksums (guiyan migrate --from sqlite:… --to postgresql://…).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "store/db.h"

namespace guiyan::store {

// What the copy did to one table; after a successful copy both databases hold `rows` rows with
// the same `checksum`.
struct TableCopy {
  std::string table;
  int64_t rows = 0;        // rows in the table on each side after the copy
  int64_t copied = 0;      // rows the copy inserted
  int64_t reference = 0;   // rows the target's migrations had inserted, found identical
  std::string checksum;    // BLAKE2b-256 (hex) of the rows in primary-key order
  std::string not_copied;  // why a SQLite-only table was left out ("" when it was copied)
};

// Settings and hooks of a copy; the defaults are what `guiyan migrate --from --to` uses.
struct CopyOptions {
  int batch_rows = 500;  // rows per multi-row INSERT (fewer when a table has many columns)
  int page_rows = 5000;  // rows per query when reading PostgreSQL for the checksum
  std::function<void(const std::string&)> log;  // progress: migrations applied, table started
  // Runs on the target connection inside the copy's transaction just before the verification;
  // for tests of the verification.
  std::function<void(Conn&)> before_verify;
};

// Migrates PostgreSQL `to` (which must hold only its migrations' rows) and copies every table of
// the fully migrated SQLite `from` into it, ids kept, in one transaction committed only when all
// counts and checksums match; otherwise throws a Chinese message naming the table.
std::vector<TableCopy> copy_database(Db& from, Db& to, const CopyOptions& options = {});

// Opens sqlite:PATH (an existing file) and postgresql://… with open_db(url, 2) and copies.
std::vector<TableCopy> copy_database(const std::string& from_url, const std::string& to_url,
                                     const CopyOptions& options = {});

}  // namespace guiyan::store
