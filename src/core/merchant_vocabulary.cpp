#include "core/merchant_vocabulary.h"

namespace guiyan::core {

const std::vector<Term>& merchant_categories() {
  static const std::vector<Term> t = {
      {"entrepreneur", "在外企业家", {"企业家", "楚商", "客商"}},
      {"alumnus", "知名校友", {"校友"}},
      {"talent", "高层次人才", {"人才", "专家", "高层次人才"}},
      {"industry_leader", "行业领军人物", {"领军人物", "行业领军"}},
      {"overseas", "侨商侨领", {"侨商", "侨领", "海外侨胞"}},
  };
  return t;
}

const std::vector<Term>& enterprise_sizes() {
  static const std::vector<Term> t = {
      {"large", "大型", {"大", "大型企业"}},
      {"medium", "中型", {"中", "中型企业"}},
      {"small", "小型", {"小", "小型企业"}},
      {"micro", "微型", {"微", "微型企业", "小微"}},
  };
  return t;
}

const std::vector<Term>& operating_statuses() {
  static const std::vector<Term> t = {
      {"operating", "正常经营", {"正常", "在营", "存续", "良好"}},
      {"expanding", "扩张发展", {"扩张", "快速发展", "扩大生产"}},
      {"struggling", "经营困难", {"困难", "亏损", "一般"}},
      {"closed", "停业注销", {"停业", "注销", "吊销", "歇业"}},
  };
  return t;
}

const std::vector<Term>& revenue_bands() {
  static const std::vector<Term> t = {
      {"under_1000", "1000万元以下", {"1000万以下"}},
      {"1000_10000", "1000万至1亿元", {"1000万-1亿", "千万级"}},
      {"10000_100000", "1亿至10亿元", {"1亿-10亿", "亿元级"}},
      {"over_100000", "10亿元以上", {"10亿以上", "十亿级"}},
  };
  return t;
}

const std::vector<Term>& influence_levels() {
  static const std::vector<Term> t = {
      {"national", "全国性", {"全国", "国家级"}},
      {"provincial", "省级", {"省内", "全省"}},
      {"city", "市级", {"市内", "全市"}},
      {"local", "一般", {"县级", "较小"}},
  };
  return t;
}

const std::vector<Term>& merchant_tags() {
  static const std::vector<Term> t = {
      {"ambassador", "招商大使", {"大使"}},
      {"alumnus", "校友", {}},
      {"overseas", "海外", {"境外", "侨"}},
      {"talent", "人才", {}},
      {"chamber_head", "商会负责人", {"会长", "商会会长"}},
      {"model", "回乡投资典型", {"典型"}},
  };
  return t;
}

const std::vector<Term>& intention_strengths() {
  static const std::vector<Term> t = {
      {"strong",
       "意向强烈",
       {"强烈", "强", "有明确意向", "较强", "很强", "意向强", "意向明确", "明确"}},
      {"possible", "有意向", {"有", "一般", "可能", "有一定意向", "意向一般", "较弱", "考虑中"}},
      {"none", "暂无意向", {"无", "暂无", "没有", "无意向", "没有意向"}},
      {"unknown", "未了解", {"未知", "不详", "待了解"}},
  };
  return t;
}

const std::vector<Term>& contact_kinds() {
  static const std::vector<Term> t = {
      {"visit", "叩门拜访", {"拜访", "走访", "上门拜访"}},
      {"festival", "节日慰问", {"慰问", "节日问候"}},
      {"reception", "来访接待", {"接待"}},
      {"talk", "座谈洽谈", {"座谈", "洽谈", "恳谈"}},
      {"call", "电话联系", {"电话", "微信联系"}},
  };
  return t;
}

const std::vector<Term>& festivals() {
  static const std::vector<Term> t = {
      {"spring_festival", "春节", {"新春", "过年"}}, {"qingming", "清明", {"清明节"}},
      {"dragon_boat", "端午", {"端午节"}},           {"mid_autumn", "中秋", {"中秋节"}},
      {"national_day", "国庆", {"国庆节"}},
  };
  return t;
}

const std::vector<Term>& chamber_kinds() {
  static const std::vector<Term> t = {
      {"hometown_chamber", "异地湖北商会", {"湖北商会", "异地商会", "商会"}},
      {"industry_association", "行业协会", {"协会"}},
      {"alumni", "校友会", {"校友组织"}},
      {"overseas", "海外侨团", {"侨团", "同乡会", "海外社团"}},
  };
  return t;
}

const std::vector<Term>& station_kinds() {
  static const std::vector<Term> t = {
      {"liaison", "楚商联络站", {"联络站"}},
      {"outstation", "驻外推介服务站", {"驻外服务站", "推介服务站"}},
  };
  return t;
}

const std::vector<Term>& ambassador_statuses() {
  static const std::vector<Term> t = {
      {"active", "在任", {"聘任中"}},
      {"ended", "已届满", {"已解聘", "期满"}},
  };
  return t;
}

}  // namespace guiyan::core
