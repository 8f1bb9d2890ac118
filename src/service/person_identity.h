// A person's gender and birth date: derived from a valid ID number, or stated by a sheet or a
// clerk when the person has none. What is stated is checked here, for the API and the import.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "core/field.h"

namespace guiyan::service {

// The identity field ("gender", "birth_date") of this name, or nullptr.
const core::Field* identity_field(const std::string& name);

// A stated gender or birth date from a sheet cell (empty = none), normalised; an error for a
// value that is no gender or date, a birth date after `today` or before 1900.
core::FieldValue stated_identity(const core::Field& field, const std::string& cell,
                                 const std::string& today);
// The same from a JSON value (null clears it).
core::FieldValue stated_identity(const core::Field& field, const nlohmann::json& raw,
                                 const std::string& today);

// Why a stated gender ("male"/"female") or birth date ("YYYY-MM-DD") cannot stand beside the
// valid ID number `id_number`, in Chinese ("性别与身份证号不符（身份证号显示为男）"); empty when
// they agree.
std::string identity_mismatch(const std::string& id_number, const std::string& field,
                              const std::string& stated);

// Why a stated birth year and month (出生年月, as written: "1985.03") cannot stand beside the
// valid ID number `id_number` ("出生年月与身份证号不符（身份证号显示为1980年1月）"); empty when
// they agree, when the text is no year and month, and for "1985.1" beside a number born in
// October 1985: Excel shows 1985.10 typed into a number cell as 1985.1.
std::string birth_month_mismatch(const std::string& id_number, const std::string& written);

// Why a sheet's 年龄 (`written_age` whole years) cannot stand beside the valid ID number
// `id_number` on `today` (YYYY-MM-DD): "年龄与身份证号不符（按身份证号为41周岁），请核对身份证号";
// empty when it is from two below to one above the full years the number gives (a sheet made a
// year or two ago, or one counting 虚岁) and when the number is not valid.
std::string age_mismatch(const std::string& id_number, int written_age, const std::string& today);

// Why a date in a person's life (`label`: 返乡时间, 状态开始日期 …) on `day` cannot stand before
// their birth on `birth` (both YYYY-MM-DD): "返乡时间（1960-01-01）早于出生日期（1986-02-23），
// 请核对"; empty when it is not earlier or either is empty.
std::string before_birth(const std::string& label, const std::string& day,
                         const std::string& birth);

}  // namespace guiyan::service
