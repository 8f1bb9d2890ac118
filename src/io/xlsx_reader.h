// Streaming the rows of a worksheet of an .xlsx file.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "io/sheet_reader.h"

namespace guiyan::io {

// The names of the .xlsx's visible worksheets in tab order (the first sheet at all when every
// one is hidden). Throws SheetError for a missing or malformed file.
std::vector<std::string> xlsx_sheet_names(const std::string& path);

// Calls on_row for each non-empty row of the worksheet at `index` of xlsx_sheet_names (0: the
// first visible one) of the .xlsx at `path`, in order, until it returns false. Cells are text:
// shared and inline strings (rich text joined), numbers without exponent, date-formatted numbers as
// "YYYY-MM-DD" ("YYYY-MM-DD HH:MM" with a time), booleans "TRUE"/"FALSE", formulas as their cached
// result; an empty cell of a merged range holds the range's value (a village merged down over
// its people's rows: the merged ranges, which follow the rows, are read in a first pass). The
// sheet is decompressed and parsed in pieces, so memory stays small whatever the row count (the
// shared string table is held whole). Throws SheetError for a missing or malformed file.
void read_xlsx(const std::string& path, const RowCallback& on_row, size_t index = 0);

}  // namespace guiyan::io
