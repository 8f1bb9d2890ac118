#include "service/merchant_write.h"

#include <gtest/gtest.h>

namespace guiyan::service {
namespace {

TEST(MerchantMatchTokens, IntendedIndustriesWithTheirSectionsAndIntendedRegionsByPrefix) {
  store::MerchantRow m;
  m.fields["intention_industries"] = std::string("36,I");
  m.fields["intention_regions"] = std::string("421000,421022100");
  EXPECT_EQ(merchant_match_tokens(m),
            (std::vector<std::string>{"ii36", "iiC", "iiI", "ir4210", "ir421022100"}));
  // In the search tokens, lower-cased as the full-text index keeps them.
  std::string tokens = merchant_search_tokens(m);
  for (const char* t : {"ii36", "iic", "iii", "ir4210", "ir421022100"}) {
    EXPECT_NE((" " + tokens + " ").find(std::string(" ") + t + " "), std::string::npos) << t;
  }
  EXPECT_TRUE(merchant_match_tokens(store::MerchantRow{}).empty());
}

}  // namespace
}  // namespace guiyan::service
