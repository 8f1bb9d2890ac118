// Demo targets 目标任务 for the demo city and counties, so the dashboard has figures to measure.
#pragma once

#include <string>
#include <vector>

#include "store/db.h"

namespace guiyan::service {

// Enters this year's and last year's targets of the indicators the demo records feed, for `city`
// and each of `counties`, as if from the year's task book (source noted as demo data).
void create_demo_targets(store::Db& db, const std::string& city,
                         const std::vector<std::string>& counties);

}  // namespace guiyan::service
