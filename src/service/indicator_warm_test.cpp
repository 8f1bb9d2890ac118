// Warming keeps the province's current-year figures in the cache only when it waited for the
// probes' answers to settle, and gives up when told to.
#include <gtest/gtest.h>

#include <thread>

#include "service/indicator_cache.h"
#include "service/indicator_catalogue.h"
#include "service/indicator_service.h"
#include "store/migrations.h"
#include "store/temp_database.h"

using namespace guiyan;
using namespace guiyan::service;

namespace {

class IndicatorWarmTest : public ::testing::Test {
 protected:
  store::TempDatabase tmp{"indicator_warm_test"};  // first: outlives db
  std::unique_ptr<store::Db> db;
  void SetUp() override {
    db = store::open_db(tmp.url(), 2);
    store::migrate(*db);
  }
  size_t kept() { return db->attachment<IndicatorCache>().size(); }
};

// Indicators whose figures come from records and go through the cache (not the year-end
// snapshot, which is held elsewhere, nor those entered only).
size_t cached_indicators() {
  size_t n = 0;
  for (const auto& ind : indicator_catalogue()) {
    if (ind.records && !ind.records->as_of) ++n;
  }
  return n;
}

TEST_F(IndicatorWarmTest, FiguresAreKeptOnceTheProbesSettled) {
  ASSERT_GT(cached_indicators(), 10u);
  EXPECT_EQ(kept(), 0u);
  auto settled = [] {
    std::this_thread::sleep_for(IndicatorCache::kSettle + std::chrono::milliseconds(100));
    return true;
  };
  // Told to stop after three indicators: what they computed is kept, the rest is not computed.
  int asked = 0;
  warm_indicator_figures(*db, settled, [&] { return ++asked <= 3; });
  EXPECT_EQ(asked, 4);
  EXPECT_GT(kept(), 0u);
  EXPECT_LT(kept(), cached_indicators());
  warm_indicator_figures(*db, settled, [] { return true; });
  EXPECT_EQ(kept(), cached_indicators());  // the province, this year: one figure each
}

TEST_F(IndicatorWarmTest, FiguresComputedTooSoonOrAbandonedAreNotKept) {
  auto always = [] { return true; };
  warm_indicator_figures(*db, always, always);  // no wait: nothing settled
  EXPECT_EQ(kept(), 0u);
  warm_indicator_figures(
      *db, [] { return false; }, always);  // the server is stopping
  EXPECT_EQ(kept(), 0u);
}

}  // namespace
