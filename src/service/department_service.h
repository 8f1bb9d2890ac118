// Use cases for departments: each belongs to a region; accounts belong to one department.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "service/principal.h"
#include "store/db.h"

namespace guiyan::service {

struct DepartmentInput {
  std::optional<std::string> name;
  std::optional<std::string> kind;
  std::optional<std::string> region_code;
};

// {"items":[{key,name}]}: the department kinds.
nlohmann::json department_kinds();
// The kind a department name suggests ("荆州市人社局" → "hrss"); "other" when none fits.
std::string guess_department_kind(const std::string& name);
// Departments in scope, optionally only within `region` (department:read).
nlohmann::json list_departments(store::Db& db, const Principal& p, const std::string& region,
                                int64_t limit, int64_t offset);
// Creates a department in scope (department:write). `by` null = the operator's command line.
nlohmann::json create_department(store::Db& db, const Actor& actor, const Principal* by,
                                 const DepartmentInput& in);
// Changes a department in scope (department:write).
nlohmann::json update_department(store::Db& db, const Principal& p, int64_t id,
                                 const DepartmentInput& in);
// The id of the department with this name in this region, or nullopt.
std::optional<int64_t> find_department(store::Db& db, const std::string& region,
                                       const std::string& name);

}  // namespace guiyan::service
