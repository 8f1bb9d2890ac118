#include "core/review_cycle.h"

#include <gtest/gtest.h>

namespace guiyan::core {
namespace {

TEST(ReviewCycle, QuarterIsTheDefaultAndItsBoundariesBelongToIt) {
  auto q = review_cycle("", "2026-10-01");
  ASSERT_TRUE(q);
  EXPECT_EQ(q->kind, "quarter");
  EXPECT_EQ(q->since, "2026-10-01");
  EXPECT_EQ(q->until, "2026-12-31");
  EXPECT_EQ(q->label, "2026年第4季度");
  EXPECT_EQ(review_cycle("quarter", "2026-09-30")->since, "2026-07-01");
  EXPECT_EQ(review_cycle("quarter", "2026-09-30")->until, "2026-09-30");
  EXPECT_EQ(review_cycle("quarter", "2026-01-01")->until, "2026-03-31");
}

TEST(ReviewCycle, MonthHalfAndYear) {
  EXPECT_EQ(review_cycle("month", "2024-02-10")->until, "2024-02-29");
  EXPECT_EQ(review_cycle("month", "2025-02-10")->until, "2025-02-28");
  EXPECT_EQ(review_cycle("half", "2026-06-30")->since, "2026-01-01");
  EXPECT_EQ(review_cycle("half", "2026-07-01")->since, "2026-07-01");
  EXPECT_EQ(review_cycle("half", "2026-07-01")->label, "2026年下半年");
  EXPECT_EQ(review_cycle("year", "2026-11-22")->since, "2026-01-01");
  EXPECT_EQ(review_cycle("year", "2026-11-22")->until, "2026-12-31");
}

TEST(ReviewCycle, UnknownKindsAndMalformedDatesAreRefused) {
  EXPECT_FALSE(review_cycle("week", "2026-11-22"));
  EXPECT_FALSE(review_cycle("quarter", "2026-13-01"));
  EXPECT_FALSE(review_cycle("quarter", "20261122"));
}

}  // namespace
}  // namespace guiyan::core
