#include "core/clock.h"

#include <gtest/gtest.h>

using namespace guiyan::core;

TEST(Clock, RoundTripsIsoText) {
  auto t = parse_iso("2026-02-28T23:59:07Z");
  ASSERT_TRUE(t);
  EXPECT_EQ(to_iso(*t), "2026-02-28T23:59:07Z");
  EXPECT_EQ(to_iso(*t + std::chrono::seconds{53}), "2026-03-01T00:00:00Z");
}

// Every field is zero-padded to its width, at the edges of the four-digit years too, and the
// text reads back as the same second across two centuries.
TEST(Clock, FormatsEveryFieldZeroPadded) {
  EXPECT_EQ(to_iso(*parse_iso("0999-01-02T03:04:05Z")), "0999-01-02T03:04:05Z");
  EXPECT_EQ(to_iso(*parse_iso("9999-12-31T23:59:59Z")), "9999-12-31T23:59:59Z");
  EXPECT_EQ(to_iso(TimePoint{}), "1970-01-01T00:00:00Z");
  TimePoint t = *parse_iso("1950-01-01T00:00:00Z");
  for (int i = 0; i < 5000; ++i, t += std::chrono::seconds{1'262'993}) {  // ~14.6 days apart
    std::string text = to_iso(t);
    ASSERT_EQ(text.size(), 20u) << text;
    ASSERT_EQ(parse_iso(text), t) << text;
  }
}

TEST(Clock, RejectsMalformedText) {
  EXPECT_FALSE(parse_iso("2026-02-30"));
  EXPECT_FALSE(parse_iso("2026-13-01T00:00:00Z"));
  EXPECT_FALSE(parse_iso("2026-01-01T24:00:00Z"));
  EXPECT_FALSE(parse_iso("yesterday"));
  EXPECT_EQ(to_iso(*parse_iso("2024-02-29")), "2024-02-29T00:00:00Z");
}

TEST(Clock, StoredTimesReadAsChinaStandardTime) {
  EXPECT_EQ(guiyan::core::local_time_text("2026-12-05T21:35:31Z"), "2026-12-06 05:35:31");
  EXPECT_EQ(guiyan::core::local_time_text("2026-12-31T16:00:00Z"), "2027-01-01 00:00:00");
  EXPECT_EQ(guiyan::core::local_time_text("2026-03-01T01:02:03Z"), "2026-03-01 09:02:03");
  EXPECT_EQ(guiyan::core::local_time_text(""), "");
  EXPECT_EQ(guiyan::core::local_time_text("2026-12-05"), "2026-12-05");  // a date stays
  EXPECT_EQ(guiyan::core::local_time_text("not a time at all!!"), "not a time at all!!");
}
