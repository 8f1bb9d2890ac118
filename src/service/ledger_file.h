// A ledger (台账) being written to a temporary .xlsx or .csv file for download, row by row in
// constant memory, and how a stored field value reads in it.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/field.h"
#include "io/xlsx_writer.h"
#include "store/value.h"

namespace guiyan::io {
class CsvWriter;
}

namespace guiyan::service {

class LedgerFile {
 public:
  // Opens a new temporary file of `format` (xlsx or csv; 400 for another) whose sheet is named
  // `sheet_name`, and writes the header.
  LedgerFile(const std::string& format, const std::string& sheet_name,
             const std::vector<std::string>& header, std::vector<io::CellKind> kinds);
  // Removes the file unless close() succeeded (a failed export leaves nothing behind).
  ~LedgerFile();
  LedgerFile(const LedgerFile&) = delete;
  LedgerFile& operator=(const LedgerFile&) = delete;

  // Writes the next row.
  void row(const std::vector<std::string>& cells);
  // Finishes the file and returns its path; the caller owns (and removes) it from then on.
  std::string close();
  // Rows written so far.
  int64_t rows() const { return rows_; }

 private:
  std::string path_;
  std::vector<io::CellKind> kinds_;
  std::unique_ptr<io::XlsxWriter> xlsx_;
  std::unique_ptr<io::CsvWriter> csv_;
  int64_t rows_ = 0;
  bool closed_ = false;
};

// The cell kind a field's values are written as (numbers, dates, text).
io::CellKind cell_kind(const core::Field& f);

// A value as a clerk reads it: labels for vocabulary keys (from `vocab`, a snapshot taken once
// for the whole file), 是/否 for flags, lists joined by 、, ID numbers and phones masked unless
// `unmask`.
std::string cell_text(const core::Field& f, const store::Value& v, const core::Terms& vocab,
                      bool unmask);

}  // namespace guiyan::service
