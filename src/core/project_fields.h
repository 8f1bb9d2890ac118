// The catalogue of an investment project's editable fields (core/field.h checks the values).
#pragma once

#include <string>
#include <vector>

#include "core/field.h"

namespace guiyan::core {

// Every editable field of a project in display order (stage and system columns excluded).
const std::vector<Field>& project_fields();

// The field with this name, or nullptr.
const Field* find_project_field(const std::string& name);

}  // namespace guiyan::core
