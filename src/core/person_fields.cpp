#include "core/person_fields.h"

namespace guiyan::core {

const std::vector<Field>& person_fields() {
  using K = FieldKind;
  static const std::vector<Field> f = {
      {"id_number", "身份证号", K::id_number, 18},
      {"name", "姓名", K::personal_name, 40},
      {"phone", "联系电话", K::phone, 20},
      {"phone2", "备用电话", K::phone, 20},
      {"region_code", "户籍地", K::region, 12},
      {"address", "详细地址", K::text, 200},
      {"work_province", "务工省份", K::text, 20},
      {"work_city", "务工城市", K::text, 40},
      {"work_employer", "务工单位", K::text, 100},
      {"education", "文化程度", K::vocab, 20, &fixed_terms<education_levels>},
      // Skills outside the dictionary are kept as free text (skills_note).
      {"skills", "技能特长", K::vocab_list, 200, &skill_terms, true},
      {"skills_note", "技能说明", K::text, 200},
      {"labour_brand", "劳务品牌", K::vocab, 20, &labour_brands},
      {"willing", "有创业意愿", K::flag},
      {"capable", "有创业能力", K::flag},
      {"creditworthy", "有良好信誉", K::flag},
      {"status", "人员状态", K::vocab, 20, &fixed_terms<person_statuses>},
      {"status_since", "状态开始日期", K::date},
      {"funnel_stage", "工作进度", K::vocab, 20, &fixed_terms<funnel_stages>},
      {"intention_industry", "意向行业", K::industry, 4},
      {"intention_investment_wan", "计划投资（万元）", K::integer},
      {"intention_funding_wan", "资金需求（万元）", K::integer},
      {"help_wanted", "需求", K::vocab_list, 100, &fixed_terms<help_kinds>},
      // Needs outside the list (子女入学, 土地流转) are kept as free text (help_wanted_note).
      {"help_wanted_note", "其他需求", K::text, 200},
      {"intention_note", "创业意向", K::text, 500},
      {"mentor_name", "创业导师", K::personal_name, 40},
      {"notes", "备注", K::text, 1000},
  };
  return f;
}

const Field* find_person_field(const std::string& name) {
  return find_field(person_fields(), name);
}

const std::vector<Field>& person_identity_fields() {
  static const std::vector<Field> f = {
      {"gender", "性别", FieldKind::vocab, 4, &fixed_terms<genders>},
      {"birth_date", "出生日期", FieldKind::date},
  };
  return f;
}

}  // namespace guiyan::core
