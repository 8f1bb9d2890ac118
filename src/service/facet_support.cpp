#include "service/facet_support.h"

#include <algorithm>

#include "store/sql_builder.h"

namespace guiyan::service {

uint32_t Interned::of(const std::string& s) {
  auto it = index.find(s);
  if (it != index.end()) return it->second;
  if (s.empty()) return 0;
  names.push_back(s);
  return index[s] = static_cast<uint32_t>(names.size() - 1);
}

std::optional<uint32_t> Interned::find(const std::string& s) const {
  if (s.empty()) return 0;
  auto it = index.find(s);
  if (it == index.end()) return std::nullopt;
  return it->second;
}

uint32_t date_number(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return 0;
  uint32_t n = 0;
  for (char ch : s) {
    if (ch == '-') continue;
    if (ch < '0' || ch > '9') return 0;
    n = n * 10 + static_cast<uint32_t>(ch - '0');
  }
  return n;
}

uint64_t LogPosition::order() const {
  if (snapshot.empty()) return static_cast<uint64_t>(seq);
  size_t colon = snapshot.find(':');
  return colon == std::string::npos ? 0 : std::stoull(snapshot.substr(colon + 1));
}

namespace {

// SQLite: one writer at a time, so the entries after the last seq read are what changed.
LogCatchUp catch_up_by_seq(store::Conn& c, const std::string& log_table,
                           const std::string& id_column, const LogPosition& at,
                           int64_t reload_after) {
  // Two subqueries: MIN and MAX together in one SELECT make SQLite scan the whole log (~30 ms
  // at 200,000 entries) instead of reading each end of its key.
  auto ends =
      store::query_one(c, "SELECT COALESCE((SELECT MAX(seq) FROM " + log_table +
                              "), 0), COALESCE((SELECT MIN(seq) FROM " + log_table + "), 0)");
  int64_t last = ends->i64(0), first = ends->i64(1);
  LogCatchUp out;
  out.next.loaded = true;
  out.next.seq = last;
  if (at.loaded && at.seq >= last) {
    out.up_to_date = true;
    out.next = at;
    return out;
  }
  // Entries after `seq` were pruned when the oldest left is beyond seq + 1.
  out.reload = !at.loaded || last - at.seq > reload_after || (first > at.seq + 1 && at.seq < last);
  if (!out.reload) {
    c.first_column_int64("SELECT DISTINCT " + id_column + " FROM " + log_table +
                             " WHERE seq > $1 AND seq <= $2 ORDER BY 1 DESC",
                         {at.seq, last}, out.ids);
  }
  return out;
}

// PostgreSQL: a transaction may log an entry and commit after a later entry committed, so the
// entries wanted are those the last snapshot could not see, found by transaction id. One
// statement reads them with the statement's own snapshot (pg_current_snapshot() is the active
// one), so the new position is exactly what was read.
LogCatchUp catch_up_by_snapshot(store::Conn& c, const std::string& log_table,
                                const std::string& id_column, const LogPosition& at,
                                int64_t reload_after) {
  LogCatchUp out;
  out.next.loaded = true;
  auto position = [&](const store::Row& r) { out.next.snapshot = r.text(1); };
  const std::string snapshot = "SELECT 0, pg_current_snapshot()::text";
  if (!at.loaded) {
    c.run(snapshot, {}, position);
    out.reload = true;
    return out;
  }
  // Kind 1: a changed row's id; kind -1: the pruning reached the last snapshot's oldest running
  // transaction, so entries it could not see may be gone.
  std::vector<int64_t> ids;
  bool pruned = false;
  c.run(snapshot + ", NULL UNION ALL (SELECT DISTINCT 1, NULL, " + id_column + " FROM " +
            log_table +
            " WHERE xid >= pg_snapshot_xmin($1::pg_snapshot) AND NOT "
            "pg_visible_in_snapshot(xid, $1::pg_snapshot) LIMIT $2) UNION ALL SELECT -1, NULL, "
            "NULL FROM " +
            log_table + "_horizon WHERE xid >= pg_snapshot_xmin($1::pg_snapshot)",
        {at.snapshot, reload_after + 1}, [&](const store::Row& r) {
          int64_t kind = r.i64(0);
          if (kind == 0) {
            position(r);
          } else if (kind == 1) {
            ids.push_back(r.i64(2));
          } else {
            pruned = true;
          }
        });
  if (pruned || static_cast<int64_t>(ids.size()) > reload_after) {
    out.reload = true;
  } else if (ids.empty()) {
    out.up_to_date = true;
  } else {
    std::sort(ids.begin(), ids.end(), std::greater<>());
    out.ids = std::move(ids);
  }
  return out;
}

}  // namespace

LogCatchUp catch_up(store::Conn& c, const std::string& log_table, const std::string& id_column,
                    const LogPosition& at, int64_t reload_after) {
  return c.dialect().name == "sqlite"
             ? catch_up_by_seq(c, log_table, id_column, at, reload_after)
             : catch_up_by_snapshot(c, log_table, id_column, at, reload_after);
}

void for_rows_of_ids(store::Conn& c, const std::string& sql, const std::vector<int64_t>& ids,
                     const std::function<void(const store::Row&)>& fn) {
  store::for_each_chunk(ids, [&](const std::vector<int64_t>& chunk) {
    store::SqlBuilder b;
    c.run(sql + " IN (" + b.bind_list(chunk) + ")", b.params(), fn);
  });
}

}  // namespace guiyan::service
