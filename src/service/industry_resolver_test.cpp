#include "service/industry_resolver.h"

#include <gtest/gtest.h>

#include "store/db.h"
#include "store/migrations.h"
#include "store/temp_database.h"

namespace guiyan::service {
namespace {

TEST(IndustryResolver, CodesNamesAndTheShortNamesOfficesWrite) {
  store::TempDatabase tmp{"industry_resolver_test"};
  auto db = store::open_db(tmp.url(), 1);
  store::migrate(*db);
  auto conn = db->acquire();
  IndustryResolver industries(*conn);
  EXPECT_EQ(industries.code("62"), "62");
  EXPECT_EQ(industries.code("h62"), "62");  // section letter and division
  EXPECT_EQ(industries.code("餐饮业"), "62");
  EXPECT_EQ(industries.code("餐饮"), "62");  // without 业
  EXPECT_EQ(industries.code("建筑"), "E");  // 建筑业, not 建筑装饰、装修和其他建筑业
  EXPECT_FALSE(industries.code("汽车"));    // 汽车制造业, or the trade in cars: not guessed
  EXPECT_EQ(industries.code("金融业"), "J");
  EXPECT_FALSE(industries.code("农"));        // one character says too little
  EXPECT_FALSE(industries.code("电子商务"));  // not a section or division name
  EXPECT_FALSE(industries.code(""));
}

}  // namespace
}  // namespace guiyan::service
