// Writing a ledger to a CSV file that Excel opens correctly and safely.
#pragma once

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "io/sheet_error.h"

namespace guiyan::io {

// One field as CSV text. Quoted (inner quotes doubled) when it holds a comma, quote, CR or LF.
// Guarded against formula injection: a field starting with '=', '+', '-', '@', tab or CR gets a
// leading apostrophe, so Excel shows it as text instead of running it — unless the whole field is
// a plain number ("-12.5", "+8613800001234", "1e5") or the lone "-" placeholder, which Excel
// cannot run and which must stay usable as data. Excel shows the apostrophe (it is part of the
// text in a CSV), and read_sheet returns it too: the guard is a one-way change for such fields.
std::string csv_field(std::string_view cell);

// Writes rows as UTF-8 with a byte order mark (so Excel picks the encoding), CRLF line ends.
class CsvWriter {
 public:
  // Creates (or truncates) `path`; throws SheetError when it cannot.
  explicit CsvWriter(const std::string& path);
  // Closes quietly when close() was not called; errors are lost then.
  ~CsvWriter();
  CsvWriter(const CsvWriter&) = delete;
  CsvWriter& operator=(const CsvWriter&) = delete;

  // Writes the header row (the same as row(); named for symmetry with XlsxWriter).
  void header(const std::vector<std::string>& titles) { row(titles); }
  // Writes one row of fields, each through csv_field().
  void row(const std::vector<std::string>& cells);
  // Flushes and closes; throws SheetError when any write failed (e.g. the disk is full).
  // Further calls do nothing.
  void close();

 private:
  std::string path_;
  std::FILE* file_ = nullptr;
  std::string line_;
};

}  // namespace guiyan::io
