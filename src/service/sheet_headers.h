// Recognising the column headers offices write in their ledgers.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/field.h"

namespace guiyan::service {

// A header cell trimmed, full-width forms folded, spaces and the "*" that marks required columns
// removed.
std::string clean_header(const std::string& header);

// The name of the field a header names: a field's label or one of `words` (header word → field
// name), also once a trailing unit in brackets is dropped ("资金需求（万元）" → "资金需求");
// "" when none.
std::string header_field(const std::vector<core::Field>& fields,
                         const std::map<std::string, std::string>& words,
                         const std::string& header);

}  // namespace guiyan::service
