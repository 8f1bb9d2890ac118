// Listing and searching the people registry, and the funnel statistics by region.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "service/facet_support.h"
#include "service/principal.h"
#include "store/db.h"

namespace guiyan::service {

struct PersonQuery {
  std::string q;       // name, ID number or its last 4–6, phone or its last 4, skill, brand …
  std::string region;  // subtree; default: the account's region
  std::string status;
  std::string funnel_stage;
  std::string help;  // a help_wanted key
  std::string labour_brand;
  std::string source;
  std::optional<int> age_min, age_max;
  std::string home_on;      // YYYY-MM-DD: only people whose status on that date was at home
  std::string case_worker;  // a user id, or "none" for people nobody is assigned to
  // "overdue": the next step of the latest service record was due before today (China time);
  // "due": it is due within the next 7 days, overdue ones included.
  std::string next_step;
  int64_t limit = 50;
  int64_t offset = 0;
};

// {"items":[Person (masked)],"total","by_region":[{code,name,count}],"places":[{code,name,path}]}
// (person:read). Sorted by id, newest first; each item with "next_step": the next step its
// latest service record left ({"text","due","overdue"}) or null. "places": the regions a word of
// q names within the list's region, whose people that word also finds. Throws 400 for a
// malformed filter.
nlohmann::json list_people(store::Db& db, const Principal& p, const PersonQuery& q,
                           ListPlan plan = ListPlan::best);

// Per child region of `region` (default the account's): counts by status and funnel stage and
// the conversion rates contacted/identified and landed/contacted (person:read). `plan` as for
// list_people (the running tally answers either way where it can).
nlohmann::json people_stats(store::Db& db, const Principal& p, const std::string& region,
                            ListPlan plan = ListPlan::best);

// Calls fn for every person matching the query (no paging), in list order, streaming.
void for_each_person(store::Db& db, const Principal& p, const PersonQuery& q,
                     const std::function<void(const store::Row&)>& fn);

}  // namespace guiyan::service
