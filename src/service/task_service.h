// Use cases of the task list 任务清单 of a joint meeting 联席会议: tasks with their lead and
// responsible units (departments), progress notes, the done mark, follow-up notices 督办 and
// each unit's alerts. A task belongs to the region of its joint meeting: an account sees it when
// that region is in its data scope, or when its own department is one of the task's units.
// Statuses are computed on a date (`as_of`, default today) by core/task_status.h. Every write
// is audited.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/date.h"
#include "service/principal.h"
#include "store/db.h"

namespace guiyan::service {

struct TaskQuery {
  std::optional<int64_t> year;
  std::string region;                    // subtree; default the account's scope
  std::optional<int64_t> department_id;  // tasks where this unit is lead or responsible
  std::string status;                    // not_started | in_progress | done | overdue
  std::optional<bool> due_soon;          // undone and due within core::kTaskDueSoonDays days
  std::optional<core::Date> as_of;       // the date statuses are computed for (default today)
  int64_t limit = 50, offset = 0;
};

// {"items":[Task],"total","counts":{status:n,…,"due_soon"},"as_of"} ordered by year, region and
// number (task:read).
nlohmann::json list_tasks(store::Db& db, const Principal& p, const TaskQuery& q);

// One task with its units, progress notes and follow-up notices, status on `as_of` (task:read).
nlohmann::json get_task_api(store::Db& db, const Principal& p, int64_t id,
                            std::optional<core::Date> as_of);

// Creates a task (task:write): year, content, deadline, lead_department_id required;
// responsible_department_ids, number (default next), region_code (default the account's),
// indicator_code, indicator_target, notes optional. Units lie in the task's region or below.
nlohmann::json create_task_api(store::Db& db, const Principal& p, const nlohmann::json& body);

// Changes a task in scope (task:write); units, when given, replace the old ones.
nlohmann::json update_task_api(store::Db& db, const Principal& p, int64_t id,
                               const nlohmann::json& body);

// Deletes a task in scope with its notes and notices (task:write).
void delete_task_api(store::Db& db, const Principal& p, int64_t id);

// Records a progress note {content, noted_on (default today), department_id (default the
// account's)} of one of the task's units (task:write) → the task.
nlohmann::json add_task_note_api(store::Db& db, const Principal& p, int64_t id,
                                 const nlohmann::json& body);

// Marks a task done {done_on (default today), note} (task:write, the task's region in scope or
// the account's department its lead unit) → the task.
nlohmann::json mark_task_done_api(store::Db& db, const Principal& p, int64_t id,
                                  const nlohmann::json& body);

// Takes the done mark back (same rights as marking it) → the task.
nlohmann::json undo_task_done_api(store::Db& db, const Principal& p, int64_t id);

// Issues a follow-up notice 督办 {department_id (one of the task's units), content,
// reply_due_on, issued_on (default today)} on a task whose region is in scope (task:supervise)
// → 201 Notice.
nlohmann::json issue_task_notice_api(store::Db& db, const Principal& p, int64_t task_id,
                                     const nlohmann::json& body);

// Answers a notice {reply, replied_on (default today)} as the unit asked, or for it when the
// task's region is in scope (task:write) → the Notice.
nlohmann::json answer_task_notice_api(store::Db& db, const Principal& p, int64_t notice_id,
                                      const nlohmann::json& body);

// Notices the account sees: {"items":[Notice],"total"}, filtered by status (open = unanswered,
// overdue = unanswered past the reply date, answered), department_id, region, as of a date
// (task:read).
nlohmann::json list_task_notices(store::Db& db, const Principal& p, const std::string& status,
                                 std::optional<int64_t> department_id, const std::string& region,
                                 std::optional<core::Date> as_of);

// One unit's alerts on `as_of` (task:read; default the account's department): its overdue and
// due-soon tasks and its unanswered notices: {"department","as_of","overdue","due_soon",
// "notices"}.
nlohmann::json task_alerts(store::Db& db, const Principal& p, std::optional<int64_t> department_id,
                           std::optional<core::Date> as_of);

// The follow-up notices of one task, oldest first, with their status on `on`.
nlohmann::json task_notices_of(store::Conn& c, int64_t task_id, core::Date on);

// The department as {id,name,kind,region_code}, or 400 naming `field` when it does not exist.
nlohmann::json department_brief(store::Conn& c, int64_t id, const std::string& field);

// True when the account may act for department `id` (region `region`): its own department, or
// one whose region is in its data scope.
bool acts_for_department(const Principal& p, int64_t id, const std::string& region);

// A date query parameter's value (YYYY-MM-DD) or nullopt when empty; 400 naming `field`.
std::optional<core::Date> date_param_value(const std::string& text, const std::string& field);

}  // namespace guiyan::service
