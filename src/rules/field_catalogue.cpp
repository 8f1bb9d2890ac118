#include "rules/field_catalogue.h"

#include <array>

namespace guiyan::rules {
namespace {

using Choice = std::pair<std::string_view, std::string_view>;

constexpr std::array<Choice, 5> kPersonStatus{{{"away", "外出"},
                                               {"returned", "返乡"},
                                               {"employed_home", "返乡就业"},
                                               {"started_business", "返乡创业"},
                                               {"left_again", "再外出"}}};
constexpr std::array<Choice, 4> kVentureType{{{"individual_business", "个体工商户"},
                                              {"enterprise", "企业"},
                                              {"cooperative", "农民专业合作社"},
                                              {"family_farm", "家庭农场"}}};
constexpr std::array<Choice, 3> kVentureStatus{
    {{"operating", "经营中"}, {"suspended", "停业"}, {"closed", "注销"}}};
constexpr std::array<Choice, 3> kBorrowerKind{
    {{"individual", "个人"}, {"partnership", "合伙创业"}, {"small_firm", "小微企业"}}};

const std::array<FieldDef, 26> kFields{{
    {"today", Type::date, "评估日期", {}},
    {"person.status", Type::text, "人员状态", kPersonStatus},
    {"person.returnee", Type::boolean, "返乡人员", {}},
    {"person.returned_on", Type::date, "返乡日期", {}},
    {"person.age", Type::number, "年龄", {}},
    {"person.region", Type::text, "户籍地", {}},
    {"person.trainings_completed", Type::number, "已结业培训班次", {}},
    {"venture.type", Type::text, "主体类型", kVentureType},
    {"venture.registered_on", Type::date, "注册登记日期", {}},
    {"venture.first_registration", Type::boolean, "初次办理注册登记", {}},
    {"venture.employees", Type::number, "带动就业人数（含创业者本人）", {}},
    {"venture.status", Type::text, "经营状态", kVentureStatus},
    {"venture.region", Type::text, "经营所在地", {}},
    {"venture.industry", Type::text, "所属行业", {}},
    {"venture.in_park", Type::boolean, "入驻创业园区或孵化基地", {}},
    {"founder.returnee", Type::boolean, "创办人为返乡人员", {}},
    {"founder.status", Type::text, "创办人状态", kPersonStatus},
    {"founder.age", Type::number, "创办人年龄", {}},
    {"loan.borrower_kind", Type::text, "借款主体", kBorrowerKind},
    {"loan.amount_wan", Type::number, "贷款金额（万元）", {}},
    {"loan.rate_percent", Type::number, "贷款年利率（%）", {}},
    {"loan.contract_on", Type::date, "合同签订日期", {}},
    {"loan.term_months", Type::number, "贷款期限（月）", {}},
    {"loan.region", Type::text, "借款人所在地", {}},
    {"borrower.returnee", Type::boolean, "借款人为返乡创业人员", {}},
    {"borrower.previous_loans", Type::number, "此前已获创业担保贷款次数", {}},
}};

}  // namespace

std::span<const FieldDef> fields() {
  return kFields;
}

std::optional<size_t> field_slot(std::string_view name) {
  for (size_t i = 0; i < kFields.size(); ++i) {
    if (kFields[i].name == name) return i;
  }
  return std::nullopt;
}

const FieldDef& field_at(size_t slot) {
  return kFields.at(slot);
}

std::string display_field(const FieldDef& field, const Value& value) {
  if (value.is_text()) {
    for (const auto& [code, word] : field.choices) {
      if (code == value.as_text()) return std::string(word);
    }
  }
  return display(value);
}

bool field_belongs_to(std::string_view field, std::string_view subject) {
  auto prefix = field.substr(0, field.find('.'));
  if (prefix == "today") return true;
  if (subject == "person") return prefix == "person";
  if (subject == "venture") return prefix == "venture" || prefix == "founder";
  if (subject == "loan") return prefix == "loan" || prefix == "borrower";
  return false;
}

}  // namespace guiyan::rules
