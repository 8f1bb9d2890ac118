// Reading the tables of a web page saved under the name .xls, as many government systems' "export
// to Excel" writes them, row by row as Excel shows them when it opens the file.
#pragma once

#include <string>
#include <string_view>

#include "io/sheet_reader.h"

namespace guiyan::io {

// True when `head`, the first bytes of a file, is a web page holding a table (after a byte order
// mark and blanks it starts with "<", and names <html or <table), not a spreadsheet.
bool looks_like_html_table(std::string_view head);

// Calls on_row for each non-empty row (<tr>) of the tables of the web page at `path`, in order,
// until it returns false; a row's number counts every <tr> from the page's first, as Excel numbers
// them. A cell (<td>, <th>) is its text with entities decoded, blanks run together and trimmed,
// <br> as a line break; a cell spanning columns or rows (colspan, rowspan) fills each of them, as
// the readers fill merged cells. Encoded as its <meta charset> says (UTF-8, GBK, GB2312,
// GB18030), else as detect_text_encoding finds. Streams the file. Throws SheetError for a missing
// file or a page without a table row.
void read_html_table(const std::string& path, const RowCallback& on_row);

}  // namespace guiyan::io
