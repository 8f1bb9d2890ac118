// The rows an import refused, handed back in the sheet's own layout so that a clerk corrects them
// and imports the file again, instead of looking each row up by its number.
#pragma once

#include <string>

#include "service/import_summary.h"
#include "service/sheet_headers.h"

namespace guiyan::service {

// The header of the column that says why each row was refused; the importers pass over a
// column so named.
inline constexpr const char* kRejectedReasonHeader = "未导入原因";

// Writes to `out_path` (.xlsx) the header row of the sheet `summary` read from `source_path`
// (a header of two rows as one, two_row_header by `field_of`, the import's own), then each row
// it refused (issues of a row that was not kept) with its cells as read and a last column
// 未导入原因 (the reasons, separated by "；"). Returns the number of rows written.
// Throws io::SheetError when the source cannot be read or the file cannot be written.
size_t write_rejected_rows(const std::string& source_path, const ImportSummary& summary,
                           FieldOf field_of, const std::string& out_path);

}  // namespace guiyan::service
