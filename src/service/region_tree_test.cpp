#include "service/region_tree.h"

#include <gtest/gtest.h>

#include <map>
#include <stdexcept>

#include "service/region_resolver.h"
#include "store/migrations.h"
#include "store/temp_database.h"

namespace guiyan::service {
namespace {

class RegionTreeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = store::open_db(tmp_.url(), 1);
    store::migrate(*db_);
  }
  store::TempDatabase tmp_{"region_tree_test"};
  std::unique_ptr<store::Db> db_;
};

TEST_F(RegionTreeTest, NamesRunFromTheCityDownToTheRegion) {
  auto conn = db_->acquire();
  const auto& paths = region_tree(*db_, *conn);
  EXPECT_EQ(paths.path("421022100"), (std::vector<std::string>{"荆州市", "公安县", "埠河镇"}));
  EXPECT_EQ(paths.text("421022100"), "荆州市/公安县/埠河镇");
  EXPECT_EQ(paths.path("421000"), std::vector<std::string>{"荆州市"});
  // A county directly under the province has no city above it.
  EXPECT_EQ(paths.path("429004"), std::vector<std::string>{"仙桃市"});
  EXPECT_TRUE(paths.path("420000").empty());  // the province itself
  EXPECT_TRUE(paths.path("999999").empty());
  EXPECT_EQ(paths.text("999999"), "");
  // With the codes and levels from the province down (what GET /regions/CODE answers).
  nlohmann::json village = paths.with_path("421022100001");
  EXPECT_EQ(village["parent_code"], "421022100");
  ASSERT_EQ(village["path"].size(), 5u);
  EXPECT_EQ(village["path"][0],
            nlohmann::json({{"code", "420000"}, {"name", "湖北省"}, {"level", 1}}));
  EXPECT_EQ(village["path"][4]["level"], 5);
  EXPECT_TRUE(paths.with_path("420000")["parent_code"].is_null());
  EXPECT_EQ(paths.with_path("420000")["path"].size(), 1u);
  EXPECT_TRUE(paths.with_path("999999").is_null());
  // The same table for the next caller, without reading it again.
  EXPECT_EQ(&region_tree(*db_, *conn), &paths);
}

// The children the lists count by are the region table's, for every region of the province:
// the same codes in the same order, names, levels and whether each has children of its own.
TEST_F(RegionTreeTest, ChildrenAreTheTablesForEveryRegion) {
  auto conn = db_->acquire();
  const auto& tree = region_tree(*db_, *conn);
  std::map<std::string, std::vector<std::string>> expected;  // parent → "code name level has"
  conn->run(
      "SELECT COALESCE(r.parent_code, ''), r.code, r.name, r.level, EXISTS (SELECT 1 FROM region "
      "c WHERE c.parent_code = r.code) FROM region r ORDER BY r.code",
      {}, [&](const store::Row& r) {
        expected[r.text(0)].push_back(r.text(1) + " " + r.text(2) + " " + std::to_string(r.i64(3)) +
                                      (r.i64(4) ? " +" : " -"));
      });
  ASSERT_GT(expected.size(), 1000u);
  size_t differ = 0;
  for (const auto& [parent, want] : expected) {
    std::vector<std::string> got;
    nlohmann::json children = tree.children(parent);  // held: the loop reads its member
    for (const auto& c : children["items"]) {
      got.push_back(c["code"].get<std::string>() + " " + c["name"].get<std::string>() + " " +
                    std::to_string(c["level"].get<int64_t>()) +
                    (c["has_children"].get<bool>() ? " +" : " -"));
      EXPECT_EQ(c["parent_code"], parent.empty() ? nlohmann::json() : nlohmann::json(parent));
    }
    if (got != want && ++differ <= 3) {
      EXPECT_EQ(got, want) << "children of " << parent;
    }
  }
  EXPECT_EQ(differ, 0u);
  // A village has none; an unknown code neither.
  EXPECT_TRUE(tree.children("421022100201")["items"].empty());
  EXPECT_TRUE(tree.children("999999")["items"].empty());
  EXPECT_TRUE(tree.holds("421022100201"));
  EXPECT_FALSE(tree.holds("999999"));
  EXPECT_EQ(tree.name("421022"), "公安县");
  EXPECT_EQ(tree.name("999999"), "");
}

// What a ledger writes in its place column reads back to the same region for every region of
// the province, so a sheet whose code column was deleted still imports to the right village.
TEST_F(RegionTreeTest, EveryRegionsPathResolvesBackToIt) {
  auto conn = db_->acquire();
  const auto& paths = region_tree(*db_, *conn);
  RegionResolver resolver(*conn);
  int checked = 0, failed = 0;
  std::vector<std::string> wrong;
  conn->run("SELECT code FROM region WHERE level > 1", {}, [&](const store::Row& r) {
    std::string code = r.text(0), text = paths.text(code), got;
    try {
      got = resolver.resolve(text);
    } catch (const std::invalid_argument& e) {
      got = e.what();
    }
    if (got != code) ++failed;
    if (got != code && wrong.size() < 5) wrong.push_back(code + " " + text + " → " + got);
    ++checked;
  });
  EXPECT_GT(checked, 28000);
  EXPECT_EQ(failed, 0);
  EXPECT_EQ(wrong, std::vector<std::string>{});
}

}  // namespace
}  // namespace guiyan::service
