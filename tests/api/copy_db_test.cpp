// guiyan migrate --from sqlite:… --to postgresql://…: moving an installation to PostgreSQL.
// The source is always SQLite (also when GUIYAN_TEST_DB=postgresql); the target is a new
// database on the test PostgreSQL server.
#include "store/copy_db.h"

#include <unistd.h>

#include <filesystem>
#include <map>
#include <sstream>

#include "api/api_env.h"
#include "store/db.h"
#include "store/migrations.h"
#include "support/postgres_server.h"

using namespace guiyan::testing;
namespace store = guiyan::store;

namespace {

// The tables of the foundation, with the order that makes a dump comparable on both sides.
const std::vector<std::pair<std::string, std::string>> kTables = {
    {"department", "id"},
    {"role", "id"},
    {"role_permission", "role_id, permission"},
    {"role_region", "role_id, region_code"},
    {"app_user", "id"},
    {"user_role", "user_id, role_id"},
    {"session", "token_hash"},
    {"audit_log", "id"},
    // Seeded by a migration, then edited: the source's rows replace the target's seeds.
    {"vocabulary_term", "vocabulary, key"},
    {"vocabulary_revision", "id"}};

std::string temp_dir() {
  std::string tmpl = (std::filesystem::temp_directory_path() / "guiyan-copy-XXXXXX").string();
  return mkdtemp(tmpl.data());
}

// A SQLite installation after some use: the demo data set, an account added on the command
// line, a role with listed regions, sign-ins left open, a logout, a locked account.
struct Source {
  std::string dir;
  std::string url;
  std::map<std::string, std::string> passwords;  // demo account → password
  std::string open_token;                        // a session of jz_sysadmin never ended
  nlohmann::json users;                          // GET /users as jz_sysadmin saw it last
  ~Source() {
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
};

const Source& source() {
  static Source s = [] {
    Source s;
    s.dir = temp_dir();
    s.url = "sqlite:" + s.dir + "/old.db";
    std::string out;
    if (run_guiyan({"migrate", "--db", s.url}, "", &out) != 0) throw std::runtime_error(out);
    ServerProcess p(s.url);
    if (p.cli({"demo"}, "", &out) != 0) throw std::runtime_error("demo failed: " + out);
    std::istringstream lines(out);  // "  jz_clerk\tPASSWORD\tclerk\t荆州市"
    for (std::string line; std::getline(lines, line);) {
      if (line.rfind("  ", 0) != 0) continue;
      auto tab = line.find('\t');
      s.passwords[line.substr(2, tab - 2)] =
          line.substr(tab + 1, line.find('\t', tab + 1) - tab - 1);
    }
    p.add_user("ga_extra", "clerk", "421022", "公安县返乡创业服务站", kPassword);
    p.start();
    HttpClient c(p.port());
    auto login = [&](const std::string& user) {
      auto r = c.post("/api/v1/auth/login", {{"username", user}, {"password", s.passwords[user]}});
      if (r.status != 200) throw std::runtime_error("login " + user + ": " + r.body);
      return r.json()["token"].get<std::string>();
    };
    s.open_token = login("jz_sysadmin");
    std::string sec = login("jz_secadmin");
    auto role = c.post("/api/v1/roles",
                       {{"key", "county_viewer"},
                        {"name", "两县账号查看"},
                        {"data_scope", "regions"},
                        {"regions", {"421022", "421088"}},
                        {"permissions", {"user:read", "department:read"}}},
                       sec);
    if (role.status != 201) throw std::runtime_error("role: " + role.body);
    auto term = c.post("/api/v1/vocabularies/skills",
                       {{"label", "水电工"}, {"synonyms", {"管道工"}}}, s.open_token);
    if (term.status != 201) throw std::runtime_error("term: " + term.body);
    c.patch("/api/v1/vocabularies/skills/welder", {{"label", "电焊工"}, {"synonyms", {"电焊"}}},
            s.open_token);
    auto made = c.post("/api/v1/users",
                       {{"username", "viewer"},
                        {"display_name", "张 “查看” 员"},
                        {"password", kPassword},
                        {"region_code", "421000"}},
                       s.open_token);
    if (made.status != 201) throw std::runtime_error("user: " + made.body);
    c.patch("/api/v1/users/" + std::to_string(made.json()["id"].get<int64_t>()),
            {{"roles", {"county_viewer", "leader"}}}, sec);
    std::string leader = login("ga_leader");
    c.post("/api/v1/auth/logout", nlohmann::json::object(), leader);
    for (int i = 0; i < 5; ++i) {  // locks jl_clerk for 15 minutes
      c.post("/api/v1/auth/login", {{"username", "jl_clerk"}, {"password", "Wrong#2026x"}});
    }
    c.post("/api/v1/auth/login", {{"username", "nobody"}, {"password", "Wrong#2026x"}});
    s.users = c.get("/api/v1/users?limit=500", s.open_token).json();
    if (s.users["total"].get<int>() < 17) throw std::runtime_error("users: " + s.users.dump());
    p.stop();
    return s;
  }();
  return s;
}

// A copy of the source's file to change, in a folder removed with it.
struct SourceCopy {
  std::string dir = temp_dir();
  std::string url = "sqlite:" + dir + "/copy.db";
  SourceCopy() {
    auto db = store::open_db(source().url, 1);
    db->acquire()->exec_script("VACUUM INTO '" + dir + "/copy.db'");
  }
  ~SourceCopy() {
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
};

int64_t count(const std::string& url, const std::string& table, const std::string& where = "") {
  auto db = store::open_db(url, 1);
  auto c = db->acquire();
  return store::query_int(
      *c, "SELECT COUNT(*) FROM " + table + (where.empty() ? "" : " WHERE ") + where);
}

// Every row of a table as text ("∅" for NULL), in a fixed order.
std::vector<std::vector<std::string>> dump(const std::string& url, const std::string& table,
                                           const std::string& order) {
  auto db = store::open_db(url, 1);
  auto c = db->acquire();
  std::vector<std::vector<std::string>> rows;
  c->run("SELECT * FROM " + table + " ORDER BY " + order, {}, [&](const store::Row& r) {
    std::vector<std::string> row;
    for (size_t i = 0; i < r.size(); ++i) row.push_back(r.is_null(i) ? "∅" : r.text(i));
    rows.push_back(row);
  });
  return rows;
}

struct Line {
  int64_t rows = -1;
  std::string checksum, note;
};

// The command's per-table lines: "table\trows\tchecksum\tnote".
std::map<std::string, Line> table_lines(const std::string& out) {
  std::map<std::string, Line> lines;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);) {
    std::vector<std::string> f;
    std::istringstream fields(line);
    for (std::string x; std::getline(fields, x, '\t');) f.push_back(x);
    if (f.size() == 4) lines[f[0]] = {std::stoll(f[1]), f[2], f[3]};
  }
  return lines;
}

int copy(const std::string& from, const std::string& to, std::string* out) {
  return run_guiyan({"migrate", "--from", from, "--to", to}, "", out);
}

}  // namespace

