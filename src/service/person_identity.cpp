#include "service/person_identity.h"

#include "core/date.h"
#include "core/id_number.h"
#include "core/person_fields.h"

namespace guiyan::service {
namespace {

// Refuses a birth date before 1900: no returnee is that old, and a typed year is the likelier.
core::FieldValue bounded(const core::Field& field, core::FieldValue v) {
  auto date = std::get_if<std::string>(&v.value);
  if (v.ok() && field.name == "birth_date" && date && *date < "1900-01-01") {
    return core::FieldValue{store::Null{}, "出生日期不能早于1900年，实际为" + *date, {}};
  }
  return v;
}

}  // namespace

const core::Field* identity_field(const std::string& name) {
  return core::find_field(core::person_identity_fields(), name);
}

core::FieldValue stated_identity(const core::Field& field, const std::string& cell,
                                 const std::string& today) {
  return bounded(field, core::normalize_text(field, cell, today));
}

core::FieldValue stated_identity(const core::Field& field, const nlohmann::json& raw,
                                 const std::string& today) {
  return bounded(field, core::normalize_json(field, raw, today));
}

std::string identity_mismatch(const std::string& id_number, const std::string& field,
                              const std::string& stated) {
  auto r = core::check_id_number(id_number, core::Date{9999, 12, 31});
  if (!r.valid) return {};
  if (field == "gender" && stated != r.gender) {
    return std::string("性别与身份证号不符（身份证号显示为") + (r.gender == "male" ? "男" : "女") +
           "）";
  }
  if (field == "birth_date" && stated != r.birth_date) {
    return "出生日期与身份证号不符（身份证号显示为" + r.birth_date + "）";
  }
  return {};
}

std::string birth_month_mismatch(const std::string& id_number, const std::string& written) {
  auto r = core::check_id_number(id_number, core::Date{9999, 12, 31});
  auto month = core::parse_written_month(written);
  if (!r.valid || !month) return {};
  auto born = core::Date::parse_iso(r.birth_date);
  if (!born || (born->year == month->year && born->month == month->month)) return {};
  size_t from = written.find_first_not_of(" \t"), to = written.find_last_not_of(" \t");
  std::string text = written.substr(from, to - from + 1);  // parse_written_month read something
  bool lost_zero = month->month == 1 && text.size() == 6 && text.ends_with(".1");
  if (lost_zero && born->year == month->year && born->month == 10) return {};
  return "出生年月与身份证号不符（身份证号显示为" + std::to_string(born->year) + "年" +
         std::to_string(born->month) + "月）";
}

std::string age_mismatch(const std::string& id_number, int written_age, const std::string& today) {
  auto r = core::check_id_number(id_number, core::Date{9999, 12, 31});
  auto born = r.valid ? core::Date::parse_iso(r.birth_date) : std::nullopt;
  auto on = core::Date::parse_iso(today);
  if (!born || !on) return {};
  int full = born->age_on(*on);
  if (written_age >= full - 2 && written_age <= full + 1) return {};
  return "年龄与身份证号不符（按身份证号为" + std::to_string(full) + "周岁），请核对身份证号";
}

std::string before_birth(const std::string& label, const std::string& day,
                         const std::string& birth) {
  if (day.empty() || birth.empty() || day >= birth) return "";
  return label + "（" + day + "）早于出生日期（" + birth + "），请核对";
}

}  // namespace guiyan::service
