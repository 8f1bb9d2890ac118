#include "core/project_fields.h"

namespace guiyan::core {

const std::vector<Field>& project_fields() {
  using K = FieldKind;
  static const std::vector<Field> f = {
      {"name", "项目名称", K::text, 100},
      {"investor", "投资方", K::text, 100},
      {"region_code", "落地地区", K::region, 12},
      {"industry", "所属行业", K::industry, 4},
      {"amount_wan", "计划投资（万元）", K::integer},
      {"ambassador_id", "引荐大使", K::integer},
      {"task_leader", "包保领导", K::personal_name, 40},
      {"task_department", "责任部门", K::text, 60},
      {"task_cadre", "专班干部", K::personal_name, 40},
      {"description", "项目简介", K::text, 2000},
  };
  return f;
}

const Field* find_project_field(const std::string& name) {
  return find_field(project_fields(), name);
}

}  // namespace guiyan::core
