#include "service/person_next_step.h"

#include "core/clock.h"
#include "store/sql_builder.h"

namespace guiyan::service {

const char* const kLatestService =
    "NOT EXISTS (SELECT 1 FROM person_service t WHERE t.person_id = s.person_id AND (t.served_on "
    "> s.served_on OR (t.served_on = s.served_on AND t.id > s.id)))";

std::map<int64_t, nlohmann::json> next_steps_of(store::Conn& c, const std::vector<int64_t>& ids) {
  std::map<int64_t, nlohmann::json> out;
  if (ids.empty()) return out;
  store::SqlBuilder sql;
  std::string in = sql.bind_list(ids);
  std::string today = core::today_local();
  for (const auto& r : store::query(
           c,
           "SELECT s.person_id, COALESCE(s.next_step, ''), s.next_due FROM person_service s "
           "WHERE s.person_id IN (" +
               in + ") AND s.next_due IS NOT NULL AND " + kLatestService,
           sql.params())) {
    out[r.i64(0)] = {{"text", r.text(1)}, {"due", r.text(2)}, {"overdue", r.text(2) < today}};
  }
  return out;
}

}  // namespace guiyan::service
