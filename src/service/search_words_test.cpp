#include "service/search_words.h"

#include <gtest/gtest.h>

using namespace guiyan::service;

TEST(SearchWords, RegionTokensNameEveryLevelOfTheCode) {
  EXPECT_EQ(
      region_tokens("421022100001"),
      (std::vector<std::string>{"rg42", "rg4210", "rg421022", "rg421022100", "rg421022100001"}));
  EXPECT_EQ(region_tokens("421022"), (std::vector<std::string>{"rg42", "rg4210", "rg421022"}));
  EXPECT_EQ(region_tokens("429004101"),  // 仙桃: a county-level city under the province
            (std::vector<std::string>{"rg42", "rg4290", "rg429004", "rg429004101"}));
  EXPECT_TRUE(region_tokens("").empty());
}

TEST(SearchWords, AnIdentifierWrittenWithSpacesDashesOrMarksIsItsDigits) {
  EXPECT_EQ(compact_identifier("138 0000 1234"), "13800001234");
  EXPECT_EQ(compact_identifier("4201-0219-8001-0112-3X"), "42010219800101123X");
  EXPECT_EQ(compact_identifier("１３８　００００　１２３４"), "13800001234");  // full width
  // Copied from a phone's contacts: direction marks around it, a no-break space inside.
  EXPECT_EQ(compact_identifier("\u202a138\u00a00000 1234\u202c"), "13800001234");
  EXPECT_EQ(compact_identifier("王芳 1234"), std::nullopt);
  EXPECT_EQ(compact_identifier("12 3"), std::nullopt);  // too short to be one
}
