#include "core/clock.h"

#include <gtest/gtest.h>

using namespace guiyan::core;

TEST(Clock, RoundTripsIsoText) {
  auto t = parse_iso("2026-02-28T23:59:07Z");
  ASSERT_TRUE(t);
  EXPECT_EQ(to_iso(*t), "2026-02-28T23:59:07Z");
  EXPECT_EQ(to_iso(*t + std::chrono::seconds{53}), "2026-03-01T00:00:00Z");
}

TEST(Clock, RejectsMalformedText) {
  EXPECT_FALSE(parse_iso("2026-02-30"));
  EXPECT_FALSE(parse_iso("2026-13-01T00:00:00Z"));
  EXPECT_FALSE(parse_iso("2026-01-01T24:00:00Z"));
  EXPECT_FALSE(parse_iso("yesterday"));
  EXPECT_EQ(to_iso(*parse_iso("2024-02-29")), "2024-02-29T00:00:00Z");
}
