#include "core/tracking_code.h"

#include <gtest/gtest.h>

#include <set>

namespace guiyan::core {
namespace {

TEST(TrackingCode, NewCodesAreReadableAndDiffer) {
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) {
    auto code = new_tracking_code();
    ASSERT_EQ(code.size(), 14u) << code;
    EXPECT_EQ(code[4], '-');
    EXPECT_EQ(code[9], '-');
    for (char ch : {'0', 'O', '1', 'I'}) EXPECT_EQ(code.find(ch), std::string::npos) << code;
    EXPECT_EQ(normalize_tracking_code(code), code);
    seen.insert(code);
  }
  EXPECT_EQ(seen.size(), 200u);
}

TEST(TrackingCode, TypedCodesAreNormalised) {
  EXPECT_EQ(normalize_tracking_code("abcd efgh jkmn"), "ABCD-EFGH-JKMN");
  EXPECT_EQ(normalize_tracking_code("ABCDEFGHJKMN"), "ABCD-EFGH-JKMN");
  EXPECT_EQ(normalize_tracking_code("ABCD-EFGH-JKM"), std::nullopt);    // too short
  EXPECT_EQ(normalize_tracking_code("ABCD-EFGH-JKMNP"), std::nullopt);  // too long
  EXPECT_EQ(normalize_tracking_code("ABCD-EFGH-JK0N"), std::nullopt);   // 0 is never used
  EXPECT_EQ(normalize_tracking_code("ABCD-EFGH-JK%4"), std::nullopt);
}

}  // namespace
}  // namespace guiyan::core
