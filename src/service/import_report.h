// The error report of an import as a sheet a clerk can open: one line per problem.
#pragma once

#include <string>

#include "service/import_summary.h"

namespace guiyan::service {

// Writes the issues of `summary` to an .xlsx file (行号, 列, 内容, 原因), with a first line that
// sums the import up. Throws io::SheetError when the file cannot be written.
void write_import_report(const std::string& path, const ImportSummary& summary);

// The one-line JSON summary the command line prints.
std::string summary_json(const ImportSummary& summary);

}  // namespace guiyan::service
