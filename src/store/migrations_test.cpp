#include "store/migrations.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "store/db.h"
#include "store/temp_database.h"

using namespace guiyan::store;

namespace {

bool table_exists(Conn& c, const std::string& name) {
  return query_int(c, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = $1",
                   {name}) > 0;
}

// The database of `tmp` as an installation from before migration `version` that held what the
// statements `seed` write, then migrated to today's shipped migrations.
std::unique_ptr<Db> migrated_past(const TempDatabase& tmp, int version,
                                  const std::vector<std::string>& seed) {
  auto db = open_db(tmp.url(), 1);
  std::vector<Migration> before;
  for (auto& m : all_migrations()) {
    if (m.version < version) before.push_back(m);
  }
  migrate_with(*db, before);
  {
    auto conn = db->acquire();  // handed back before migrate takes the pool's one connection
    for (const auto& sql : seed) exec(*conn, sql);
  }
  migrate(*db);
  return db;
}

}  // namespace

TEST(Migrations, AFailingMigrationLeavesTheDatabaseAsItWas) {
  TempDatabase tmp("migrations_test");
  auto db = open_db(tmp.url(), 1);
  std::vector<Migration> list(3);
  list[0] = {1, "first", "CREATE TABLE a (x INTEGER)", {}, {}};
  list[1] = {
      2, "broken", "CREATE TABLE b (x INTEGER); INSERT INTO a VALUES (1); SELECT nope()", {}, {}};
  list[2] = {3, "never", "CREATE TABLE c (x INTEGER)", {}, {}};
  EXPECT_THROW(migrate_with(*db, list), DbError);
  auto conn = db->acquire();
  EXPECT_EQ(schema_version(*conn), 1);
  EXPECT_TRUE(table_exists(*conn, "a"));
  EXPECT_FALSE(table_exists(*conn, "b"));  // the whole of migration 2 rolled back
  EXPECT_EQ(query_int(*conn, "SELECT COUNT(*) FROM a"), 0);
  EXPECT_FALSE(table_exists(*conn, "c"));
}

TEST(Migrations, AC_StepFailureRollsBackItsSqlToo) {
  TempDatabase tmp("migrations_test");
  auto db = open_db(tmp.url(), 1);
  std::vector<Migration> list(1);
  list[0] = {1, "with_step", "CREATE TABLE t (x INTEGER)", {}, [](Conn& c) {
               exec(c, "INSERT INTO t VALUES (1)");
               throw DbError(DbErrorKind::other, "step failed");
             }};
  EXPECT_THROW(migrate_with(*db, list), DbError);
  auto conn = db->acquire();
  EXPECT_FALSE(table_exists(*conn, "t"));
  EXPECT_EQ(schema_version(*conn), 0);
}

TEST(Migrations, ShippedMigrationsApplyOnceAndLoadReferenceData) {
  TempDatabase tmp("migrations_test");
  auto db = open_db(tmp.url(), 1);
  int first = migrate(*db);
  EXPECT_EQ(first, static_cast<int>(all_migrations().size()));
  EXPECT_EQ(migrate(*db), 0);
  auto conn = db->acquire();
  EXPECT_EQ(query_int(*conn, "SELECT COUNT(*) FROM region"), 28651);
  EXPECT_EQ(query_int(*conn, "SELECT COUNT(*) FROM region WHERE level = 5"), 27057);
  EXPECT_EQ(query_int(*conn, "SELECT COUNT(*) FROM industry"), 117);
  EXPECT_EQ(query_int(*conn, "SELECT COUNT(*) FROM role WHERE builtin = 1"), 5);
}

TEST(Migrations, DialectSpecificSqlRunsOnlyOnItsDialect) {
  TempDatabase tmp("migrations_test");
  auto db = open_db(tmp.url(), 1);
  std::vector<Migration> list(1);
  list[0] = {1,
             "dialects",
             "CREATE TABLE t (x INTEGER)",
             {{"postgresql", "THIS IS NOT SQL"}, {"sqlite", "INSERT INTO t VALUES (7)"}},
             {}};
  migrate_with(*db, list);
  auto conn = db->acquire();
  EXPECT_EQ(query_int(*conn, "SELECT x FROM t"), 7);
}

