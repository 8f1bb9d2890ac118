// The pipeline board 招商项目看板 and the approval-time comparison, for a region and a year.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "service/facet_support.h"
#include "service/principal.h"
#include "store/db.h"

namespace guiyan::service {

// Per stage: projects there now (count, amount, major ones), projects that reached it in `year`
// (count, amount), conversion to the next stage within the year, average days spent in it
// (between dated entries; the entry in the year); and for the year: signed major projects, funds
// arrived, projects dropped (project:read; region default the account's; year default this one).
// The year's figures come from the running tally (project_stage_tally) when it can answer — a
// province, city or county whose every record the account sees — unless `plan` asks for SQL.
nlohmann::json project_board(store::Db& db, const Principal& p, const std::string& region, int year,
                             ListPlan plan = ListPlan::best);

// Average days from filing to finishing each approval milestone finished in `year` against
// `baseline` (default the year before), per kind and overall, and whether it is at least 20%
// faster (project:read).
nlohmann::json approval_times(store::Db& db, const Principal& p, const std::string& region,
                              int year, int baseline);

}  // namespace guiyan::service
