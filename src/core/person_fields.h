// The catalogue of a person's editable fields (core/field.h says how values are checked).
// One place serves the API (JSON values) and the sheet import (text cells).
#pragma once

#include <string>
#include <vector>

#include "core/field.h"

namespace guiyan::core {

// Every editable field in display order (derived gender/birth_date and system columns excluded).
const std::vector<Field>& person_fields();

// The field with this name, or nullptr.
const Field* find_person_field(const std::string& name);

// Gender and birth date: derived from a valid ID number, stated (by a sheet or a clerk) only for
// a person without one. Not among person_fields(): the record keeps them as system columns.
const std::vector<Field>& person_identity_fields();

}  // namespace guiyan::core
