// The fixed vocabularies of the merchant and talent library 楚商楚才库: keys stored in the
// database, Chinese labels shown to users, and the words offices write in their sheets.
#pragma once

#include <vector>

#include "core/person_vocabulary.h"

namespace guiyan::core {

// Who a record is: entrepreneur, alumnus, talent, industry_leader, overseas (侨商侨领).
const std::vector<Term>& merchant_categories();
// Enterprise size class: large, medium, small, micro.
const std::vector<Term>& enterprise_sizes();
// Operating status of the enterprise: operating, expanding, struggling, closed.
const std::vector<Term>& operating_statuses();
// Yearly revenue bands in 万元.
const std::vector<Term>& revenue_bands();
// Social influence: national, provincial, city, local.
const std::vector<Term>& influence_levels();
// Tags staff put on records: ambassador, alumnus, overseas, talent, chamber_head, model.
const std::vector<Term>& merchant_tags();
// Investment intention: strong, possible, none, unknown.
const std::vector<Term>& intention_strengths();
// Kinds of contact: visit (叩门拜访), festival (节日慰问), reception, talk, call.
const std::vector<Term>& contact_kinds();
// The festivals of 节日慰问: spring_festival, qingming, dragon_boat, mid_autumn, national_day.
const std::vector<Term>& festivals();

// Kinds of chambers: hometown_chamber (异地湖北商会), industry_association, alumni, overseas.
const std::vector<Term>& chamber_kinds();
// Kinds of stations: liaison (楚商联络站), outstation (驻外推介服务站).
const std::vector<Term>& station_kinds();
// An ambassador's standing: active, ended.
const std::vector<Term>& ambassador_statuses();

}  // namespace guiyan::core
