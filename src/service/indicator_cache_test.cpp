// The indicator cache keeps a figure only under a settled probe answer, and gives it back only
// while the probes answer the same and the figure is young enough.
#include "service/indicator_cache.h"

#include <gtest/gtest.h>

namespace guiyan::service {
namespace {

using std::chrono::seconds;

IndicatorTally tally_of(double total) {
  IndicatorTally t;
  t.total = total;
  return t;
}

TEST(IndicatorCache, AFigureComputedBeforeItsProbeSettledIsNotKept) {
  IndicatorCache cache;
  auto t0 = IndicatorCache::Clock::now();
  cache.saw("ventures|10:00:01", t0);
  cache.store("new_ventures|42", "ventures|10:00:01", tally_of(3), t0 + seconds(1));
  EXPECT_FALSE(cache.find("new_ventures|42", "ventures|10:00:01", t0 + seconds(1)));
  cache.store("new_ventures|42", "ventures|10:00:01", tally_of(3), t0 + seconds(2));
  auto hit = cache.find("new_ventures|42", "ventures|10:00:01", t0 + seconds(3));
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->total, 3);
}

TEST(IndicatorCache, AYoungerAskerMissesAFigureOthersStillGet) {
  IndicatorCache cache;
  auto t0 = IndicatorCache::Clock::now();
  cache.saw("ventures|1", t0);
  cache.store("new_ventures|42", "ventures|1", tally_of(5), t0 + seconds(3));
  auto later = t0 + seconds(3) + IndicatorCache::kMaxAge / 2 + seconds(1);
  EXPECT_FALSE(cache.find("new_ventures|42", "ventures|1", later, IndicatorCache::kMaxAge / 2));
  auto hit = cache.find("new_ventures|42", "ventures|1", later);
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->total, 5);
}

TEST(IndicatorCache, AnotherProbeAnswerOrAnOldFigureIsAMiss) {
  IndicatorCache cache;
  auto t0 = IndicatorCache::Clock::now();
  cache.saw("p1", t0);
  cache.store("k", "p1", tally_of(5), t0 + seconds(5));
  EXPECT_FALSE(cache.find("k", "p2", t0 + seconds(6)));  // something changed
  EXPECT_FALSE(cache.find("k", "p1", t0 + seconds(6)));  // and the stale entry is gone
  cache.store("k", "p1", tally_of(5), t0 + seconds(5));
  EXPECT_TRUE(cache.find("k", "p1", t0 + seconds(5) + IndicatorCache::kMaxAge));
  EXPECT_FALSE(cache.find("k", "p1", t0 + seconds(6) + IndicatorCache::kMaxAge));
}

TEST(IndicatorCache, AProbeNeverSeenKeepsNothing) {
  IndicatorCache cache;
  auto t0 = IndicatorCache::Clock::now();
  cache.store("k", "unseen", tally_of(1), t0 + seconds(60));
  EXPECT_FALSE(cache.find("k", "unseen", t0 + seconds(61)));
}

}  // namespace
}  // namespace guiyan::service
