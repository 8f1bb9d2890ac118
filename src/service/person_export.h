// The ledger 台账 of a filter as an .xlsx or .csv file, written row by row in constant memory.
#pragma once

#include <string>

#include "service/person_query.h"

namespace guiyan::service {

// Writes the people matching `q` (person:export; full ID numbers and phones only with `unmask`,
// which needs person:unmask) to a temporary file of `format` (xlsx or csv) and returns its path.
// The export — filter, count and whether unmasked — is audited.
std::string export_people(store::Db& db, const Principal& p, const PersonQuery& q,
                          const std::string& format, bool unmask);

}  // namespace guiyan::service
