// The leaders' dashboard 驾驶舱 of a region and year: every indicator against its target with the
// child regions ranked and monthly series, the project pipeline funnel, and the follow-up lists.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "service/principal.h"
#include "store/db.h"

namespace guiyan::service {

// {region, year, as_of, indicators:[…as indicator_figures_api…], pipeline (null without
// project:read), children:[{code,name,completion}] (the mean completion of the indicators with a
// target, capped at 100% each, ranked), tasks (the year's overdue tasks of the region and below,
// with the status counts; null without task:read), reports (the units that have not filed the
// latest quarter ended within the year; null without report:read or before the year's first quarter
// ends)} (indicator:read; region within the account's scope).
nlohmann::json dashboard_api(store::Db& db, const Principal& p, const std::string& region,
                             int year);

}  // namespace guiyan::service
