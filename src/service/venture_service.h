// Use cases of ventures 返乡创业经营主体 for the API and the sheet import: register, change, count
// employees over time, list and read — under the data scope of the region where the venture
// operates, every write audited. Founders are people of the registry.
#pragma once

#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "service/principal.h"
#include "store/db.h"

namespace guiyan::service {

// Field values of a venture by field name (core/venture_fields).
using VentureValues = std::map<std::string, store::Value>;

struct VentureQuery {
  std::string q;                     // name or credit code (substring)
  std::string region;                // subtree; default the account's scope
  std::string type;                  // a type key or label
  std::string status;                // a status key or label
  std::optional<int64_t> person_id;  // ventures this person founded (404 outside scope)
  int64_t limit = 50, offset = 0;
};

// One dated employment count.
struct EmploymentCount {
  std::string counted_on;  // YYYY-MM-DD
  int64_t employees = 0;   // ≥ 1, founders included
  std::optional<std::string> source, notes;
};

// {"items":[Venture],"total"} newest first (venture:read); items carry founders but no series.
nlohmann::json list_ventures(store::Db& db, const Principal& p, const VentureQuery& q);

// Calls `fn` with every venture matching `q` (no paging) as list_ventures shows it, newest first
// (venture:read).
void for_each_venture(store::Db& db, const Principal& p, const VentureQuery& q,
                      const std::function<void(store::Conn&, const nlohmann::json&)>& fn);

// Registers a venture (venture:write): the fields of core/venture_fields (type, name, region_code
// required; status default operating), founder_ids (≥ 1 people in scope), and optionally the
// first count as employees + counted_on (default today). 409 on a registered credit code.
nlohmann::json create_venture_api(store::Db& db, const Principal& p, const nlohmann::json& body);

// Changes fields and founder_ids (the whole new list; a founder outside the account's scope may
// stay when already linked, never be added) of a venture in scope (venture:write).
nlohmann::json update_venture_api(store::Db& db, const Principal& p, int64_t id,
                                  const nlohmann::json& body);

// One venture in scope with founders and its employment series (venture:read).
nlohmann::json get_venture_api(store::Db& db, const Principal& p, int64_t id);

// Records a count {counted_on, employees, source, notes} (venture:write); a count for the same
// date replaces the earlier one. Audited with the replaced count as `before`.
nlohmann::json add_employment_api(store::Db& db, const Principal& p, int64_t id,
                                  const nlohmann::json& body);

// The ventures people `person_ids` founded (one person and the records merged into it) that the
// account may see: {"items":[{id,name,type,type_label,status,status_label,registered_on,
// latest_employees}],"hidden"} — `hidden` counts those outside its scope.
nlohmann::json person_ventures(store::Conn& c, const Principal& p,
                               const std::vector<int64_t>& person_ids);

// The venture as the API shows it (founders masked, with the series when `detail`), read
// through `c`; 404 when missing or outside the scope.
nlohmann::json venture_in_scope(store::Conn& c, const Principal& p, int64_t id,
                                bool detail = false);

// The venture with this credit code, or nullopt.
std::optional<int64_t> venture_id_by_credit_code(store::Conn& c, const std::string& code);

// Creates a venture from checked values in the caller's transaction, links the founders, stores
// the count when given, and audits it; `by` is the account (null for the operator's command
// line). Throws ApiError for a rule across fields (field named).
int64_t insert_venture(store::Conn& c, const Actor& actor, const Principal* by,
                       const VentureValues& values, const std::vector<int64_t>& founders,
                       const std::optional<EmploymentCount>& count);

// The ids of a venture's founders, ascending.
std::vector<int64_t> founder_ids(store::Conn& c, int64_t id);

// Changes a venture in the caller's transaction: the values given, the founders when given, and
// a count when given; audits what changed. Returns true when anything changed.
bool change_venture(store::Conn& c, const Actor& actor, const Principal* by, int64_t id,
                    const VentureValues& values,
                    const std::optional<std::vector<int64_t>>& founders,
                    const std::optional<EmploymentCount>& count);

// Throws ApiError 400 naming the field when the values a venture will hold (`values` over
// `before`) break a rule across fields: a registered venture has a credit code, a first
// registration has a date, the industry exists, a count is not before registration.
void check_venture_rules(store::Conn& c, const VentureValues& values, const VentureValues& before,
                         const std::optional<EmploymentCount>& count);

}  // namespace guiyan::service
