#include "core/text.h"

#include <gtest/gtest.h>

namespace guiyan::core {
namespace {

TEST(Text, SplitKeepsEmptyPartsAndSplitItemsDropsThem) {
  EXPECT_EQ(split("C,,39", ','), (std::vector<std::string>{"C", "", "39"}));
  EXPECT_EQ(split_items("C,,39,", ','), (std::vector<std::string>{"C", "39"}));
  EXPECT_TRUE(split_items("", ',').empty());
  EXPECT_EQ(split("", ',').size(), 1u);
}

}  // namespace
}  // namespace guiyan::core
