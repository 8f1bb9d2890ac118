// Appeals 诉求 from merchants and projects: raised, assigned to a unit with a time limit,
// answered, closed with the satisfaction of the one who raised it; overdue ones flagged. The data
// scope applies to the region of the project (or merchant) the appeal comes from.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "service/principal.h"
#include "store/db.h"

namespace guiyan::service {

struct AppealQuery {
  std::string region, status;
  bool overdue = false;  // only open or answered ones past their due date
  std::optional<int64_t> project_id, merchant_id;
  int64_t limit = 50, offset = 0;
};

// {"items":[Appeal],"total","overdue"} newest first (project:read).
nlohmann::json list_appeals(store::Db& db, const Principal& p, const AppealQuery& q);

// Raises an appeal (project:write): {project_id or merchant_id, category, content, raised_on
// (default today), assigned_unit, due_on or time_limit_days (default 15 days)}.
nlohmann::json create_appeal_api(store::Db& db, const Principal& p, const nlohmann::json& body);

// The appeals of project `id` as the list gives them (overdue flags included), newest first; the
// caller has checked the project is in scope.
nlohmann::json project_appeals(store::Conn& c, int64_t id);

// One appeal with its replies (project:read).
nlohmann::json get_appeal_api(store::Db& db, const Principal& p, int64_t id);

// Records a reply (project:write): {content, unit, replied_on}; the appeal becomes answered.
nlohmann::json reply_appeal_api(store::Db& db, const Principal& p, int64_t id,
                                const nlohmann::json& body);

// Closes an appeal (project:write): {satisfaction, closed_on (default today)}.
nlohmann::json close_appeal_api(store::Db& db, const Principal& p, int64_t id,
                                const nlohmann::json& body);

}  // namespace guiyan::service
