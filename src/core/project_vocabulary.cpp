#include "core/project_vocabulary.h"

namespace guiyan::core {

const std::vector<Term>& project_stages() {
  static const std::vector<Term> t = {
      {"lead", "线索", {"项目线索", "信息"}},
      {"contact", "对接", {"联系对接", "接洽"}},
      {"inspection", "考察", {"实地考察"}},
      {"reception", "接待", {"来访接待"}},
      {"negotiation", "洽谈", {"商务洽谈", "谈判"}},
      {"signed", "签约", {"已签约", "签订"}},
      {"landed", "落地", {"注册", "已落地", "落地注册"}},
      {"construction", "开工", {"在建", "已开工"}},
      {"production", "投产", {"已投产", "竣工投产"}},
      {"dropped", "终止", {"已终止", "放弃", "流失"}},
  };
  return t;
}

int stage_rank(std::string_view stage) {
  const auto& stages = project_stages();
  for (size_t i = 0; i + 1 < stages.size(); ++i) {
    if (stages[i].key == stage) return static_cast<int>(i);
  }
  return -1;
}

const std::vector<Term>& milestone_kinds() {
  static const std::vector<Term> t = {
      {"filing", "立项备案", {"备案", "核准"}},
      {"land", "用地审批", {"用地", "供地"}},
      {"planning", "规划许可", {"规划"}},
      {"environment", "环评审批", {"环评"}},
      {"construction_permit", "施工许可", {"施工许可证"}},
      {"acceptance", "竣工验收", {"验收"}},
  };
  return t;
}

const std::vector<Term>& appeal_categories() {
  static const std::vector<Term> t = {
      {"land_site", "用地用房", {"用地", "厂房", "场地"}},
      {"approval", "审批服务", {"审批", "办证"}},
      {"policy", "政策兑现", {"政策", "奖补"}},
      {"finance", "融资贷款", {"融资", "贷款"}},
      {"labour", "用工招聘", {"用工", "招工"}},
      {"infrastructure", "水电路气", {"基础设施", "配套"}},
      {"other", "其他", {}},
  };
  return t;
}

const std::vector<Term>& appeal_statuses() {
  static const std::vector<Term> t = {
      {"open", "待办理", {"办理中", "未办结"}},
      {"answered", "已答复", {"已回复"}},
      {"closed", "已办结", {"办结", "已关闭"}},
  };
  return t;
}

const std::vector<Term>& satisfactions() {
  static const std::vector<Term> t = {
      {"satisfied", "满意", {"非常满意"}},
      {"basic", "基本满意", {"一般"}},
      {"unsatisfied", "不满意", {}},
  };
  return t;
}

const std::vector<Term>& offer_statuses() {
  static const std::vector<Term> t = {
      {"open", "招商中", {"发布", "在招"}},
      {"taken", "已落实", {"已签约", "已对接"}},
      {"withdrawn", "已撤回", {"撤回", "取消"}},
  };
  return t;
}

}  // namespace guiyan::core
