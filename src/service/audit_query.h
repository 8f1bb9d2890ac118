// Reading the audit log (auditor only); there is no way to change it through the program.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "service/principal.h"
#include "store/db.h"

namespace guiyan::service {

struct AuditQuery {
  std::string user;  // username
  std::string entity;
  std::string entity_id;
  std::string action;
  std::string from;  // ISO date or time, inclusive
  std::string to;    // ISO date (whole day included) or time, exclusive
  int64_t limit = 50;
  std::optional<int64_t> before_id;
};

// {"items":[Audit], "next_before_id"} newest first (audit:read). Entries carry the region of
// what they concern; entries without one count as province-wide for the data scope.
nlohmann::json list_audit(store::Db& db, const Principal& p, const AuditQuery& q);

}  // namespace guiyan::service
