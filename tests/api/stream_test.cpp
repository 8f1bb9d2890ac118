// Conn::stream on both databases: every row in order, and a session still usable after the
// reader stops midway (on_row throws) or the server fails midway. On PostgreSQL it reads in
// single-row mode, so an export or a full load holds one row at a time.
#include <gtest/gtest.h>

#include "store/db.h"
#include "store/temp_database.h"
#include "support/postgres_server.h"

using namespace guiyan;

namespace {

class StreamTest : public ::testing::Test {
 protected:
  store::TempDatabase tmp{"stream_test"};
  void SetUp() override {
    db = store::open_db(guiyan::testing::testing_on_postgres()
                            ? guiyan::testing::PostgresServer::shared().create_database()
                            : tmp.url(),
                        1);
  }
  std::unique_ptr<store::Db> db;
};

// The numbers 1..n (n ≤ 46,340: the squares fit 32 bits), one row each, with their square as text.
std::string numbers(int n) {
  return "WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < " +
         std::to_string(n) + ") SELECT n, CAST(n * n AS TEXT) FROM s ORDER BY n";
}

}  // namespace

TEST_F(StreamTest, EveryRowArrivesInOrder) {
  auto c = db->acquire();
  int64_t expected = 1;
  c->stream(numbers(20000), {}, [&](const store::Row& r) {
    ASSERT_EQ(r.i64(0), expected);
    ASSERT_EQ(r.text(1), std::to_string(expected * expected));
    ++expected;
  });
  EXPECT_EQ(expected, 20001);
  // Parameters bind as in run().
  int64_t rows = 0;
  c->stream("SELECT $1, $2", {int64_t{7}, std::string("七")}, [&](const store::Row& r) {
    EXPECT_EQ(r.i64(0), 7);
    EXPECT_EQ(r.text(1), "七");
    ++rows;
  });
  EXPECT_EQ(rows, 1);
}

TEST_F(StreamTest, AReaderThatStopsMidwayLeavesTheSessionUsable) {
  auto c = db->acquire();
  int64_t seen = 0;
  EXPECT_THROW(c->stream(numbers(40000), {},
                         [&](const store::Row& r) {
                           seen = r.i64(0);
                           if (seen == 1000) throw std::runtime_error("client went away");
                         }),
               std::runtime_error);
  EXPECT_EQ(seen, 1000);
  // The same statement again (already prepared: nothing else talks to the server first).
  int64_t n = 0;
  c->stream(numbers(40000), {}, [&](const store::Row&) { ++n; });
  EXPECT_EQ(n, 40000);
  EXPECT_EQ(store::query_int(*c, "SELECT 41 + 1"), 42);
  // Inside a transaction too: it stays open and commits.
  store::exec(*c, "CREATE TABLE kept (n INTEGER)");
  {
    store::Tx tx(*c);
    store::exec(*c, "INSERT INTO kept VALUES (1)");
    EXPECT_THROW(c->stream(numbers(5000), {},
                           [&](const store::Row& r) {
                             if (r.i64(0) == 10) throw std::runtime_error("stop");
                           }),
                 std::runtime_error);
    store::exec(*c, "INSERT INTO kept VALUES (2)");
    tx.commit();
  }
  EXPECT_EQ(store::query_int(*c, "SELECT SUM(n) FROM kept"), 3);
}

TEST_F(StreamTest, AServerErrorMidwayIsAnErrorAndTheSessionGoesOn) {
  if (db->kind() == "sqlite") GTEST_SKIP() << "SQLite divides by zero into NULL, no error";
  auto c = db->acquire();
  int64_t seen = 0;
  EXPECT_THROW(c->stream("SELECT 1 / (5000 - n) FROM generate_series(1, 10000) AS g(n)", {},
                         [&](const store::Row&) { ++seen; }),
               store::DbError);
  EXPECT_LT(seen, 5000);
  EXPECT_EQ(store::query_int(*c, "SELECT 41 + 1"), 42);
}
