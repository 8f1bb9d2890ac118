// JSON form of identifier check results: every struct field under its own name, always present.
#pragma once

#include <nlohmann/json.hpp>

#include "core/credit_code.h"
#include "core/id_number.h"
#include "core/phone.h"

namespace guiyan::core {

// Writes every field of an ID number result (warnings as an array of strings).
void to_json(nlohmann::json& json, const IdNumberResult& result);
// Writes every field of a credit code result.
void to_json(nlohmann::json& json, const CreditCodeResult& result);
// Writes every field of a phone result.
void to_json(nlohmann::json& json, const PhoneResult& result);

}  // namespace guiyan::core
