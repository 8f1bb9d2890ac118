// Importing a ventures ledger 返乡创业主体台账 (.xlsx or .csv as offices keep it): header
// synonyms, row-by-row validation with Chinese reasons, founders found by their ID numbers among
// the people of the registry, and re-runs that change nothing (a row updates the venture with its
// credit code, or, without one, the venture of the same name in the same place).
#pragma once

#include <functional>
#include <string>

#include "service/import_summary.h"
#include "service/principal.h"
#include "store/db.h"

namespace guiyan::service {

// Imports the file at `path`. `by` is the signed-in account (rows whose place, venture or
// founders lie outside its scope are rejected), or null for the operator's command line. A row's
// founders are added to those a venture already has; a 带动就业人数 is recorded on the row's
// 统计日期, or today when the latest count differs. Empty cells change nothing. Throws
// io::SheetError when the file cannot be read or has no recognisable header.
ImportSummary import_ventures(store::Db& db, const Actor& actor, const Principal* by,
                              const std::string& path, const ImportOptions& options,
                              const std::function<void(const ImportSummary&)>& progress = {});

// The field a ledger header names (主体名称 → name, 创办人身份证号 → founders, 所在地 →
// region_code …), "skip" for a column written by the export only, or "".
std::string venture_field_for_header(const std::string& header);

}  // namespace guiyan::service
