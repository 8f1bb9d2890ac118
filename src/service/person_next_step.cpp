#include "service/person_next_step.h"

#include <optional>
#include <tuple>

#include "core/clock.h"
#include "store/sql_builder.h"

namespace guiyan::service {

const char* const kLatestService =
    "NOT EXISTS (SELECT 1 FROM person_service t WHERE t.person_id = s.person_id AND (t.served_on "
    "> s.served_on OR (t.served_on = s.served_on AND t.id > s.id)))";

namespace {

// The records each root gathers, as fam(root, id): the root and everyone merged into it,
// directly or through an earlier merge (undoing a merge clears merged_into).
std::string families(const std::string& roots) {
  return "fam(root, id) AS (" + roots +
         " UNION ALL SELECT fam.root, m.id FROM fam JOIN person m ON m.merged_into = fam.id)";
}

}  // namespace

std::map<int64_t, nlohmann::json> next_steps_of(store::Conn& c, const std::vector<int64_t>& ids) {
  std::map<int64_t, nlohmann::json> out;
  if (ids.empty()) return out;
  store::SqlBuilder sql;
  std::string in = sql.bind_list(ids);
  std::string today = core::today_local();
  // Each record's own latest service, then the latest of them per person.
  struct Latest {
    std::string served_on;
    int64_t id = 0;
    std::string text;
    std::optional<std::string> due;
  };
  std::map<int64_t, Latest> latest;
  for (const auto& r : store::query(
           c,
           "WITH RECURSIVE " + families("SELECT id, id FROM person WHERE id IN (" + in + ")") +
               " SELECT fam.root, s.served_on, s.id, COALESCE(s.next_step, ''), "
               "s.next_due FROM fam JOIN person_service s ON s.person_id = fam.id WHERE " +
               kLatestService,
           sql.params())) {
    Latest l{r.text(1), r.i64(2), r.text(3), r.opt_text(4)};
    auto [it, fresh] = latest.try_emplace(r.i64(0), l);
    if (!fresh && std::tie(l.served_on, l.id) > std::tie(it->second.served_on, it->second.id)) {
      it->second = l;
    }
  }
  for (const auto& [id, l] : latest) {
    if (l.due) out[id] = {{"text", l.text}, {"due", *l.due}, {"overdue", *l.due < today}};
  }
  return out;
}

std::string people_with_next_due(const std::string& op, const std::string& bound) {
  // People nobody was merged into (nearly everyone) by their own latest record; the few with
  // merged records by the latest record of their family.
  // The roots are found from the merged records (few, and indexed): a join from the person
  // side would scan every person.
  const std::string roots =
      "SELECT DISTINCT m.merged_into, m.merged_into FROM person m WHERE m.merged_into IS NOT NULL "
      "AND (SELECT r.merged_into FROM person r WHERE r.id = m.merged_into) IS NULL";
  return "WITH RECURSIVE " + families(roots) +
         ", latest AS (SELECT fam.root, s.served_on, s.id, s.next_due FROM fam JOIN "
         "person_service s ON s.person_id = fam.id WHERE " +
         kLatestService + ") SELECT s.person_id FROM person_service s WHERE s.next_due " + op +
         " " + bound + " AND " + kLatestService +
         " AND NOT EXISTS (SELECT 1 FROM person m WHERE m.merged_into = s.person_id) UNION SELECT "
         "a.root FROM latest a WHERE a.next_due " +
         op + " " + bound +
         " AND NOT EXISTS (SELECT 1 FROM latest b WHERE b.root = a.root AND (b.served_on > "
         "a.served_on OR (b.served_on = a.served_on AND b.id > a.id)))";
}

}  // namespace guiyan::service
