// Exporting the ventures ledger 返乡创业主体台账 of a filter as a file download.
#pragma once

#include <string>

#include "service/venture_service.h"

namespace guiyan::service {

// The ledger's column headers, which the venture import reads back.
const std::vector<std::string>& venture_ledger_header();

// Writes the ventures matching `q` (no paging) to a temporary .xlsx or .csv file and returns its
// path (venture:read; founders' full ID numbers need person:unmask and `unmask`). Audited with
// the filter and the row count; 400 for another format.
std::string export_ventures(store::Db& db, const Principal& p, const VentureQuery& q,
                            const std::string& format, bool unmask);

}  // namespace guiyan::service
