// Use cases of investment projects 招商项目 for the API: register, change, move along the
// pipeline, record funds arrived, approval milestones and on-site visits, read the project file —
// all under the account's data scope, which applies to the region where the project lands.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "service/principal.h"
#include "store/db.h"

namespace guiyan::service {

struct ProjectQuery {
  std::string q;       // name or investor (substring)
  std::string region;  // subtree; default the account's
  std::string stage;   // a stage key
  bool major = false;  // only projects of at least 1亿 (10000 万元)
  int64_t limit = 50, offset = 0;
};

// {"items":[Project],"total"} newest first (project:read).
nlohmann::json list_projects(store::Db& db, const Principal& p, const ProjectQuery& q);

// Registers a project (project:write): the fields of core/project_fields plus stage (default
// lead), stage_on (default today; earlier stages are not recorded) and merchant_ids.
nlohmann::json create_project_api(store::Db& db, const Principal& p, const nlohmann::json& body);

// Changes fields and merchant_ids (the whole new list) of a project in scope (project:write); the
// stage changes only through a move.
nlohmann::json update_project_api(store::Db& db, const Principal& p, int64_t id,
                                  const nlohmann::json& body);

// The project file: the project, its stage history, merchants, funds, milestones, visits and
// appeals (project:read).
nlohmann::json project_file_api(store::Db& db, const Principal& p, int64_t id);

// Moves a project (project:write): body {stage, on, dates: {skipped stage: date or null for not
// known}, reason (for dropped), note}; the rule is core/stage_move.h. Audited.
nlohmann::json move_project_api(store::Db& db, const Principal& p, int64_t id,
                                const nlohmann::json& body);

// Records funds arrived 到资 (project:write): {arrived_on, amount_wan, note}.
nlohmann::json add_funding_api(store::Db& db, const Principal& p, int64_t id,
                               const nlohmann::json& body);

// Records an approval milestone (project:write): {kind, started_on, finished_on, note}.
nlohmann::json add_milestone_api(store::Db& db, const Principal& p, int64_t id,
                                 const nlohmann::json& body);

// Finishes (or corrects) a milestone (project:write): {finished_on, note}.
nlohmann::json update_milestone_api(store::Db& db, const Principal& p, int64_t id,
                                    int64_t milestone_id, const nlohmann::json& body);

// Records an on-site visit 十问十帮 (project:write): {visited_on, staff, findings, help}.
nlohmann::json add_visit_api(store::Db& db, const Principal& p, int64_t id,
                             const nlohmann::json& body);

// The project in scope (404 otherwise) as the API shows it, read through `c`.
nlohmann::json project_in_scope(store::Conn& c, const Principal& p, int64_t id);

// Whether a project at `stage` is being built and needs a visit every 60 days (signed, landed,
// construction).
bool needs_visits(const std::string& stage);

}  // namespace guiyan::service
