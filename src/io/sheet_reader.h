// Reading the rows of an uploaded ledger (.xlsx or .csv) one at a time, in file order.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "io/sheet_error.h"

namespace guiyan::io {

// One non-empty row of a sheet.
struct SheetRow {
  size_t number = 0;               // the row number a user sees in Excel, 1-based
  std::vector<std::string> cells;  // UTF-8 text, trailing empty cells trimmed
};

// Called for each row; returns false to stop reading.
using RowCallback = std::function<bool(const SheetRow&)>;

// Reads `path` by its extension (.xlsx or .csv, any case) and calls on_row for every non-empty row
// in order, the header included, until on_row returns false. Throws SheetError for a missing,
// unsupported or malformed file; exceptions thrown by on_row pass through unchanged.
void read_sheet(const std::string& path, const RowCallback& on_row);

// The sheets of `path` that read_sheet_at reads: an .xlsx's visible worksheets by name in tab
// order, one unnamed sheet for a .csv. Throws SheetError like read_sheet.
std::vector<std::string> sheet_names(const std::string& path);

// read_sheet for the sheet at `index` of sheet_names(path) (read_sheet reads the first).
void read_sheet_at(const std::string& path, size_t index, const RowCallback& on_row);

}  // namespace guiyan::io
