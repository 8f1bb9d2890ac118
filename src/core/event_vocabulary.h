// The fixed vocabularies of events 活动: their types, levels, festivals and states, and the
// yearly minimum of events per level (市级每年至少4场次, 各县市区每年至少6场次; seed 001 (四)).
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "core/person_vocabulary.h"

namespace guiyan::core {

// promotion 推介会, dialogue 恳谈会, symposium 座谈会, festival_gathering 节日团拜会, job_fair
// 招聘会, bank_matchmaking 政银企对接会, contest 创业大赛, camp 训练营, other 其他.
const std::vector<Term>& event_types();
// city 市级, county 县级, township 乡镇级: the tier that holds the event.
const std::vector<Term>& event_levels();
// spring_festival 春节, qingming 清明, dragon_boat 端午, mid_autumn 中秋, national_day 国庆.
const std::vector<Term>& event_festivals();
// planned 计划中, held 已举办, cancelled 已取消.
const std::vector<Term>& event_statuses();
// The level of an event held in a region of this depth (region.level: 2 city, 3 county,
// 4 township), or nullopt for the province, villages and unknown depths.
std::optional<std::string_view> event_level_of_depth(int region_level);

}  // namespace guiyan::core
