#include "core/event_vocabulary.h"

namespace guiyan::core {

const std::vector<Term>& event_types() {
  static const std::vector<Term> t = {
      {"promotion", "推介会", {"招商推介会", "推介"}},
      {"dialogue", "恳谈会", {"招商恳谈会", "恳谈"}},
      {"symposium", "座谈会", {"座谈"}},
      {"festival_gathering", "节日团拜会", {"团拜会", "团拜"}},
      {"job_fair", "招聘会", {"专场招聘会", "招聘"}},
      {"bank_matchmaking", "政银企对接会", {"银企对接会", "政银企对接"}},
      {"contest", "创业大赛", {"大赛"}},
      {"camp", "训练营", {"创业训练营"}},
      {"other", "其他", {}},
  };
  return t;
}

const std::vector<Term>& event_levels() {
  static const std::vector<Term> t = {
      {"city", "市级", {"市"}},
      {"county", "县级", {"县", "县（市、区）"}},
      {"township", "乡镇级", {"乡镇", "乡镇（街道）"}},
  };
  return t;
}

const std::vector<Term>& event_festivals() {
  static const std::vector<Term> t = {
      {"spring_festival", "春节", {"春节期间"}}, {"qingming", "清明", {"清明节"}},
      {"dragon_boat", "端午", {"端午节"}},       {"mid_autumn", "中秋", {"中秋节"}},
      {"national_day", "国庆", {"国庆节"}},
  };
  return t;
}

const std::vector<Term>& event_statuses() {
  static const std::vector<Term> t = {
      {"planned", "计划中", {"计划", "筹备中"}},
      {"held", "已举办", {"举办", "已办"}},
      {"cancelled", "已取消", {"取消"}},
  };
  return t;
}

std::optional<std::string_view> event_level_of_depth(int region_level) {
  switch (region_level) {
    case 2:
      return "city";
    case 3:
      return "county";
    case 4:
      return "township";
    default:
      return std::nullopt;
  }
}

}  // namespace guiyan::core
