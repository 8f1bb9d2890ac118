// Importing a people ledger (.xlsx or .csv as offices keep them): header synonyms, row-by-row
// validation with Chinese reasons, upsert with source precedence, whole batches only.
#pragma once

#include <functional>
#include <string>

#include "service/import_summary.h"
#include "service/principal.h"
#include "store/db.h"

namespace guiyan::service {

// Imports the file at `path`. `by` is the signed-in account (rows outside its scope are rejected),
// or null for the operator's command line. Each committed batch stays committed whatever happens
// later; a row that fails never stops the others. `progress` is called after every batch. A real
// (not dry) import ends by refreshing the duplicate review queue, so new people pair with old.
// Throws io::SheetError when the file cannot be read or has no recognisable header.
ImportSummary import_people(store::Db& db, const Actor& actor, const Principal* by,
                            const std::string& path, const ImportOptions& options,
                            const std::function<void(const ImportSummary&)>& progress = {});

// The field a sheet header names (姓名 → name, 身份证号码 → id_number; a yes/no need column such
// as 培训意愿 → help_answer:training), or "" when none.
std::string field_for_header(const std::string& header);

}  // namespace guiyan::service
