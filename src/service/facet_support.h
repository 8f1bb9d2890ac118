// What the in-memory list indexes (person_facets, merchant_facets) share: interned strings,
// compact dates, and following a table's SQLite change log.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "store/db.h"

namespace guiyan::service {

// How a list or count is worked out: best uses an in-memory index where it serves (SQLite);
// sql always asks the database alone (the reference the indexes are tested against).
enum class ListPlan { best, sql };

// Strings stored once, each with a small index; index 0 is "".
struct Interned {
  std::vector<std::string> names{""};
  std::unordered_map<std::string, uint32_t> index;
  // The index of s, added when new.
  uint32_t of(const std::string& s);
  // The index of s, or nullopt when it was never added (0 for "").
  std::optional<uint32_t> find(const std::string& s) const;
};

// "1990-05-17" → 19900517; 0 for anything else.
uint32_t date_number(const std::string& iso);

// What a refresh of an index that has read its change log up to `seq` must do.
struct RefreshPlan {
  bool up_to_date = false;   // nothing changed since
  bool reload = false;       // read every row again (first load, far behind, or log pruned)
  int64_t from = 0, to = 0;  // otherwise: the log entries with from < seq <= to
};

// Reads the ends of the change log `log_table` (columns seq, and the changed row's id) and
// decides. The ends are read before the rows: a change committed in between is read again next
// time, which is harmless.
RefreshPlan plan_refresh(store::Conn& c, const std::string& log_table, bool loaded, int64_t seq);

}  // namespace guiyan::service