TEST(CopyDb, CopiesEveryTableAndTheCopyServesTheSameInstallation) {
  const Source& src = source();
  std::string pg = PostgresServer::shared().create_database();
  std::string out;
  ASSERT_EQ(copy(src.url, pg, &out), 0) << out;
  EXPECT_NE(out.find("完成"), std::string::npos) << out;
  auto lines = table_lines(out);
  for (const auto& [table, order] : kTables) {
    SCOPED_TRACE(table);
    int64_t rows = count(src.url, table);
    EXPECT_GT(rows, 0);
    ASSERT_TRUE(lines.count(table)) << out;
    EXPECT_EQ(lines[table].rows, rows);
    EXPECT_EQ(lines[table].checksum.size(), 64u);
    EXPECT_EQ(count(pg, table), rows);
    EXPECT_EQ(dump(pg, table, order), dump(src.url, table, order));
  }
  // Reference data is compared, not copied; the built-in roles likewise.
  EXPECT_EQ(lines["region"].rows, count(src.url, "region"));
  EXPECT_NE(lines["region"].note.find("复制 0 行"), std::string::npos) << lines["region"].note;
  EXPECT_NE(lines["role"].note.find("迁移自带 5 行"), std::string::npos) << lines["role"].note;
  EXPECT_NE(lines["role"].note.find("复制 1 行"), std::string::npos) << lines["role"].note;
  EXPECT_EQ(lines["audit_log"].note, "复制 " + std::to_string(count(src.url, "audit_log")) + " 行");

  ServerProcess dst(pg);
  dst.start();
  HttpClient c(dst.port());
  // A session opened on the old installation is still valid: sessions were copied.
  EXPECT_EQ(c.get("/api/v1/auth/me", src.open_token).status, 200);
  auto login = c.post("/api/v1/auth/login",
                      {{"username", "jz_sysadmin"}, {"password", src.passwords.at("jz_sysadmin")}});
  ASSERT_EQ(login.status, 200) << login.body;
  std::string token = login.json()["token"];
  EXPECT_EQ(c.get("/api/v1/users?limit=500", token).json(), src.users);
  auto skills = c.get("/api/v1/vocabularies/skills", token).json();
  EXPECT_EQ(skills["revision"], 3);  // seeded 1, then two edits
  EXPECT_EQ(skills["items"][1]["label"], "电焊工");
  EXPECT_EQ(skills["items"][14]["synonyms"], nlohmann::json({"管道工"}));
  auto locked = c.post("/api/v1/auth/login",
                       {{"username", "jl_clerk"}, {"password", src.passwords.at("jl_clerk")}});
  EXPECT_EQ(locked.status, 423) << locked.body;  // the lockout came along

  // New rows get fresh ids after the highest copied ones (the identity sequences were moved).
  int64_t max_user =
      store::query_int(*store::open_db(src.url, 1)->acquire(), "SELECT MAX(id) FROM app_user");
  int64_t max_audit =
      store::query_int(*store::open_db(src.url, 1)->acquire(), "SELECT MAX(id) FROM audit_log");
  auto made = c.post("/api/v1/users",
                     {{"username", "after_move"},
                      {"display_name", "迁移后"},
                      {"password", kPassword},
                      {"region_code", "421022"}},
                     token);
  ASSERT_EQ(made.status, 201) << made.body;
  EXPECT_EQ(made.json()["id"].get<int64_t>(), max_user + 1);
  auto dept =
      c.post("/api/v1/departments",
             {{"name", "荆州市迁移后新部门"}, {"kind", "hrss"}, {"region_code", "421000"}}, token);
  EXPECT_EQ(dept.status, 201) << dept.body;
  EXPECT_GT(store::query_int(*store::open_db(pg, 1)->acquire(), "SELECT MAX(id) FROM audit_log"),
            max_audit);
  dst.stop();

  // The audit log on PostgreSQL still refuses changes.
  auto db = store::open_db(pg, 1);
  EXPECT_THROW(store::exec(*db->acquire(), "UPDATE audit_log SET ip = 'x'"), store::DbError);
}

