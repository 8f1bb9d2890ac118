// Demo task list 任务清单 and quarterly reports 信息报送: the 13 tasks of Jingzhou 2025 (seed
// 001) with their units, progress notes and follow-up notices, the reporting lines, and reports
// of the last two quarters (some late, some missing).
#pragma once

#include <string>

#include "store/db.h"

namespace guiyan::service {

// Adds the city departments the tasks name when missing (文旅局, 融媒体中心, 金融监管分局, the
// development zones' 管委会, the counties' 人民政府), then the tasks of 2025 for `city` (its
// name replacing 荆州), their notes and notices, the reporting lines and the reports, dated
// relative to today. Returns the number of tasks created.
int create_demo_tasks(store::Db& db, const std::string& city);

}  // namespace guiyan::service
