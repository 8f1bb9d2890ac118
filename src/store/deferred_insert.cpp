#include "store/deferred_insert.h"

#include <algorithm>

namespace guiyan::store {
namespace {

// One INSERT of rows[at … at + n) into `table` (their values moved out).
void insert_rows(Conn& c, const std::string& table, const std::vector<std::string>& columns,
                 std::vector<Params>& rows, size_t at, size_t n) {
  std::string sql = "INSERT INTO " + table + " (";
  for (size_t i = 0; i < columns.size(); ++i) sql += (i ? ", " : "") + columns[i];
  sql += ") VALUES ";
  Params params;
  params.reserve(n * columns.size());
  for (size_t r = 0; r < n; ++r) {
    sql += r ? ", (" : "(";
    for (size_t i = 0; i < columns.size(); ++i) {
      params.push_back(std::move(rows[at + r][i]));
      sql += (i ? ", $" : "$") + std::to_string(params.size());
    }
    sql += ")";
  }
  c.run(sql, params, {});
}

}  // namespace

void insert_row(Conn& c, const std::string& table, const std::vector<std::string>& columns,
                Params values, bool parent) {
  if (!c.defer_inserts) {
    std::vector<Params> one{std::move(values)};
    insert_rows(c, table, columns, one, 0, 1);
    return;
  }
  for (auto& d : c.deferred_rows) {
    if (d.table == table && d.columns == columns) {
      d.rows.push_back(std::move(values));
      return;
    }
  }
  auto at = c.deferred_rows.end();
  if (parent) {
    at = std::find_if(c.deferred_rows.begin(), c.deferred_rows.end(),
                      [](const Conn::DeferredRows& d) { return !d.parent; });
  }
  at = c.deferred_rows.insert(at, {table, columns, {}, parent});
  at->rows.push_back(std::move(values));
}

int64_t reserve_id(Conn& c, const std::string& table) {
  auto& pool = c.reserved_ids[table];
  if (pool.empty()) {
    c.first_column_int64(
        "SELECT nextval(pg_get_serial_sequence($1, 'id')) FROM generate_series(1, 512)", {table},
        pool);
    std::reverse(pool.begin(), pool.end());  // taken from the back, smallest first
  }
  int64_t id = pool.back();
  pool.pop_back();
  return id;
}

void flush_deferred_inserts(Conn& c) {
  auto kept = std::move(c.deferred_rows);
  c.deferred_rows.clear();
  for (auto& d : kept) {
    // Statements of 512, 256 … 1 rows (at most 30,000 parameters): a few distinct texts per
    // table, so the prepared-statement caches stay small.
    size_t most = 512;
    while (most > 1 && most * d.columns.size() > 30000) most /= 2;
    for (size_t at = 0; at < d.rows.size();) {
      size_t n = most;
      while (n > d.rows.size() - at) n /= 2;
      insert_rows(c, d.table, d.columns, d.rows, at, n);
      at += n;
    }
  }
}

}  // namespace guiyan::store
