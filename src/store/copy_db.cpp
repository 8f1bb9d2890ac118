#include "store/copy_db.h"

#include <sodium.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <stdexcept>

#include "store/migrations.h"

namespace guiyan::store {
namespace {

// Copy order of the tables the program knows, parents before children. Tables of later
// migrations that are not listed here come after these, ordered by their foreign keys.
const std::vector<std::string> kOrder = {
    "region",      "industry", "department", "role",    "role_permission",
    "role_region", "app_user", "user_role",  "session", "audit_log"};

// Rows the migrations themselves insert (reference data, built-in roles): the target already
// has them, so they are compared rather than copied. A later migration that inserts rows into
// another table adds that table here; until then the copy refuses such a target as not empty.
const std::map<std::string, std::string> kMigrationRows = {
    {"region", "1 = 1"},
    {"industry", "1 = 1"},
    {"role", "\"builtin\" = 1"},
    {"role_permission", "\"role_id\" IN (SELECT \"id\" FROM \"role\" WHERE \"builtin\" = 1)"},
    {"person_change_horizon", "1 = 1"},  // PostgreSQL only: how far person_change was pruned
};

// Tables the migrations (or the program's start, for the shipped policies) fill with settings
// that users edit afterwards (the skills and labour brand vocabularies, the policy catalogue and
// its shared parameters, the partner banks' loan products of migration 021): the target's seeded
// rows are replaced by the source's, edits included.
const std::set<std::string> kSettingsTables = {
    "vocabulary_term", "vocabulary_revision",  "policy",
    "policy_version",  "policy_parameter_set", "loan_product"};

// Tables the target's own triggers fill as the rows they count or log arrive, or that it does
// without (merchant_change, SQLite only): not copied, and named in the report.
const std::map<std::string, std::string> kDerived = {
    {"person_tally", "人员分布计数，由目标库的触发器随人员记录重新累计，不复制"},
    {"project_stage_tally", "项目阶段月度计数，由目标库的触发器随阶段记录重新累计，不复制"},
    {"person_change",
     "人员变更日志，供服务进程的列表内存索引追踪改动；目标库的触发器随人员记录写入，不复制"},
    {"person_placement",
     "人员迁移与合并日志，只供指标缓存判断计数是否仍有效；目标库的触发器从此记录，不复制"},
    {"merchant_change",
     "楚商变更日志，只供 SQLite 上服务进程的统计内存索引追踪改动；PostgreSQL 上不用，不复制"},
};

// SQLite-only tables (virtual tables, with their shadow tables) whose content PostgreSQL derives
// by itself: not copied, and named in the report. Any other virtual table makes the copy refuse.
const std::map<std::string, std::string> kSqliteOnly = {
    {"person_fts",
     "SQLite 的全文索引，内容即 person.search_tokens；PostgreSQL 由 person.search_vector "
     "自动生成，不复制"},
    {"merchant_fts",
     "SQLite 的楚商全文索引，内容即 merchant.search_tokens；PostgreSQL 由 "
     "merchant.search_vector 自动生成，不复制"},
};

struct Column {
  std::string src;           // name in SQLite
  std::string dst;           // name in PostgreSQL
  bool dst_collate = false;  // ordered with COLLATE "C" on PostgreSQL (text, not C already)
};

struct Table {
  std::string src;                    // name in SQLite
  std::string dst;                    // name in PostgreSQL
  std::vector<Column> columns;        // in the order of the SQLite table
  std::vector<size_t> key;            // primary key columns (indexes into columns); empty: none
  std::string migration_rows;         // predicate of the rows migrations insert; "" when none
  bool settings = false;              // in kSettingsTables: the target's rows are replaced
  std::vector<std::string> identity;  // PostgreSQL identity / serial columns
  std::set<std::string> parents;      // tables (lower-case) its foreign keys point to
};

std::string lower(std::string s) {
  for (char& ch : s) {
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  }
  return s;
}

std::string quote(std::string_view name) {
  std::string out = "\"";
  for (char ch : name) {
    out += ch;
    if (ch == '"') out += '"';
  }
  return out + "\"";
}

std::string join(const std::vector<std::string>& parts, const std::string& sep) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) out += (i ? sep : "") + parts[i];
  return out;
}