TEST(CopyDb, RefusesATargetThatHoldsDataAndChangesNothing) {
  const Source& src = source();
  std::string pg = PostgresServer::shared().create_database();
  std::string out;
  ASSERT_EQ(copy(src.url, pg, &out), 0) << out;
  auto snapshot = [&] {
    std::vector<std::vector<std::vector<std::string>>> all;
    for (const auto& [table, order] : kTables) all.push_back(dump(pg, table, order));
    all.push_back(dump(pg,
                       "(SELECT pg_sequence_last_value(pg_get_serial_sequence('app_user', "
                       "'id')) AS v) s",
                       "v"));
    return all;
  };
  auto before = snapshot();
  EXPECT_NE(copy(src.url, pg, &out), 0);
  EXPECT_NE(out.find("目标数据库已有数据"), std::string::npos) << out;
  EXPECT_NE(out.find("app_user"), std::string::npos) << out;
  EXPECT_EQ(snapshot(), before);

  // One account made on the command line is enough to refuse.
  std::string one = PostgresServer::shared().create_database();
  ServerProcess target(one);
  ASSERT_EQ(target.cli({"migrate"}), 0);
  target.add_user("early", "sysadmin", "421000", "荆州市人社局", kPassword);
  EXPECT_NE(copy(src.url, one, &out), 0);
  EXPECT_NE(out.find("app_user 1 行"), std::string::npos) << out;
  EXPECT_EQ(count(one, "app_user"), 1);
  EXPECT_EQ(count(one, "department"), 1);

  // A database of something else is refused before the migrations create any table in it.
  std::string other = PostgresServer::shared().create_database();
  store::open_db(other, 1)->acquire()->exec_script(
      "CREATE TABLE ledger (x INTEGER); INSERT INTO ledger VALUES (1)");
  EXPECT_NE(copy(src.url, other, &out), 0);
  EXPECT_NE(out.find("ledger 1 行"), std::string::npos) << out;
  EXPECT_EQ(count(other, "information_schema.tables", "table_name = 'app_user'"), 0);
}

