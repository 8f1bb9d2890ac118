#include "service/person_write.h"

#include <gtest/gtest.h>

using namespace guiyan::service;

TEST(PersonWrite, SearchTokensEndWithTheRegionTokens) {
  guiyan::store::PersonRow p;
  p.fields["name"] = std::string("王芳");
  p.fields["region_code"] = std::string("421022100");
  std::string tokens = person_search_tokens(p);
  EXPECT_EQ(tokens.substr(0, tokens.find(" rg")), "王芳 王 芳");
  // The suffix migration 010 appends in SQL to records saved before it.
  EXPECT_EQ(tokens.substr(tokens.find(" rg")), " rg42 rg4210 rg421022 rg421022100");
}
