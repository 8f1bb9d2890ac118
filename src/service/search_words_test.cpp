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