TEST(CopyDb, AFailureHalfwayLeavesTheTargetAsItsMigrationsLeftIt) {
  // A value PostgreSQL refuses and SQLite stored: text that is not UTF-8 (here GBK bytes, as a
  // spreadsheet exported in the local code page would give). audit_log is copied last.
  SourceCopy bad;
  {
    auto db = store::open_db(bad.url, 1);
    store::exec(*db->acquire(),
                "INSERT INTO audit_log (at, username, ip, action, entity, entity_id, after_json) "
                "VALUES ('2026-01-01T00:00:00Z', 'cli', '', 'import', 'department', '1', $1)",
                {std::string("{\"name\":\"\xb9\xe9\xd1\xe3\"}")});
  }
  std::string pg = PostgresServer::shared().create_database();
  std::string out;
  EXPECT_NE(copy(bad.url, pg, &out), 0);
  EXPECT_NE(out.find("表 audit_log：复制失败"), std::string::npos) << out;
  // Migrated, but none of the copied rows stayed.
  EXPECT_EQ(count(pg, "schema_migrations"), count(source().url, "schema_migrations"));
  for (const char* table : {"department", "role_region", "app_user", "user_role", "session"}) {
    EXPECT_EQ(count(pg, table), 0) << table;
  }
  EXPECT_EQ(count(pg, "role"), 5);
  EXPECT_EQ(count(pg, "audit_log"), 0);
  // The same target then takes a good copy.
  ASSERT_EQ(copy(source().url, pg, &out), 0) << out;
  EXPECT_EQ(count(pg, "app_user"), count(source().url, "app_user"));
}

TEST(CopyDb, VerificationComparesCountsAndChecksumsOfEveryTable) {
  const Source& src = source();
  auto from = store::open_db(src.url, 2);
  struct Case {
    std::string sql, table, words;
  };
  for (const Case& k :
       {Case{"UPDATE department SET name = name || '改' WHERE id = 2", "department", "校验和不同"},
        Case{"DELETE FROM session WHERE token_hash = (SELECT MIN(token_hash) FROM session)",
             "session", "行，目标库"}}) {
    SCOPED_TRACE(k.table);
    std::string pg = PostgresServer::shared().create_database();
    auto to = store::open_db(pg, 2);
    store::CopyOptions options;
    options.before_verify = [&](store::Conn& c) { ASSERT_EQ(store::exec(c, k.sql), 1); };
    options.batch_rows = 3;  // several batches per table
    options.page_rows = 2;   // several pages per table when reading PostgreSQL
    try {
      store::copy_database(*from, *to, options);
      ADD_FAILURE() << "the copy did not notice";
    } catch (const std::runtime_error& e) {
      std::string what = e.what();
      EXPECT_NE(what.find("表 " + k.table + "：核对失败"), std::string::npos) << what;
      EXPECT_NE(what.find(k.words), std::string::npos) << what;
    }
    EXPECT_EQ(count(pg, "app_user"), 0);
    EXPECT_EQ(count(pg, "department"), 0);
  }
  // Without the change, the same small batches and pages give a good copy.
  std::string pg = PostgresServer::shared().create_database();
  auto to = store::open_db(pg, 2);
  store::CopyOptions options;
  options.batch_rows = 3;
  options.page_rows = 2;
  auto report = store::copy_database(*from, *to, options);
  EXPECT_EQ(count(pg, "audit_log"), count(src.url, "audit_log"));
  EXPECT_FALSE(report.empty());
}

