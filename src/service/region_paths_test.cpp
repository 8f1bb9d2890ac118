#include "service/region_paths.h"

#include <gtest/gtest.h>

#include <stdexcept>

#include "service/region_resolver.h"
#include "store/migrations.h"
#include "store/temp_database.h"

namespace guiyan::service {
namespace {

class RegionPathsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = store::open_db(tmp_.url(), 1);
    store::migrate(*db_);
  }
  store::TempDatabase tmp_{"region_paths_test"};
  std::unique_ptr<store::Db> db_;
};

TEST_F(RegionPathsTest, NamesRunFromTheCityDownToTheRegion) {
  auto conn = db_->acquire();
  const auto& paths = region_paths(*db_, *conn);
  EXPECT_EQ(paths.path("421022100"), (std::vector<std::string>{"荆州市", "公安县", "埠河镇"}));
  EXPECT_EQ(paths.text("421022100"), "荆州市/公安县/埠河镇");
  EXPECT_EQ(paths.path("421000"), std::vector<std::string>{"荆州市"});
  // A county directly under the province has no city above it.
  EXPECT_EQ(paths.path("429004"), std::vector<std::string>{"仙桃市"});
  EXPECT_TRUE(paths.path("420000").empty());  // the province itself
  EXPECT_TRUE(paths.path("999999").empty());
  EXPECT_EQ(paths.text("999999"), "");
  // The same table for the next caller, without reading it again.
  EXPECT_EQ(&region_paths(*db_, *conn), &paths);
}

// What a ledger writes in its place column reads back to the same region for every region of
// the province, so a sheet whose code column was deleted still imports to the right village.
TEST_F(RegionPathsTest, EveryRegionsPathResolvesBackToIt) {
  auto conn = db_->acquire();
  const auto& paths = region_paths(*db_, *conn);
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
