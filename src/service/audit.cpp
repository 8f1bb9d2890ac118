#include "service/audit.h"

#include "core/clock.h"
#include "store/deferred_insert.h"

namespace guiyan::service {

void audit(store::Conn& c, const Actor& who, const AuditEntry& e) {
  auto json_or_null = [](const nlohmann::json& j) -> store::Value {
    if (j.is_null()) return store::Null{};
    return j.dump();
  };
  // Kept for a multi-row statement while a bulk import defers its inserts (store/deferred_insert).
  store::insert_row(
      c, "audit_log",
      {"at", "user_id", "username", "ip", "action", "entity", "entity_id", "region_code",
       "before_json", "after_json"},
      {core::now_iso(), store::nullable(who.user_id), who.username, who.ip, e.action, e.entity,
       e.entity_id, store::nullable(e.region_code), json_or_null(e.before), json_or_null(e.after)});
}

}  // namespace guiyan::service
