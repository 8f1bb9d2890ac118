#include "core/merchant_fields.h"

#include "core/merchant_vocabulary.h"

namespace guiyan::core {

const std::vector<Field>& merchant_fields() {
  using K = FieldKind;
  static const std::vector<Field> f = {
      {"name", "姓名", K::personal_name, 40},
      {"categories", "人员类别", K::vocab_list, 100, &fixed_terms<merchant_categories>},
      {"position", "职务", K::text, 60},
      {"phone", "联系电话", K::phone, 20},
      {"enterprise_name", "企业名称", K::text, 100},
      {"credit_code", "统一社会信用代码", K::credit_code, 18},
      {"industry", "所属行业", K::industry, 4},
      {"enterprise_size", "企业规模", K::vocab, 20, &fixed_terms<enterprise_sizes>},
      {"operating_status", "经营状况", K::vocab, 20, &fixed_terms<operating_statuses>},
      {"revenue_band", "营业收入", K::vocab, 20, &fixed_terms<revenue_bands>},
      {"hometown_code", "籍贯地", K::region, 12},
      {"location_city", "现所在城市", K::text, 40},
      {"location_country", "所在国家或地区", K::text, 40},
      {"chambers", "所属商会协会", K::text, 200},
      {"influence", "社会影响力", K::vocab, 20, &fixed_terms<influence_levels>},
      {"tags", "标签", K::vocab_list, 100, &fixed_terms<merchant_tags>},
      {"intention_strength", "投资意向", K::vocab, 20, &fixed_terms<intention_strengths>},
      {"intention_industries", "意向行业", K::industry_list, 60},
      {"intention_min_wan", "意向投资下限（万元）", K::integer},
      {"intention_max_wan", "意向投资上限（万元）", K::integer},
      {"intention_regions", "意向投资地区", K::region_list, 120},
      {"intention_note", "意向说明", K::text, 500},
      {"notes", "备注", K::text, 1000},
  };
  return f;
}

const Field* find_merchant_field(const std::string& name) {
  return find_field(merchant_fields(), name);
}

const std::vector<std::string>& intention_field_names() {
  static const std::vector<std::string> names = {"intention_strength", "intention_industries",
                                                 "intention_min_wan",  "intention_max_wan",
                                                 "intention_regions",  "intention_note"};
  return names;
}

}  // namespace guiyan::core
