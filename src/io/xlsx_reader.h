// Streaming the rows of the first worksheet of an .xlsx file.
#pragma once

#include <string>

#include "io/sheet_reader.h"

namespace guiyan::io {

// Calls on_row for each non-empty row of the first visible worksheet of the .xlsx at `path`, in
// order, until it returns false. Cells are text: shared and inline strings (rich text joined),
// numbers without exponent, date-formatted numbers as "YYYY-MM-DD" ("YYYY-MM-DD HH:MM" with a
// time), booleans "TRUE"/"FALSE", formulas as their cached result. The sheet is decompressed and
// parsed in pieces, so memory stays small whatever the row count (the shared string table is
// held whole). Throws SheetError for a missing or malformed file.
void read_xlsx(const std::string& path, const RowCallback& on_row);

}  // namespace guiyan::io
