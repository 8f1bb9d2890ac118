// A bound list runs as an IN list on a real database: its placeholders follow the ones bound
// before it, and an empty list matches nothing instead of being invalid SQL.
#include "store/sql_builder.h"

#include <gtest/gtest.h>

#include "store/db.h"
#include "store/temp_database.h"

using namespace guiyan::store;

namespace {

class SqlBuilderTest : public ::testing::Test {
 protected:
  TempDatabase tmp{"sql_builder_test"};  // first: outlives db
  std::unique_ptr<Db> db;
  void SetUp() override {
    db = open_db(tmp.url(), 1);
    auto c = db->acquire();
    exec(*c, "CREATE TABLE item (id INTEGER PRIMARY KEY, kind TEXT NOT NULL)");
    for (int64_t i = 1; i <= 5; ++i) {
      exec(*c, "INSERT INTO item (id, kind) VALUES ($1, $2)", {i, i % 2 ? "odd" : "even"});
    }
  }
  // The ids of the items of `kind` among `ids`, ascending.
  std::vector<int64_t> pick(const std::string& kind, const std::vector<int64_t>& ids) {
    SqlBuilder sql;
    std::string q = "SELECT id FROM item WHERE kind = " + sql.bind(kind) + " AND id IN (" +
                    sql.bind_list(ids) + ") ORDER BY id";
    std::vector<int64_t> out;
    db->acquire()->first_column_int64(q, sql.params(), out);
    return out;
  }
};

}  // namespace

TEST_F(SqlBuilderTest, AListFollowsTheParametersBoundBeforeIt) {
  SqlBuilder sql;
  EXPECT_EQ(sql.bind(std::string("odd")), "$1");
  EXPECT_EQ(sql.bind_list(std::vector<int64_t>{4, 5}), "$2, $3");
  EXPECT_EQ(sql.params().size(), 3u);
  EXPECT_EQ(pick("odd", {1, 2, 3, 9}), (std::vector<int64_t>{1, 3}));
  EXPECT_EQ(pick("even", {2, 4, 5}), (std::vector<int64_t>{2, 4}));
}

TEST_F(SqlBuilderTest, AnEmptyListMatchesNothing) {
  SqlBuilder sql;
  EXPECT_EQ(sql.bind_list(std::vector<std::string>{}), "NULL");
  EXPECT_TRUE(sql.params().empty());
  EXPECT_TRUE(pick("odd", {}).empty());
}

TEST(ForEachChunk, SlicesAListIntoStatementsOfAtMostTheLimit) {
  std::vector<int64_t> ids(2 * kListChunk + 1);
  for (size_t i = 0; i < ids.size(); ++i) ids[i] = static_cast<int64_t>(i);
  std::vector<std::vector<int64_t>> chunks;
  for_each_chunk(ids, [&](const std::vector<int64_t>& c) { chunks.push_back(c); });
  ASSERT_EQ(chunks.size(), 3u);
  EXPECT_EQ(chunks[0].size(), kListChunk);
  EXPECT_EQ(chunks[2], std::vector<int64_t>{static_cast<int64_t>(2 * kListChunk)});
  std::vector<int64_t> joined;
  for (const auto& c : chunks) joined.insert(joined.end(), c.begin(), c.end());
  EXPECT_EQ(joined, ids);
  int calls = 0;
  for_each_chunk(std::vector<std::string>{}, [&](const std::vector<std::string>&) { ++calls; });
  EXPECT_EQ(calls, 0);
}