TEST(CopyDb, TablesOfLaterMigrationsAreCopiedOrRefusedNeverSkipped) {
  // Two tables the program does not know, the child sorting first by name.
  SourceCopy extra;
  {
    auto db = store::open_db(extra.url, 1);
    db->acquire()->exec_script(
        "CREATE TABLE b_parent (id INTEGER PRIMARY KEY, name TEXT NOT NULL);"
        "CREATE TABLE a_child (id INTEGER PRIMARY KEY, parent_id BIGINT NOT NULL REFERENCES "
        "b_parent (id), user_id BIGINT REFERENCES app_user (id), note TEXT);"
        "INSERT INTO b_parent VALUES (7, '甲'), (9, '乙');"
        "INSERT INTO a_child VALUES (3, 9, 1, NULL), (40, 7, NULL, 'x');");
  }
  std::string out;
  std::string missing = PostgresServer::shared().create_database();
  EXPECT_NE(copy(extra.url, missing, &out), 0);
  EXPECT_NE(out.find("目标数据库没有这张表"), std::string::npos) << out;
  EXPECT_EQ(count(missing, "app_user"), 0);

  // When the target has them too (as a later migration would make on both), they are copied,
  // parents first, and their identity sequences moved.
  std::string pg = PostgresServer::shared().create_database();
  ASSERT_EQ(run_guiyan({"migrate", "--db", pg}, "", &out), 0) << out;
  store::open_db(pg, 1)->acquire()->exec_script(
      "CREATE TABLE b_parent (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, name TEXT "
      "NOT NULL);"
      "CREATE TABLE a_child (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, parent_id "
      "BIGINT NOT NULL REFERENCES b_parent (id), user_id BIGINT REFERENCES app_user (id), note "
      "TEXT)");
  ASSERT_EQ(copy(extra.url, pg, &out), 0) << out;
  auto lines = table_lines(out);
  EXPECT_EQ(lines["b_parent"].rows, 2);
  EXPECT_EQ(lines["a_child"].rows, 2);
  EXPECT_EQ(dump(pg, "a_child", "id"), dump(extra.url, "a_child", "id"));
  auto db = store::open_db(pg, 1);
  EXPECT_EQ(
      store::query_int(*db->acquire(), "INSERT INTO a_child (parent_id) VALUES (7) RETURNING id"),
      41);
}

TEST(CopyDb, RefusesASourceThatIsNotFullyMigrated) {
  std::string dir = temp_dir();
  std::string url = "sqlite:" + dir + "/old.db";
  {
    auto db = store::open_db(url, 1);
    store::migrate_with(*db, {store::all_migrations().front()});
  }
  std::string pg = PostgresServer::shared().create_database();
  std::string out;
  EXPECT_NE(copy(url, pg, &out), 0);
  EXPECT_NE(out.find("源数据库还有未应用的迁移"), std::string::npos) << out;
  EXPECT_EQ(count(pg, "information_schema.tables", "table_name = 'app_user'"), 0);
  // Nothing was applied to the source either.
  EXPECT_EQ(count(url, "schema_migrations"), 1);
  std::filesystem::remove_all(dir);
}

TEST(CopyDb, CommandLineOptions) {
  std::string out;
  EXPECT_EQ(run_guiyan({"migrate", "--help"}, "", &out), 0);
  EXPECT_NE(out.find("--from"), std::string::npos) << out;
  EXPECT_NE(out.find("--to"), std::string::npos) << out;
  EXPECT_NE(run_guiyan({"migrate", "--from", source().url}, "", &out), 0);
  EXPECT_NE(out.find("--from 与 --to 须同时给出"), std::string::npos) << out;
  std::string pg = PostgresServer::shared().create_database();
  EXPECT_NE(copy("sqlite:/nonexistent/guiyan.db", pg, &out), 0);
  EXPECT_NE(out.find("不存在"), std::string::npos) << out;
  EXPECT_FALSE(std::filesystem::exists("/nonexistent/guiyan.db"));
  EXPECT_NE(copy(source().url, "sqlite:/tmp/x.db", &out), 0);
  EXPECT_NE(out.find("--to 须是 PostgreSQL"), std::string::npos) << out;
}