// Throws the Chinese message for a failure while handling `table`.
[[noreturn]] void fail(const std::string& table, const std::string& what) {
  throw std::runtime_error("表 " + table + "：" + what);
}

// The canonical checksum of rows: per value "N" for NULL or "V<length>:<text>" (integers in
// decimal, text as its bytes), "\n" after each row; BLAKE2b-256 over all of it.
class Checksum {
 public:
  Checksum() { crypto_generichash_init(&state_, nullptr, 0, crypto_generichash_BYTES); }
  void add(const Row& r) {
    std::string buf;
    for (size_t i = 0; i < r.size(); ++i) {
      if (r.is_null(i)) {
        buf += 'N';
      } else {
        std::string t = r.text(i);
        buf += 'V' + std::to_string(t.size()) + ':' + t;
      }
    }
    buf += '\n';
    crypto_generichash_update(&state_, reinterpret_cast<const unsigned char*>(buf.data()),
                              buf.size());
    ++rows_;
  }
  int64_t rows() const { return rows_; }
  std::string hex() {
    unsigned char out[crypto_generichash_BYTES];
    crypto_generichash_final(&state_, out, sizeof out);
    char hex[2 * sizeof out + 1];
    sodium_bin2hex(hex, sizeof hex, out, sizeof out);
    return hex;
  }

 private:
  crypto_generichash_state state_;
  int64_t rows_ = 0;
};

struct Sum {
  int64_t rows = 0;
  std::string hex;
};

// Reads a table on one side for the checksum and the copy.
class Reader {
 public:
  Reader(const Table& t, bool target) : t_(t), target_(target) {}

  std::string columns() const {
    std::vector<std::string> out;
    for (const Column& c : t_.columns) out.push_back(quote(target_ ? c.dst : c.src));
    return join(out, ", ");
  }
  std::string name() const { return quote(target_ ? t_.dst : t_.src); }

  // A key column (or any column when there is no key) as it is ordered: bytewise on both sides.
  std::string order_term(size_t i) const {
    const Column& c = t_.columns[i];
    if (!target_) return quote(c.src) + " COLLATE BINARY";
    return quote(c.dst) + (c.dst_collate ? " COLLATE \"C\"" : "");
  }

  std::string order_by() const {
    std::vector<std::string> terms;
    if (!t_.key.empty()) {
      for (size_t i : t_.key) terms.push_back(order_term(i));
    } else {
      for (size_t i = 0; i < t_.columns.size(); ++i)
        terms.push_back(order_term(i) + " NULLS FIRST");
    }
    return " ORDER BY " + join(terms, ", ");
  }

  // Streams the rows matching `where` ("" for all) in key order to `fn`; PostgreSQL in pages (its
  // client library holds a whole result in memory), SQLite in one statement.
  void each(Conn& c, const std::string& where, int page_rows, const RowFn& fn) const {
    std::string base = "SELECT " + columns() + " FROM " + name();
    if (!target_) {
      c.run(base + (where.empty() ? "" : " WHERE " + where) + order_by(), {}, fn);
      return;
    }
    std::string limit = " LIMIT " + std::to_string(page_rows);
    if (t_.key.empty()) {  // no key to resume from: pages by offset
      for (int64_t offset = 0;; offset += page_rows) {
        int64_t n = c.run(base + (where.empty() ? "" : " WHERE " + where) + order_by() + limit +
                              " OFFSET " + std::to_string(offset),
                          {}, fn);
        if (n < page_rows) return;
      }
    }
    std::vector<std::string> left, right;
    for (size_t k = 0; k < t_.key.size(); ++k) {
      left.push_back(order_term(t_.key[k]));
      right.push_back("$" + std::to_string(k + 1));
    }
    std::string after = t_.key.size() == 1
                            ? left[0] + " > " + right[0]
                            : "(" + join(left, ", ") + ") > (" + join(right, ", ") + ")";
    std::string first = base + (where.empty() ? "" : " WHERE " + where) + order_by() + limit;
    std::string next = base + " WHERE " + (where.empty() ? "" : "(" + where + ") AND ") + after +
                       order_by() + limit;
    Params last;
    for (bool start = true;; start = false) {
      int64_t n = 0;
      Params after_key = std::move(last);
      c.run(start ? first : next, after_key, [&](const Row& r) {
        fn(r);
        ++n;
        last.clear();
        for (size_t k : t_.key) last.push_back(r.at(k));
      });
      if (n < page_rows) return;
    }
  }

