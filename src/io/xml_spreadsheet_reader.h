// Reading an Excel 2003 XML spreadsheet (“XML 电子表格 2003”, SpreadsheetML) saved under the name
// .xls, as some systems' "export to Excel" writes it, row by row as Excel shows it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "io/sheet_reader.h"

namespace guiyan::io {

// True when `head`, the first bytes of a file, is an XML document whose root element is a
// <Workbook> (after a byte order mark, blanks, the XML declaration, processing instructions and
// comments), not a web page.
bool looks_like_xml_spreadsheet(std::string_view head);

// The names of the worksheets of the XML spreadsheet at `path` in order, hidden ones left out.
// Throws SheetError for a missing file or one without a worksheet.
std::vector<std::string> xml_spreadsheet_names(const std::string& path);

// Calls on_row for each non-empty row of the worksheet at `index` of xml_spreadsheet_names(path),
// in order, until it returns false. A row's number and a cell's column follow their ss:Index as
// Excel places them; a cell spanning columns or rows (ss:MergeAcross, ss:MergeDown) fills each,
// as the readers fill merged cells. Numbers read as number_text writes them, dates as
// iso_date_text, TRUE/FALSE for booleans; a cell's comment is not its text. Encoded as the XML
// declaration says (UTF-8, GBK, GB2312, GB18030), else as detect_text_encoding finds. Streams the
// file. Throws SheetError for a missing file or worksheet.
void read_xml_spreadsheet(const std::string& path, const RowCallback& on_row, size_t index);

}  // namespace guiyan::io
