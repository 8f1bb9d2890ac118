// Importing a merchant and talent 名录 (.xlsx or .csv as offices keep it): header synonyms,
// row-by-row validation with Chinese reasons, matching of records already in the library (credit
// code, then name + phone, then enterprise + name), whole batches only.
#pragma once

#include <functional>
#include <string>

#include "service/import_summary.h"
#include "service/principal.h"
#include "store/db.h"

namespace guiyan::service {

// Imports the file at `path`. `by` is the signed-in account (rows whose hometown is outside its
// scope are rejected, records it cannot see are not matched), or null for the operator's command
// line. A row's record counts as verified on the sheet's 核实日期 when it has one, else on the
// day of the import (the office vouches for the list it uploads). Later values replace earlier
// ones; empty cells change nothing. Each committed batch stays committed; a failing row never
// stops the others; `progress` is called after every batch. Throws io::SheetError when the file
// cannot be read or has no recognisable header.
ImportSummary import_merchants(store::Db& db, const Actor& actor, const Principal* by,
                               const std::string& path, const ImportOptions& options,
                               const std::function<void(const ImportSummary&)>& progress = {});

// The field a 名录 header names (企业名称 → enterprise_name, 籍贯 → hometown_code …), or "".
std::string merchant_field_for_header(const std::string& header);

}  // namespace guiyan::service
