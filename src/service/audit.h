// The audit log: every write and every display of unmasked personal data, append-only.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "service/principal.h"
#include "store/db.h"

namespace guiyan::service {

struct AuditEntry {
  std::string action;  // create, update, delete, login, login_failed, logout, view_unmasked …
  std::string entity;  // user, role, department, session …
  std::string entity_id;
  std::optional<std::string> region_code;
  nlohmann::json before;  // null when none
  nlohmann::json after;   // null when none
};

// Appends one entry in the caller's transaction, so the change and its record commit together.
void audit(store::Conn& c, const Actor& who, const AuditEntry& entry);

}  // namespace guiyan::service