  Sum checksum(Conn& c, const std::string& where, int page_rows) const {
    Checksum sum;
    each(c, where, page_rows, [&](const Row& r) { sum.add(r); });
    return {sum.rows(), sum.hex()};
  }

 private:
  const Table& t_;
  bool target_;
};

// Inserts rows into the target in multi-row INSERTs.
class Inserter {
 public:
  Inserter(Conn& c, const Table& t, int batch_rows) : c_(c), t_(t) {
    size_t cols = std::max<size_t>(1, t.columns.size());
    per_batch_ = std::max<size_t>(1, std::min<size_t>(batch_rows, 60000 / cols));
  }

  void add(const Row& r) {
    for (size_t i = 0; i < r.size(); ++i) params_.push_back(r.at(i));
    if (++rows_ == per_batch_) flush();
  }

  void flush() {
    if (rows_ == 0) return;
    if (rows_ == per_batch_ && full_sql_.empty()) full_sql_ = sql(rows_);
    try {
      exec(c_, rows_ == per_batch_ ? full_sql_ : sql(rows_), params_);
    } catch (const DbError& e) {
      fail(t_.src, "复制失败（主键 " + key_text(0) + " 至 " + key_text(rows_ - 1) + " 这一批）：" +
                       e.what() + "；已回滚，目标库未改动");
    }
    copied_ += static_cast<int64_t>(rows_);
    params_.clear();
    rows_ = 0;
  }

  int64_t copied() const { return copied_; }

 private:
  // The primary key of row `i` of the pending batch, for messages.
  std::string key_text(size_t i) const {
    if (t_.key.empty()) return "（无主键）";
    std::vector<std::string> parts;
    Row r(Params(params_.begin() + i * t_.columns.size(),
                 params_.begin() + (i + 1) * t_.columns.size()));
    for (size_t k : t_.key) parts.push_back(r.is_null(k) ? "NULL" : r.text(k));
    return join(parts, ",");
  }

  std::string sql(size_t rows) const {
    std::vector<std::string> cols;
    for (const Column& c : t_.columns) cols.push_back(quote(c.dst));
    std::string out = "INSERT INTO " + quote(t_.dst) + " (" + join(cols, ", ") + ") VALUES ";
    size_t n = 0;
    for (size_t r = 0; r < rows; ++r) {
      out += r ? ", (" : "(";
      for (size_t c = 0; c < cols.size(); ++c) out += (c ? ", $" : "$") + std::to_string(++n);
      out += ")";
    }
    return out;
  }

  Conn& c_;
  const Table& t_;
  size_t per_batch_ = 1;
  Params params_;
  size_t rows_ = 0;
  int64_t copied_ = 0;
  std::string full_sql_;
};

// Holds one read transaction on SQLite, so every read of the copy sees one snapshot.
class ReadSnapshot {
 public:
  explicit ReadSnapshot(Conn& c) : c_(c) { c_.exec_script("BEGIN"); }
  ~ReadSnapshot() {
    try {
      c_.exec_script("ROLLBACK");
    } catch (...) {
    }
  }

 private:
  Conn& c_;
};

