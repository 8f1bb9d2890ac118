#include "store/sqlite/sqlite_db.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <thread>

#include "store/temp_database.h"

using namespace guiyan::store;

TEST(SqliteDb, PlaceholdersAreRewrittenOutsideQuotesOnly) {
  EXPECT_EQ(sqlite_placeholders("SELECT $1, '$2', \"$3\", $10"), "SELECT ?1, '$2', \"$3\", ?10");
}

TEST(SqliteDb, ConstraintErrorsAreClassified) {
  TempDatabase tmp("sqlite_db_test");
  auto db = open_sqlite(tmp.path(), 2);
  auto c = db->acquire();
  c->exec_script(
      "CREATE TABLE p (id INTEGER PRIMARY KEY, k TEXT UNIQUE);"
      "CREATE TABLE q (p_id INTEGER REFERENCES p (id));");
  exec(*c, "INSERT INTO p (k) VALUES ($1)", {std::string("a")});
  try {
    exec(*c, "INSERT INTO p (k) VALUES ($1)", {std::string("a")});
    FAIL();
  } catch (const DbError& e) {
    EXPECT_EQ(e.kind(), DbErrorKind::unique_violation);
    EXPECT_EQ(e.constraint(), "p.k");
  }
  try {
    exec(*c, "INSERT INTO q VALUES (99)");
    FAIL();
  } catch (const DbError& e) {
    EXPECT_EQ(e.kind(), DbErrorKind::foreign_key);
  }
}

TEST(SqliteDb, ValuesRoundTripAndTransactionsRollBack) {
  TempDatabase tmp("sqlite_db_test");
  auto db = open_sqlite(tmp.path(), 2);
  auto c = db->acquire();
  c->exec_script("CREATE TABLE t (i INTEGER, f REAL, s TEXT, n TEXT)");
  exec(*c, "INSERT INTO t VALUES ($1, $2, $3, $4)",
       {int64_t{1} << 40, 2.5, std::string("荆州"), Null{}});
  auto row = query_one(*c, "SELECT i, f, s, n FROM t");
  ASSERT_TRUE(row);
  EXPECT_EQ(row->i64(0), int64_t{1} << 40);
  EXPECT_DOUBLE_EQ(row->f64(1), 2.5);
  EXPECT_EQ(row->text(2), "荆州");
  EXPECT_TRUE(row->is_null(3));
  {
    Tx tx(*c);
    exec(*c, "DELETE FROM t");
  }  // not committed
  EXPECT_EQ(query_int(*c, "SELECT COUNT(*) FROM t"), 1);
}

TEST(SqliteDb, ThePoolHandsOutSeparateConnectionsToThreads) {
  TempDatabase tmp("sqlite_db_test");
  auto db = open_sqlite(tmp.path(), 4);
  db->acquire()->exec_script("CREATE TABLE n (v INTEGER)");
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 50; ++i) {
        auto c = db->acquire();
        Tx tx(*c);
        exec(*c, "INSERT INTO n VALUES (1)");
        tx.commit();
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(query_int(*db->acquire(), "SELECT COUNT(*) FROM n"), 200);
}
