#include "service/person_write.h"

#include <gtest/gtest.h>

using namespace guiyan::service;

TEST(PersonWrite, RegionTokensNameEveryLevelOfTheCode) {
  EXPECT_EQ(
      region_tokens("421022100001"),
      (std::vector<std::string>{"rg42", "rg4210", "rg421022", "rg421022100", "rg421022100001"}));
  EXPECT_EQ(region_tokens("421022"), (std::vector<std::string>{"rg42", "rg4210", "rg421022"}));
  EXPECT_EQ(region_tokens("429004101"),  // 仙桃: a county-level city under the province
            (std::vector<std::string>{"rg42", "rg4290", "rg429004", "rg429004101"}));
  EXPECT_TRUE(region_tokens("").empty());
}

TEST(PersonWrite, SearchTokensEndWithTheRegionTokens) {
  guiyan::store::PersonRow p;
  p.fields["name"] = std::string("王芳");
  p.fields["region_code"] = std::string("421022100");
  std::string tokens = person_search_tokens(p);
  EXPECT_EQ(tokens.substr(0, tokens.find(" rg")), "王芳 王 芳");
  // The suffix migration 010 appends in SQL to records saved before it.
  EXPECT_EQ(tokens.substr(tokens.find(" rg")), " rg42 rg4210 rg421022 rg421022100");
}