// Refuses a source that is not at exactly this program's migrations.
void check_source_migrations(Conn& src) {
  if (query_int(src,
                "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND "
                "name = 'schema_migrations'") == 0) {
    throw std::runtime_error("源数据库没有 schema_migrations 表，不是归雁的数据库（或是空文件）");
  }
  std::map<int, std::string> applied;
  for (const Row& r : query(src, "SELECT version, name FROM schema_migrations")) {
    applied[static_cast<int>(r.i64(0))] = r.text(1);
  }
  std::vector<std::string> missing;
  for (const Migration& m : all_migrations()) {
    if (!applied.erase(m.version)) missing.push_back(std::to_string(m.version) + " " + m.name);
  }
  if (!applied.empty()) {
    auto& [v, name] = *applied.begin();
    throw std::runtime_error("源数据库含本程序不认识的迁移 " + std::to_string(v) + " " + name +
                             "（由更新版本的归雁写入），请用同一版本的 guiyan 复制");
  }
  if (!missing.empty()) {
    throw std::runtime_error("源数据库还有未应用的迁移（" + join(missing, "、") +
                             "）：请先用本版本运行 guiyan migrate --db sqlite:源库路径 "
                             "升级源数据库，再复制。本命令不改动源数据库");
  }
}

// The source's tables with their columns, keys and foreign keys; the SQLite-only tables of
// kSqliteOnly go to `left_out`; refuses any other virtual table.
std::vector<Table> source_tables(Conn& src, std::vector<TableCopy>& left_out) {
  std::map<std::string, std::string> kinds;  // name → table | virtual | shadow (SQLite 3.37+)
  for (const Row& r :
       query(src, "SELECT name, type FROM pragma_table_list WHERE schema = 'main'")) {
    kinds[r.text(0)] = r.text(1);
  }
  std::vector<Table> out;
  for (const Row& r : query(src,
                            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT "
                            "LIKE 'sqlite\\_%' ESCAPE '\\' AND name <> 'schema_migrations' "
                            "ORDER BY name")) {
    std::string name = r.text(0);
    if (auto it = kDerived.find(lower(name)); it != kDerived.end()) {
      TableCopy tc;
      tc.table = name;
      tc.rows = query_int(src, "SELECT COUNT(*) FROM " + quote(name));
      tc.not_copied = it->second;
      left_out.push_back(tc);
      continue;
    }
    if (kinds[name] == "virtual") {
      auto it = kSqliteOnly.find(lower(name));
      if (it == kSqliteOnly.end()) {
        fail(name, "是 SQLite 专用的虚拟表，本程序不知道如何把它复制到 PostgreSQL；未做任何改动");
      }
      TableCopy tc;
      tc.table = name;
      tc.rows = query_int(src, "SELECT COUNT(*) FROM " + quote(name));
      tc.not_copied = it->second;
      left_out.push_back(tc);
      continue;
    }
    if (kinds[name] == "shadow") {
      bool known = std::any_of(kSqliteOnly.begin(), kSqliteOnly.end(), [&](const auto& v) {
        return lower(name).rfind(v.first + "_", 0) == 0;
      });
      if (!known) fail(name, "是 SQLite 虚拟表的内部表，本程序不知道如何复制；未做任何改动");
      continue;  // part of a left-out virtual table
    }
    Table t;
    t.src = name;
    std::vector<std::pair<int64_t, size_t>> key;
    for (const Row& c :
         query(src, "SELECT name, pk FROM pragma_table_info($1) ORDER BY cid", {t.src})) {
      if (c.i64(1) > 0) key.emplace_back(c.i64(1), t.columns.size());
      t.columns.push_back({c.text(0), {}, false});
    }
    std::sort(key.begin(), key.end());
    for (auto& [n, i] : key) t.key.push_back(i);
    for (const Row& f : query(src, "SELECT \"table\" FROM pragma_foreign_key_list($1)", {t.src})) {
      if (lower(f.text(0)) != lower(t.src)) t.parents.insert(lower(f.text(0)));
    }
    if (auto it = kMigrationRows.find(lower(t.src)); it != kMigrationRows.end()) {
      t.migration_rows = it->second;
    }
    t.settings = kSettingsTables.count(lower(t.src)) > 0;
    out.push_back(std::move(t));
  }
  return out;
}

