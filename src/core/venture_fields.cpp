#include "core/venture_fields.h"

namespace guiyan::core {

const std::vector<Term>& venture_types() {
  static const std::vector<Term> t = {
      {"individual_business", "个体工商户", {"个体户", "个体", "个体经营"}},
      {"enterprise", "企业", {"公司", "有限公司", "有限责任公司", "个人独资企业", "合伙企业"}},
      {"cooperative", "农民专业合作社", {"合作社", "专业合作社"}},
      {"family_farm", "家庭农场", {"农场"}},
  };
  return t;
}

const std::vector<Term>& venture_statuses() {
  static const std::vector<Term> t = {
      {"operating", "经营中", {"在营", "正常", "存续", "开业", "营业"}},
      {"suspended", "停业", {"歇业", "暂停营业"}},
      {"closed", "注销", {"已注销", "关闭", "吊销"}},
  };
  return t;
}

const std::vector<Field>& venture_fields() {
  using K = FieldKind;
  static const std::vector<Field> f = {
      {"type", "主体类型", K::vocab, 20, &fixed_terms<venture_types>},
      {"name", "主体名称", K::text, 100},
      {"credit_code", "统一社会信用代码", K::credit_code, 18},
      {"registered_on", "注册日期", K::date},
      {"first_registration", "是否初次注册", K::flag},
      {"industry", "行业", K::industry, 4},
      {"region_code", "所在地", K::region, 12},
      {"address", "经营地址", K::text, 200},
      {"in_park", "是否入驻创业园区", K::flag},
      {"status", "经营状态", K::vocab, 20, &fixed_terms<venture_statuses>},
      {"notes", "备注", K::text, 1000},
  };
  return f;
}

const Field* find_venture_field(const std::string& name) {
  return find_field(venture_fields(), name);
}

}  // namespace guiyan::core
