// Text an importer adds to a record's text field beside what the row's own cell gave (其他需求,
// 备注, 创业意向), shared by the people and merchant imports.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/field.h"
#include "store/value.h"

namespace guiyan::service {

// Adds each of `texts` that the text field `f` of `values` does not hold yet, after `sep`; false,
// changing nothing, when the field would then be too long (or otherwise invalid) for `f`.
bool append_texts(std::map<std::string, store::Value>& values, const core::Field& f,
                  const std::vector<std::string>& texts, const std::string& sep,
                  const std::string& today);

}  // namespace guiyan::service