// Orders tables parents first: by kOrder, then unknown tables by name, never before a table
// their foreign keys point to.
std::vector<Table> in_copy_order(std::vector<Table> tables) {
  auto rank = [](const Table& t) {
    auto it = std::find(kOrder.begin(), kOrder.end(), lower(t.src));
    return std::make_pair(static_cast<size_t>(it - kOrder.begin()), t.src);
  };
  std::set<std::string> present, placed;
  for (const Table& t : tables) present.insert(lower(t.src));
  std::vector<Table> out;
  while (!tables.empty()) {
    auto best = tables.end();
    for (auto it = tables.begin(); it != tables.end(); ++it) {
      bool ready = std::all_of(it->parents.begin(), it->parents.end(), [&](const std::string& p) {
        return placed.count(p) || !present.count(p);
      });
      if (ready && (best == tables.end() || rank(*it) < rank(*best))) best = it;
    }
    if (best == tables.end()) {
      std::vector<std::string> names;
      for (const Table& t : tables) names.push_back(t.src);
      throw std::runtime_error("这些表的外键互相引用，无法确定复制顺序：" + join(names, "、"));
    }
    placed.insert(lower(best->src));
    out.push_back(std::move(*best));
    tables.erase(best);
  }
  return out;
}

// The target's tables (lower-case name → name), schema_migrations left out.
std::map<std::string, std::string> target_tables(Conn& dst) {
  std::map<std::string, std::string> out;
  for (const Row& r : query(dst,
                            "SELECT table_name FROM information_schema.tables WHERE table_schema "
                            "= current_schema() AND table_type = 'BASE TABLE' AND table_name <> "
                            "'schema_migrations'")) {
    out[lower(r.text(0))] = r.text(0);
  }
  return out;
}

// Refuses a target holding rows other than those its migrations insert; `known_rows` false
// before the migrations ran (their tables are then not looked at).
void check_target_empty(Conn& dst, const std::map<std::string, std::string>& tables,
                        bool known_rows) {
  std::vector<std::string> not_empty;
  for (const auto& [l, name] : tables) {
    if (kSettingsTables.count(l)) continue;  // seeded by the migrations, replaced by the copy
    auto rows = kMigrationRows.find(l);
    std::string where;
    if (rows != kMigrationRows.end()) {
      if (!known_rows) continue;
      where = " WHERE (" + rows->second + ") IS NOT TRUE";
    }
    int64_t n = query_int(dst, "SELECT COUNT(*) FROM " + quote(name) + where);
    if (n > 0) not_empty.push_back(name + " " + std::to_string(n) + " 行");
  }
  if (!not_empty.empty()) {
    throw std::runtime_error("目标数据库已有数据（" + join(not_empty, "、") +
                             "），只能复制到新建的空数据库；未做任何改动");
  }
}

// Matches each source table and column to the target's; refuses any difference. `collate_c`:
// the database does not sort text bytewise, so text keys are ordered with COLLATE "C".
void match_target(Conn& dst, std::vector<Table>& tables,
                  const std::map<std::string, std::string>& target, bool collate_c) {
  for (Table& t : tables) {
    auto it = target.find(lower(t.src));
    if (it == target.end()) {
      fail(t.src, "目标数据库没有这张表（两边的迁移不同？）；未做任何改动");
    }
    t.dst = it->second;
    std::map<std::string, std::pair<std::string, bool>> cols;  // lower-case → (name, collate)
    for (const Row& r : query(dst,
                              "SELECT column_name, data_type, collation_name, is_identity, "
                              "column_default FROM information_schema.columns WHERE "
                              "table_schema = current_schema() AND table_name = $1 AND "
                              "is_generated <> 'ALWAYS'",  // computed by PostgreSQL itself
                              {t.dst})) {
      std::string type = r.text(1), collation = r.text(2);
      bool text = type == "text" || type == "character varying" || type == "character";
      bool bytewise = collation == "C" || collation == "POSIX" || (collation.empty() && !collate_c);
      cols[lower(r.text(0))] = {r.text(0), text && !bytewise};
      if (r.text(3) == "YES" || r.text(4).rfind("nextval(", 0) == 0) {
        t.identity.push_back(r.text(0));
      }
    }
    for (Column& c : t.columns) {
      auto found = cols.find(lower(c.src));
      if (found == cols.end()) {
        fail(t.src, "目标数据库的这张表没有列 " + c.src + "；未做任何改动");
      }
      c.dst = found->second.first;
      c.dst_collate = found->second.second;
      cols.erase(found);
    }
    if (!cols.empty()) {
      fail(t.src, "目标数据库的这张表多出列 " + cols.begin()->second.first + "；未做任何改动");
    }
  }
}

}  // namespace

