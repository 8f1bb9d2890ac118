// The catalogue of a merchant/talent record's editable fields (core/field.h says how values are
// checked). One place serves the API and the sheet import of the 名录.
#pragma once

#include <string>
#include <vector>

#include "core/field.h"

namespace guiyan::core {

// Every editable field in display order (system columns excluded).
const std::vector<Field>& merchant_fields();

// The field with this name, or nullptr.
const Field* find_merchant_field(const std::string& name);

// The fields of the investment intention, whose changes are kept as dated history.
const std::vector<std::string>& intention_field_names();

}  // namespace guiyan::core
