// Deferred inserts are invisible until flushed, arrive complete and in order (across statements
// of different sizes), are written by a commit and lost with a rollback.
#include "store/deferred_insert.h"

#include <gtest/gtest.h>

#include "store/temp_database.h"

using namespace guiyan;
using namespace guiyan::store;

namespace {

class DeferredInsertTest : public ::testing::Test {
 protected:
  TempDatabase tmp{"deferred_insert_test"};  // first: outlives db
  std::unique_ptr<Db> db;
  void SetUp() override {
    db = open_db(tmp.url(), 1);
    exec(*db->acquire(),
         "CREATE TABLE kept_row (id INTEGER PRIMARY KEY, n INTEGER NOT NULL, label TEXT)");
  }
  static std::vector<int64_t> numbers(Conn& c) {
    std::vector<int64_t> out;
    c.first_column_int64("SELECT n FROM kept_row ORDER BY id", {}, out);
    return out;
  }
};

TEST_F(DeferredInsertTest, KeptRowsArriveInOrderAtTheFlush) {
  auto c = db->acquire();
  Tx tx(*c);
  c->defer_inserts = true;
  // 1,300 rows: statements of 512, 512, 256, 16 and 4 rows.
  for (int64_t i = 0; i < 1300; ++i) {
    insert_row(*c, "kept_row", {"n", "label"},
               {i, i % 3 ? Value{std::string("行") + std::to_string(i)} : Value{Null{}}});
  }
  EXPECT_TRUE(numbers(*c).empty());
  flush_deferred_inserts(*c);
  auto got = numbers(*c);
  ASSERT_EQ(got.size(), 1300u);
  for (int64_t i = 0; i < 1300; ++i) EXPECT_EQ(got[static_cast<size_t>(i)], i);
  EXPECT_EQ(query_int(*c, "SELECT COUNT(*) FROM kept_row WHERE label IS NULL"), 434);
  c->defer_inserts = false;
  tx.commit();
}

TEST_F(DeferredInsertTest, CommitWritesThemAndRollbackLosesThem) {
  auto c = db->acquire();
  {
    Tx tx(*c);
    c->defer_inserts = true;
    insert_row(*c, "kept_row", {"n"}, {int64_t{1}});
    insert_row(*c, "kept_row", {"n"}, {int64_t{2}});
    c->defer_inserts = false;
    tx.commit();
  }
  EXPECT_EQ(numbers(*c), (std::vector<int64_t>{1, 2}));
  {
    Tx tx(*c);
    c->defer_inserts = true;
    insert_row(*c, "kept_row", {"n"}, {int64_t{3}});
    c->defer_inserts = false;
  }  // rolled back
  {
    Tx tx(*c);
    tx.commit();  // nothing kept from the rolled-back transaction is written here
  }
  EXPECT_EQ(numbers(*c), (std::vector<int64_t>{1, 2}));
  // Without deferral a row is there at once.
  insert_row(*c, "kept_row", {"n"}, {int64_t{4}});
  EXPECT_EQ(numbers(*c), (std::vector<int64_t>{1, 2, 4}));
}

TEST_F(DeferredInsertTest, AParentTablesRowsGoInBeforeTheRowsReferringToThem) {
  auto c = db->acquire();
  exec(*c, "CREATE TABLE kept_child (parent_id INTEGER NOT NULL REFERENCES kept_row (id))");
  Tx tx(*c);
  c->defer_inserts = true;
  // A child row first (as an update's history row is kept before the next new person's row),
  // then its parent: written the other way round, the foreign key would refuse the child.
  insert_row(*c, "kept_child", {"parent_id"}, {int64_t{7}});
  insert_row(*c, "kept_row", {"id", "n"}, {int64_t{7}, int64_t{70}}, true);
  insert_row(*c, "kept_child", {"parent_id"}, {int64_t{8}});
  insert_row(*c, "kept_row", {"id", "n"}, {int64_t{8}, int64_t{80}}, true);
  EXPECT_NO_THROW(flush_deferred_inserts(*c));
  EXPECT_EQ(numbers(*c), (std::vector<int64_t>{70, 80}));
  EXPECT_EQ(query_int(*c, "SELECT COUNT(*) FROM kept_child"), 2);
  c->defer_inserts = false;
  tx.commit();
}

}  // namespace