TEST(Migrations, StageEntriesRecordedBeforeMigration15GetTheirDays) {
  TempDatabase tmp("migrations_test");
  auto db = migrated_past(
      tmp, 15,
      {"INSERT INTO project (id, name, region_code, stage, created_at, updated_at) VALUES (1, "
       "'项目', '421022', 'contact', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')",
       "INSERT INTO project_stage (project_id, stage, entered_on, left_on, left_to, region_code, "
       "recorded_at) VALUES (1, 'lead', '2024-12-20', '2025-03-01', 'contact', '421022', 'x'), "
       "(1, 'contact', '2025-03-01', NULL, NULL, '421022', 'x'), "
       "(1, 'inspection', NULL, '2025-04-01', 'reception', '421022', 'x')"});
  std::vector<int64_t> days;
  db->acquire()->first_column_int64(
      "SELECT COALESCE(days_in_stage, -1) FROM project_stage ORDER BY id", {}, days);
  EXPECT_EQ(days, (std::vector<int64_t>{71, -1, -1}));  // across a year end; unknown dates: none
}

TEST(Migrations, MerchantsRecordedBeforeMigration37AreFoundByTheirHometownsName) {
  TempDatabase tmp("migrations_test");
  auto db = migrated_past(
      tmp, 37,
      {"INSERT INTO merchant (id, name, hometown_code, intention_strength, search_tokens, "
       "created_at, updated_at) VALUES (1, '赵刚', '421022106001', 'unknown', '赵刚', "
       "'2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')"});
  auto conn = db->acquire();
  auto row = query_one(*conn, "SELECT search_tokens FROM merchant WHERE id = 1");
  ASSERT_TRUE(row);
  EXPECT_EQ(row->text(0), "赵刚 rg42 rg4210 rg421022 rg421022106 rg421022106001");
  // The full-text index follows: the township's token finds the record.
  EXPECT_EQ(query_int(*conn, "SELECT COUNT(*) FROM merchant_fts WHERE merchant_fts MATCH $1",
                      {"rg421022106"}),
            1);
}

TEST(Migrations, TheAuditLogRefusesChangesInTheDatabaseItself) {
  TempDatabase tmp("migrations_test");
  auto db = open_db(tmp.url(), 1);
  migrate(*db);
  auto conn = db->acquire();
  exec(*conn,
       "INSERT INTO audit_log (at, username, ip, action, entity, entity_id) "
       "VALUES ('2026-01-01T00:00:00Z', 'u', 'ip', 'create', 'user', '1')");
  EXPECT_THROW(exec(*conn, "UPDATE audit_log SET username = 'x'"), DbError);
  EXPECT_THROW(exec(*conn, "DELETE FROM audit_log"), DbError);
  EXPECT_EQ(query_int(*conn, "SELECT COUNT(*) FROM audit_log WHERE username = 'u'"), 1);
}

TEST(Migrations, ThePlacementLogKeepsItsNewestThousandEntries) {
  TempDatabase tmp("migrations_test");
  auto db = open_db(tmp.url(), 1);
  migrate(*db);
  auto c = db->acquire();
  exec(*c, "INSERT INTO person_placement (seq, person_id) VALUES (999, 1), (1000, 1), (1999, 1)");
  EXPECT_EQ(query_int(*c, "SELECT MIN(seq) FROM person_placement"), 999);
  exec(*c, "INSERT INTO person_placement (person_id) VALUES (2)");  // seq 2000: prunes ≤ 1000
  EXPECT_EQ(query_int(*c, "SELECT COUNT(*) FROM person_placement"), 2);
  EXPECT_EQ(query_int(*c, "SELECT MIN(seq) FROM person_placement"), 1999);
  EXPECT_EQ(query_int(*c, "SELECT MAX(seq) FROM person_placement"), 2000);
}
