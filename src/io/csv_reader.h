// Streaming the rows of a CSV file as offices have them: UTF-8 (with or without BOM), GB18030
// from Chinese Excel, or UTF-16 "Unicode text".
#pragma once

#include <string>

#include "io/sheet_reader.h"

namespace guiyan::io {

// Calls on_row for each non-empty record of the CSV file at `path`, in order, until it returns
// false. The encoding is detected (see detect_text_encoding); the separator is a comma, or a tab
// when the first line has tabs and no comma. Quoted fields may hold separators, doubled quotes
// and line breaks (CRLF inside quotes becomes LF). Row numbers count records from 1, the way Excel
// numbers the rows when it opens the file. The file is read in chunks, so memory stays small.
// Throws SheetError when the file cannot be read or a quote is unbalanced ("CSV 第N行引号不匹配").
void read_csv(const std::string& path, const RowCallback& on_row);

}  // namespace guiyan::io