std::vector<TableCopy> copy_database(Db& from, Db& to, const CopyOptions& options) {
  if (from.kind() != "sqlite") throw std::runtime_error("源数据库须是 SQLite（sqlite:路径）");
  if (to.kind() != "postgresql") {
    throw std::runtime_error("目标数据库须是 PostgreSQL（postgresql://用户@主机:端口/库名）");
  }
  if (sodium_init() < 0) throw std::runtime_error("libsodium 初始化失败");
  auto log = [&](const std::string& line) {
    if (options.log) options.log(line);
  };
  auto src = from.acquire();
  ReadSnapshot snapshot(*src);
  check_source_migrations(*src);
  std::vector<TableCopy> left_out;
  std::vector<Table> tables = in_copy_order(source_tables(*src, left_out));

  {
    // Accounts or anything else already there: refused before the migrations touch the target.
    auto dst = to.acquire();
    check_target_empty(*dst, target_tables(*dst), false);
  }
  int applied = migrate(to, [&](const Migration& m) {
    log("目标库已应用迁移 " + std::to_string(m.version) + " " + m.name);
  });
  if (applied == 0) log("目标库已是最新结构");
  auto dst = to.acquire();
  std::set<int> known;
  for (const Migration& m : all_migrations()) known.insert(m.version);
  for (const Row& r : query(*dst, "SELECT version, name FROM schema_migrations ORDER BY version")) {
    if (!known.count(static_cast<int>(r.i64(0)))) {
      throw std::runtime_error("目标数据库含本程序不认识的迁移 " + r.text(0) + " " + r.text(1) +
                               "，请换一个新建的空数据库；未做任何改动");
    }
  }
  auto collate =
      query_one(*dst, "SELECT datcollate FROM pg_database WHERE datname = current_database()");
  bool collate_c = !collate || (collate->text(0) != "C" && collate->text(0) != "POSIX");

  Tx tx(*dst);
  exec(*dst, "SELECT pg_advisory_xact_lock(7438201)");  // the migrations' lock: one copy at once
  auto target = target_tables(*dst);
  match_target(*dst, tables, target, collate_c);
  {
    // Nobody else writes the target while it is checked and filled.
    std::vector<std::string> names;
    for (const auto& [l, name] : target) names.push_back(quote(name));
    if (!names.empty()) dst->exec_script("LOCK TABLE " + join(names, ", ") + " IN EXCLUSIVE MODE");
  }
  check_target_empty(*dst, target, true);

  // The target's seeded settings go first, children before parents (policy_version before
  // policy), so that no foreign key stops a delete.
  for (auto t = tables.rbegin(); t != tables.rend(); ++t) {
    if (t->settings) exec(*dst, "DELETE FROM " + quote(t->dst));
  }
  std::vector<TableCopy> report;
  for (const Table& t : tables) {
    TableCopy tc;
    tc.table = t.src;
    Reader in(t, false), out(t, true);
    std::string rest;
    if (!t.migration_rows.empty()) {
      Sum a = in.checksum(*src, "(" + t.migration_rows + ")", options.page_rows);
      Sum b = out.checksum(*dst, "(" + t.migration_rows + ")", options.page_rows);
      if (a.rows != b.rows || a.hex != b.hex) {
        fail(t.src, "迁移写入的参考数据两边不同（源库 " + std::to_string(a.rows) + " 行，目标库 " +
                        std::to_string(b.rows) +
                        " 行）：两个数据库须由同一版本的归雁迁移；未做任何改动");
      }
      tc.reference = b.rows;
      rest = "(" + t.migration_rows + ") IS NOT TRUE";
    }
    log("复制 " + t.src + " …");
    Inserter ins(*dst, t, options.batch_rows);
    int64_t logged = 0;
    try {
      in.each(*src, rest, options.page_rows, [&](const Row& r) {
        ins.add(r);
        if (ins.copied() >= logged + 100000) {
          logged = ins.copied();
          log("  " + t.src + " 已复制 " + std::to_string(logged) + " 行");
        }
      });
      ins.flush();
    } catch (const DbError& e) {
      fail(t.src, std::string("读取源数据库失败：") + e.what() + "；已回滚，目标库未改动");
    }
    tc.copied = ins.copied();
    report.push_back(tc);
  }

  if (options.before_verify) options.before_verify(*dst);
  for (size_t i = 0; i < tables.size(); ++i) {
    const Table& t = tables[i];
    log("核对 " + t.src + " …");
    Sum a, b;
    try {
      a = Reader(t, false).checksum(*src, "", options.page_rows);
      b = Reader(t, true).checksum(*dst, "", options.page_rows);
    } catch (const DbError& e) {
      fail(t.src, std::string("核对时读取失败：") + e.what() + "；已回滚，目标库未改动");
    }
    if (a.rows != b.rows) {
      fail(t.src, "核对失败：源库 " + std::to_string(a.rows) + " 行，目标库 " +
                      std::to_string(b.rows) + " 行；已回滚，目标库未改动");
    }
    if (a.hex != b.hex) {
      fail(t.src, "核对失败：两边都是 " + std::to_string(a.rows) +
                      " 行，但校验和不同（有值复制后变了）；已回滚，目标库未改动");
    }
    report[i].rows = a.rows;
    report[i].checksum = a.hex;
  }

  // Identity sequences past the highest id, so new rows do not collide. A rollback does not undo
  // setval, so this runs last, after everything has been verified.
  for (const Table& t : tables) {
    for (const std::string& col : t.identity) {
      std::string c = quote(col);
      try {
        exec(*dst,
             "SELECT setval(pg_get_serial_sequence($1, $2), GREATEST(COALESCE(MAX(" + c +
                 "), 0), 1), COALESCE(MAX(" + c + "), 0) >= 1) FROM " + quote(t.dst),
             {quote(t.dst), col});
      } catch (const DbError& e) {
        fail(t.src, std::string("设置自增序列失败：") + e.what() + "；已回滚");
      }
    }
  }
  tx.commit();
  report.insert(report.end(), left_out.begin(), left_out.end());
  return report;
}

std::vector<TableCopy> copy_database(const std::string& from_url, const std::string& to_url,
                                     const CopyOptions& options) {
  if (from_url.rfind("sqlite:", 0) != 0) {
    throw std::runtime_error("--from 须是 SQLite 数据库地址 sqlite:路径");
  }
  if (to_url.rfind("postgresql://", 0) != 0 && to_url.rfind("postgres://", 0) != 0) {
    throw std::runtime_error("--to 须是 PostgreSQL 数据库地址 postgresql://用户@主机:端口/库名");
  }
  std::string path = from_url.substr(7);
  std::error_code ec;
  if (path.empty() || !std::filesystem::is_regular_file(path, ec)) {
    throw std::runtime_error("源数据库文件“" + path + "”不存在");
  }
  auto from = open_db(from_url, 2);
  auto to = open_db(to_url, 2);
  return copy_database(*from, *to, options);
}

}  // namespace guiyan::store
