// Regions and industries, the shipped reference data.
#include "api/api_env.h"

using namespace guiyan::testing;

TEST(ReferenceApi, RegionTreeFromProvinceToVillage) {
  auto& env = ApiEnv::get();
  std::string t = env.token("ga_clerk");
  auto top = env.client().get("/api/v1/regions", t).json()["items"];
  ASSERT_EQ(top.size(), 1u);
  EXPECT_EQ(top[0]["code"], "420000");
  auto jingzhou = env.client().get("/api/v1/regions?parent=421000", t).json()["items"];
  bool found = false;
  for (const auto& r : jingzhou) {
    if (r["code"] == "421022") {
      found = true;
      EXPECT_EQ(r["name"], "公安县");
      EXPECT_EQ(r["level"], 3);
      EXPECT_EQ(r["has_children"], true);
    }
  }
  EXPECT_TRUE(found);
  auto village = env.client().get("/api/v1/regions/421022100001", t).json();
  EXPECT_EQ(village["level"], 5);
  ASSERT_EQ(village["path"].size(), 5u);
  EXPECT_EQ(village["path"][0]["name"], "湖北省");
  EXPECT_EQ(village["path"][2]["name"], "公安县");
  EXPECT_EQ(village["path"][4]["code"], "421022100001");
  EXPECT_EQ(env.client().get("/api/v1/regions/999999", t).status, 404);
  EXPECT_EQ(env.client().get("/api/v1/regions?parent=999999", t).status, 404);
  // Directly under the province: 仙桃市.
  auto xiantao = env.client().get("/api/v1/regions/429004", t).json();
  EXPECT_EQ(xiantao["path"].size(), 2u);
}

TEST(ReferenceApi, IndustriesAreTheGbT4754SectionsAndDivisions) {
  auto& env = ApiEnv::get();
  auto items = env.client().get("/api/v1/industries", env.token("ga_clerk")).json()["items"];
  ASSERT_EQ(items.size(), 117u);
  EXPECT_EQ(items[0]["code"], "A");
  EXPECT_TRUE(items[0]["parent"].is_null());
  EXPECT_EQ(items[1]["code"], "01");
  EXPECT_EQ(items[1]["parent"], "A");
}
