// Reading the rows of an uploaded ledger (.xlsx, .xls or .csv) one at a time, in file order.
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

// What a user is told of a file whose name is_sheet_file_name refuses.
inline constexpr const char* kSheetFileTypes = "不支持的文件类型，请上传 .xlsx、.xls 或 .csv 文件";

// True when `name` ends in .xlsx, .xls or .csv (any case): a file read_sheet reads.
bool is_sheet_file_name(const std::string& name);

// Reads `path` (.xlsx, .xls or .csv by its extension, any case; an Excel file by its content, so
// an .xls renamed .xlsx is read too, and an Excel 2003 XML spreadsheet or a web page's tables
// under the name .xls as Excel opens them: read_xml_spreadsheet, read_html_table) and calls on_row
// for every non-empty row in order, the header included, until on_row returns false. Throws
// SheetError for a missing, unsupported or malformed file; exceptions thrown by on_row pass through
// unchanged.
void read_sheet(const std::string& path, const RowCallback& on_row);

// The sheets of `path` that read_sheet_at reads: an .xlsx's visible worksheets (an .xls's
// worksheets, an XML spreadsheet's) by name in tab order, one unnamed sheet for a .csv or a web
// page. Throws SheetError
// like read_sheet.
std::vector<std::string> sheet_names(const std::string& path);

// read_sheet for the sheet at `index` of sheet_names(path) (read_sheet reads the first).
void read_sheet_at(const std::string& path, size_t index, const RowCallback& on_row);

}  // namespace guiyan::io
