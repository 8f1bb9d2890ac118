#include "store/db.h"

#include "store/deferred_insert.h"
#include "store/postgres/pg_db.h"
#include "store/sqlite/sqlite_db.h"

namespace guiyan::store {

std::string Dialect::expand(std::string_view sql) const {
  std::string out(sql);
  for (const auto& [key, value] : {std::pair<std::string, std::string>{"{{ID_PK}}", identity_pk},
                                   {"{{BLOB}}", blob_type},
                                   {"{{CLUSTERED}}", clustered}}) {
    for (size_t pos = out.find(key); pos != std::string::npos; pos = out.find(key, pos)) {
      out.replace(pos, key.size(), value);
      pos += value.size();
    }
  }
  return out;
}

std::unique_ptr<Db> open_db(const std::string& url, int pool_size) {
  if (url.rfind("sqlite:", 0) == 0) {
    std::string path = url.substr(7);
    if (path.empty()) throw DbError(DbErrorKind::other, "数据库地址 sqlite: 后缺少文件路径");
    return open_sqlite(path, pool_size);
  }
  if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0) {
    return open_postgres(url, pool_size);
  }
  throw DbError(DbErrorKind::other,
                "无法识别的数据库地址“" + url + "”，应为 sqlite:路径 或 postgresql://…");
}

std::vector<Row> query(Conn& c, std::string_view sql, const Params& params) {
  std::vector<Row> rows;
  c.run(sql, params, [&](const Row& r) { rows.push_back(r); });
  return rows;
}

std::optional<Row> query_one(Conn& c, std::string_view sql, const Params& params) {
  std::optional<Row> first;
  c.run(sql, params, [&](const Row& r) {
    if (!first) first = r;
  });
  return first;
}

int64_t query_int(Conn& c, std::string_view sql, const Params& params, int64_t fallback) {
  auto r = query_one(c, sql, params);
  if (!r || r->is_null(0)) return fallback;
  return r->i64(0);
}

int64_t exec(Conn& c, std::string_view sql, const Params& params) {
  return c.run(sql, params, nullptr);
}

void set_bulk_cache(Conn& c, bool on) {
  // 128 MiB holds the person indexes of a million-person registry; 16 MiB is every connection's
  // default (sqlite_db.cpp).
  if (c.dialect().name == "sqlite") {
    c.exec_script(on ? "PRAGMA cache_size=-131072" : "PRAGMA cache_size=-16384");
  }
}

namespace {

// Forgets the work deferred to the end of a transaction.
void clear_deferred(Conn& c) {
  c.in_transaction = false;
  c.before_commit = nullptr;
  c.pending_search_rows.clear();
  c.deferred_rows.clear();
}

}  // namespace

Tx::Tx(Conn& c) : conn_(c) {
  conn_.exec_script(conn_.dialect().begin_write);
  clear_deferred(conn_);
  conn_.in_transaction = true;
}

Tx::~Tx() {
  if (done_) return;
  clear_deferred(conn_);
  try {
    conn_.exec_script("ROLLBACK");
  } catch (...) {
    // The connection may already be broken; the backend discards the transaction then.
  }
}

void Tx::commit() {
  flush_deferred_inserts(conn_);  // a failure leaves the transaction open, as below
  if (conn_.before_commit) {
    auto work = std::move(conn_.before_commit);
    conn_.before_commit = nullptr;
    work(conn_);  // a failure here leaves the transaction open; the destructor rolls it back
  }
  clear_deferred(conn_);
  conn_.exec_script("COMMIT");
  done_ = true;
}

}  // namespace guiyan::store
