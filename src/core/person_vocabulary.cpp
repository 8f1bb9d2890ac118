#include "core/person_vocabulary.h"

namespace guiyan::core {

const std::vector<Term>& person_statuses() {
  static const std::vector<Term> t = {
      {"away",
       "外出",
       {"外出务工", "在外务工", "外出中", "外地务工", "省外务工", "外出打工", "在外", "外出就业"}},
      {"returned",
       "返乡",
       {"已返乡", "返乡人员", "在家", "已回乡", "回乡", "返乡务农", "在家务农", "返乡待业"}},
      {"employed_home",
       "返乡就业",
       {"就地就业", "本地就业", "家门口就业", "就近就业", "县内就业", "返乡务工"}},
      {"started_business", "返乡创业", {"已创业", "自主创业", "创业", "创业中", "返乡创业中"}},
      {"left_again", "再外出", {"再次外出", "重新外出", "二次外出"}},
  };
  return t;
}

const std::vector<Term>& funnel_stages() {
  static const std::vector<Term> t = {
      {"identified", "摸得清", {"已摸排", "已登记"}},
      {"contacted", "联得上", {"已联系", "已对接"}},
      {"landed", "落得下", {"已落地", "已落实"}},
  };
  return t;
}

const std::vector<Term>& data_sources() {
  static const std::vector<Term> t = {
      {"big_data", "大数据", {"大数据比对", "数据比对"}},
      {"survey", "入户调查", {"网格化", "入户摸排", "网格员"}},
      {"self_report", "自主填报", {"个人填报", "自主申报"}},
      {"manual", "手工录入", {"人工录入", "手工"}},
  };
  return t;
}

const std::vector<Term>& help_kinds() {
  static const std::vector<Term> t = {
      {"site", "场地", {"场地需求", "厂房", "用地", "场地支持", "创业场地"}},
      {"loan",
       "贷款",
       {"资金", "融资", "创业担保贷款", "资金支持", "资金扶持", "贷款支持", "担保贷款",
        "创业贷款"}},
      {"training", "培训", {"技能培训", "创业培训", "培训需求", "职业培训"}},
      {"mentor", "导师", {"创业导师", "指导", "创业指导", "技术指导"}},
      {"policy", "政策咨询", {"政策", "政策解读", "政策支持", "政策扶持"}},
      {"employees", "招工", {"用工", "招聘", "用工需求", "招工需求"}},
  };
  return t;
}

const std::vector<Term>& service_kinds() {
  static const std::vector<Term> t = {
      {"labour_support", "用工保障", {}},    {"errand", "业务帮办", {}},
      {"startup_coaching", "创业陪跑", {}},  {"policy_advice", "政策咨询", {}},
      {"training_referral", "培训推荐", {}}, {"loan_matching", "贷款对接", {}},
      {"job_referral", "岗位推荐", {}},      {"visit", "走访慰问", {}},
  };
  return t;
}

// Sheets that follow the statistical forms write a bracket (初中及以下, 大专及以上): it is read as
// the level it names, as an office would correct it by hand; 初中以下 (below junior) is primary.
const std::vector<Term>& education_levels() {
  static const std::vector<Term> t = {
      {"primary",
       "小学及以下",
       {"小学", "文盲", "半文盲", "初中以下", "小学以下", "小学及以下文化", "未上学"}},
      {"junior", "初中", {"初中及以下"}},
      {"senior",
       "高中",
       {"中专", "职高", "技校", "中职", "高中/中专", "中专/高中", "高中(中专)", "高中及中专",
        "高中及以下"}},
      {"college", "大专", {"专科", "高职", "大学专科", "大专(高职)", "大专及以上"}},
      {"bachelor", "本科", {"大学", "大学本科", "本科及以上"}},
      {"postgraduate", "研究生", {"硕士", "博士", "研究生及以上", "硕士研究生", "博士研究生"}},
  };
  return t;
}

const std::vector<Term>& genders() {
  static const std::vector<Term> t = {
      {"male", "男", {"男性"}},
      {"female", "女", {"女性"}},
  };
  return t;
}

std::optional<std::string> find_term(const std::vector<Term>& terms, std::string_view word,
                                     bool include_retired) {
  while (!word.empty() && (word.front() == ' ' || word.front() == '\t')) word.remove_prefix(1);
  while (!word.empty() && (word.back() == ' ' || word.back() == '\t')) word.remove_suffix(1);
  for (const auto& t : terms) {
    if (t.retired && !include_retired) continue;
    if (t.key == word || t.label == word) return t.key;
    for (const auto& s : t.synonyms) {
      if (s == word) return t.key;
    }
  }
  return std::nullopt;
}

const Term* find_key(const std::vector<Term>& terms, std::string_view key) {
  for (const auto& t : terms) {
    if (t.key == key) return &t;
  }
  return nullptr;
}

std::string term_label(const std::vector<Term>& terms, std::string_view key) {
  for (const auto& t : terms) {
    if (t.key == key) return t.label;
  }
  return std::string(key);
}

std::string active_labels(const std::vector<Term>& terms) {
  std::string out;
  for (const auto& t : terms) {
    if (!t.retired) out += (out.empty() ? "" : "、") + t.label;
  }
  return out;
}

int funnel_rank(std::string_view stage) {
  const auto& f = funnel_stages();
  for (size_t i = 0; i < f.size(); ++i) {
    if (f[i].key == stage) return static_cast<int>(i);
  }
  return -1;
}

int source_rank(std::string_view source) {
  const auto& s = data_sources();
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i].key == source) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace guiyan::core
