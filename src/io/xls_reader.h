// Reading the rows of a worksheet of an .xls file (Excel 97-2003, BIFF), as WPS and older Excel
// save ledgers.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "io/sheet_reader.h"

namespace guiyan::io {

// FreeXL runs in a child process (run_isolated): it crashes on some corrupt files, which then
// only fail their reading ("文件已损坏…").

// The names of the .xls's visible worksheets in tab order (the first sheet at all when every one
// is hidden; XlsBiff). Throws SheetError for a missing, encrypted or malformed file.
std::vector<std::string> xls_sheet_names(const std::string& path);

// Calls on_row for each non-empty row of the worksheet at `index` of xls_sheet_names of the .xls
// at `path`, in order, until it returns false. Cells are text as read_xlsx gives them: strings,
// numbers without exponent, date-formatted numbers as "YYYY-MM-DD" ("YYYY-MM-DD HH:MM" with a
// time, "HH:MM" a time alone); trailing empty cells trimmed; an empty cell of a merged range
// holds the range's value (XlsBiff: FreeXL, which reads the cells, does not report merges).
// FreeXL holds the worksheet in memory (an .xls has at most 65,536 rows) in its child process;
// the rows cross a pipe. Throws SheetError for a missing, encrypted or malformed file.
void read_xls(const std::string& path, const RowCallback& on_row, size_t index = 0);

}  // namespace guiyan::io
