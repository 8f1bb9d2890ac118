// Use cases of quarterly reports 信息报送 (seed 001, 信息报送机制): every member unit of a joint
// meeting files its progress, main problems and typical experience in the last week of each
// quarter (core/report_window.h) to the lead unit it reports to; the lead unit compiles them for
// the joint-meeting office, which sees who has not filed, sends reminders and exports the
// compiled quarter. Reporting lines say which member unit reports to which lead unit (default:
// the joint-meeting office 联席会议办公室 of its region or the nearest region above). Lateness is
// computed on a date (`as_of`, default today). Every write is audited.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/date.h"
#include "service/principal.h"
#include "store/db.h"

namespace guiyan::service {

struct QuarterQuery {
  int64_t year = 0;
  int64_t quarter = 0;                        // 1–4
  std::string region;                         // the joint meeting's region; default the account's
  std::optional<int64_t> lead_department_id;  // only the units reporting to this lead unit
  std::optional<core::Date> as_of;            // default today
};

// The member units of the joint meetings in `region` and below (default the account's region)
// and whom each reports to: {"items":[Line],"joint_office"} (report:read).
nlohmann::json list_report_lines(store::Db& db, const Principal& p, const std::string& region);

// Makes department `id` a member unit reporting to {lead_department_id} (default the joint-
// meeting office of its region or above) (task:supervise, the region in scope) → the Line.
nlohmann::json set_report_line_api(store::Db& db, const Principal& p, int64_t id,
                                   const nlohmann::json& body);

// Removes a member unit's reporting line (task:supervise); its filed reports stay.
void delete_report_line_api(store::Db& db, const Principal& p, int64_t id);

// A quarter's sheet (report:read): the window, every member unit (of `lead_department_id`
// when given: a lead unit's view) with its report or none, timeliness, days late and the
// reminders sent, the counts and the lead units' compilations.
nlohmann::json quarter_reports_api(store::Db& db, const Principal& p, const QuarterQuery& q);

// One unit's report of a quarter (report:read; default the account's department): {department,
// lead, member, window, report (or null), timeliness, compiled}.
nlohmann::json unit_report_api(store::Db& db, const Principal& p,
                               std::optional<int64_t> department_id, int64_t year, int64_t quarter,
                               std::optional<core::Date> as_of);

// Files or edits a unit's report {year, quarter, department_id (default the account's),
// progress, problems, experience, filed_on (default today; kept from the first filing)}
// (report:write); 409 once the lead unit has compiled the quarter. Sets *created.
nlohmann::json file_report_api(store::Db& db, const Principal& p, const nlohmann::json& body,
                               bool* created);

// A lead unit's compilation {year, quarter, lead_department_id (default the account's),
// content, compiled_on (default today)}, created or replaced (report:write) → the Compilation.
nlohmann::json compile_reports_api(store::Db& db, const Principal& p, const nlohmann::json& body);

// Records a reminder 催报 {year, quarter, region, message, sent_on (default today)} to every
// member unit of the region that has not filed the quarter (task:supervise) →
// {"items":[{department_id,department_name,sent_on}],"count"}.
nlohmann::json send_report_reminders_api(store::Db& db, const Principal& p,
                                         const nlohmann::json& body);

// Writes the compiled quarter as a temporary .xlsx file (report:read, audited) and returns its
// path: one row per member unit, then the lead units' compilations.
std::string export_quarter_reports(store::Db& db, const Principal& p, const QuarterQuery& q);

// The compiled quarter as a printable HTML page (report:read).
std::string print_quarter_reports(store::Db& db, const Principal& p, const QuarterQuery& q);

}  // namespace guiyan::service
