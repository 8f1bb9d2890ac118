#include "core/offer_match.h"

#include <gtest/gtest.h>

namespace guiyan::core {
namespace {

const OfferFacts kOffer{"36", 8000, "421022"};  // 汽车零部件 in 公安县, 8000 万元
// Lists the facts below point into (MerchantFacts holds views).
const std::vector<std::string> k36{"36"}, k39{"39"}, k65{"65"}, kC{"C"}, kJingzhou{"421000"};

TEST(OfferMatch, IndustryAmountRegionAndContactsAddUpWithReasons) {
  MerchantFacts m;
  m.intention_industries = k36;
  m.min_wan = 5000;
  m.max_wan = 20000;
  m.intention_regions = kJingzhou;
  m.hometown_code = "421022100001";
  m.strength = "strong";
  m.contacts = 2;
  auto r = match_offer(kOffer, m);
  EXPECT_EQ(r.score, 40 + 20 + 15 + 25 + 10 + 5);
  ASSERT_GE(r.reasons.size(), 5u);
  EXPECT_EQ(r.reasons[0], "投资意向行业与项目相同（36）");
  EXPECT_NE(r.reasons[3].find("覆盖项目的 8000 万元"), std::string::npos);
}

TEST(OfferMatch, ScoringWithoutReasonsGivesTheSameScore) {
  MerchantFacts m;
  m.intention_industries = kC;
  m.min_wan = 1000;
  m.max_wan = 6000;
  m.hometown_code = "421000";
  m.strength = "possible";
  auto full = match_offer(kOffer, m);
  auto bare = match_offer(kOffer, m, false);
  EXPECT_EQ(bare.score, full.score);
  EXPECT_GT(bare.score, 0);
  EXPECT_FALSE(full.reasons.empty());
  EXPECT_TRUE(bare.reasons.empty());
}

TEST(OfferMatch, ASectionTieCountsLessThanTheDivision) {
  MerchantFacts same_section;
  same_section.intention_industries = kC;
  MerchantFacts other_division;
  other_division.intention_industries = k39;  // also manufacturing
  MerchantFacts division;
  division.intention_industries = k36;
  EXPECT_EQ(match_offer(kOffer, same_section).score, 30);
  EXPECT_EQ(match_offer(kOffer, other_division).score, 30);
  EXPECT_GT(match_offer(kOffer, division).score, match_offer(kOffer, same_section).score);
}

TEST(OfferMatch, NoTieNoScoreAndNoIntentionCountsAgainst) {
  MerchantFacts stranger;
  stranger.intention_industries = k65;
  stranger.hometown_code = "420102001001";
  stranger.strength = "strong";
  stranger.min_wan = 1000;
  stranger.max_wan = 9000;
  EXPECT_EQ(match_offer(kOffer, stranger).score, 0);  // the amount alone is no tie
  EXPECT_TRUE(match_offer(kOffer, stranger).reasons.empty());
  MerchantFacts hometown;
  hometown.hometown_code = "421022101002";
  MerchantFacts unwilling = hometown;
  unwilling.strength = "none";
  EXPECT_EQ(match_offer(kOffer, hometown).score, 15);
  EXPECT_LT(match_offer(kOffer, unwilling).score, match_offer(kOffer, hometown).score);
  EXPECT_GE(match_offer(kOffer, unwilling).score, 1);
}

TEST(OfferMatch, AmountsNearTheRangeCountSome) {
  MerchantFacts m;
  m.intention_industries = k36;
  m.min_wan = 10000;
  m.max_wan = 30000;  // 8000 is below, but above half of 10000
  EXPECT_EQ(match_offer(kOffer, m).score, 40 + 10);
  m.min_wan = 20000;  // 8000 is below half of 20000
  EXPECT_EQ(match_offer(kOffer, m).score, 40);
}

}  // namespace
}  // namespace guiyan::core
