#include "service/data_scope.h"

#include <gtest/gtest.h>

using namespace guiyan::service;

TEST(DataScope, RegionPrefixFollowsTheCodeLevel) {
  EXPECT_EQ(region_prefix("420000"), "42");
  EXPECT_EQ(region_prefix("421000"), "4210");
  EXPECT_EQ(region_prefix("421022"), "421022");
  EXPECT_EQ(region_prefix("429004"), "429004");  // 仙桃, directly under the province
  EXPECT_EQ(region_prefix("421022100"), "421022100");
}

TEST(DataScope, WithinMatchesSubtreesOnly) {
  EXPECT_TRUE(region_within("421022100001", "421000"));
  EXPECT_TRUE(region_within("421022", "421022"));
  EXPECT_FALSE(region_within("421081", "421022"));
  EXPECT_FALSE(region_within("420100", "421000"));
  EXPECT_TRUE(region_within("429004", "420000"));
}

Principal county_clerk() {
  Principal p;
  p.user_id = 7;
  p.region_code = "421022";  // 公安县
  p.scopes = {{"own_region_down", {}}};
  return p;
}

TEST(DataScope, InScopeUnionsTheRoles) {
  Principal p = county_clerk();
  EXPECT_TRUE(in_scope(p, "421022100001"));
  EXPECT_FALSE(in_scope(p, "421081"));
  p.scopes.push_back({"regions", {"421081"}});
  EXPECT_TRUE(in_scope(p, "421081001"));
  p.scopes = {{"own_records", {}}};
  EXPECT_FALSE(in_scope(p, "421022"));
  EXPECT_TRUE(in_scope(p, "421081", 7));
  p.scopes = {{"own_region", {}}};
  EXPECT_TRUE(in_scope(p, "421022"));
  EXPECT_FALSE(in_scope(p, "421022100"));
  p.scopes = {{"none", {}}};
  EXPECT_FALSE(in_scope(p, "421022"));
  p.scopes = {};
  EXPECT_FALSE(in_scope(p, "421022"));
}

TEST(DataScope, AFilterReachesTheScopeWhenTheSubtreesMeet) {
  Principal p = county_clerk();
  EXPECT_TRUE(scope_reaches(p, "421000"));        // the city holds the county
  EXPECT_TRUE(scope_reaches(p, "420000"));        // so does the province
  EXPECT_TRUE(scope_reaches(p, "421022"));        // the county itself
  EXPECT_TRUE(scope_reaches(p, "421022100001"));  // a village in it
  EXPECT_FALSE(scope_reaches(p, "421081"));       // the neighbouring county
  EXPECT_FALSE(scope_reaches(p, "420100"));       // another city
  p.scopes = {{"own_region", {}}};
  EXPECT_TRUE(scope_reaches(p, "421000"));
  EXPECT_FALSE(scope_reaches(p, "421022100"));  // below the own region: nothing seen there
  p.scopes = {{"regions", {"421081", "420100"}}};
  EXPECT_TRUE(scope_reaches(p, "420111"));
  EXPECT_TRUE(scope_reaches(p, "421000"));
  EXPECT_FALSE(scope_reaches(p, "421022"));  // the account's own county is not granted
  p.scopes.push_back({"own_records", {}});
  EXPECT_TRUE(scope_reaches(p, "421022"));  // records the account entered may lie anywhere
  p.scopes = {{"none", {}}};
  EXPECT_FALSE(scope_reaches(p, "420000"));
  p.scopes = {{"all", {}}};
  EXPECT_TRUE(scope_reaches(p, "421081"));
}

TEST(DataScope, ConditionBindsARange) {
  guiyan::store::SqlBuilder sql;
  Principal p = county_clerk();
  p.region_code = "421000";
  EXPECT_EQ(scope_condition(p, sql, "u.region_code"),
            "((u.region_code >= $1 AND u.region_code < $2))");
  EXPECT_EQ(std::get<std::string>(sql.params()[0]), "4210");
  EXPECT_EQ(std::get<std::string>(sql.params()[1]), "4211");
  p.scopes = {};
  EXPECT_EQ(scope_condition(p, sql, "u.region_code"), "1=0");
  p.scopes = {{"own_records", {}}, {"all", {}}};
  EXPECT_EQ(scope_condition(p, sql, "u.region_code", "u.created_by"), "1=1");
}

// The region table holds Hubei only: the province's subtree is every row, with no condition
// (which lets a page be read in id order instead of through the region index).
TEST(DataScope, TheWholeProvinceNeedsNoCondition) {
  guiyan::store::SqlBuilder sql;
  EXPECT_EQ(subtree_condition(sql, "p.region_code", "420000"), "1=1");
  EXPECT_TRUE(sql.params().empty());
  EXPECT_EQ(subtree_condition(sql, "p.region_code", "420100"),
            "(p.region_code >= $1 AND p.region_code < $2)");
}

TEST(DataScope, SubtreeScopesAreRecognisedExactly) {
  Principal p = county_clerk();  // 公安县, own_region_down
  EXPECT_TRUE(sees_subtree(p, "421022"));
  EXPECT_TRUE(sees_subtree(p, "421022100"));
  EXPECT_FALSE(sees_subtree(p, "421000"));  // the city is more than the county
  EXPECT_TRUE(scope_is_subtree(p, "421022"));
  EXPECT_FALSE(scope_is_subtree(p, "421022100"));  // sees more than the township
  p.scopes = {{"own_region", {}}};                 // the county's own code only
  EXPECT_FALSE(sees_subtree(p, "421022"));
  p.scopes = {{"own_region_down", {}}, {"own_records", {}}};  // plus what it created elsewhere
  EXPECT_TRUE(sees_subtree(p, "421022"));
  EXPECT_FALSE(scope_is_subtree(p, "421022"));
  p.scopes = {{"own_region_down", {}}, {"regions", {"421081"}}};
  EXPECT_FALSE(scope_is_subtree(p, "421022"));
  EXPECT_FALSE(scope_is_subtree(p, "421000"));  // does not see the whole city
  p.scopes = {{"all", {}}};
  EXPECT_TRUE(scope_is_subtree(p, "420000"));
  EXPECT_FALSE(scope_is_subtree(p, "421022"));
  EXPECT_TRUE(sees_subtree(p, "421022"));
}
