// The catalogue of a venture's editable fields and the fixed vocabularies of ventures
// 返乡创业经营主体 (core/field.h checks the values, so the API and the sheet import agree).
#pragma once

#include <string>
#include <vector>

#include "core/field.h"
#include "core/person_vocabulary.h"

namespace guiyan::core {

// The kinds of business: individual_business 个体工商户, enterprise 企业, cooperative
// 农民专业合作社, family_farm 家庭农场.
const std::vector<Term>& venture_types();
// Operating status: operating 经营中, suspended 停业, closed 注销.
const std::vector<Term>& venture_statuses();

// Every editable field of a venture in display order (founders and employment excluded).
const std::vector<Field>& venture_fields();

// The field with this name, or nullptr.
const Field* find_venture_field(const std::string& name);

}  // namespace guiyan::core
