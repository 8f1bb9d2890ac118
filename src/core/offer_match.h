// How well a merchant's investment intention fits a project offered in the 招商项目清单: a score
// and the reasons a clerk reads out (industry, amount range, region ties, past contacts).
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace guiyan::core {

struct OfferFacts {
  std::string industry;     // GB/T 4754 section or division
  int64_t amount_wan = 0;   // 0 when not stated
  std::string region_code;  // where the project is
};

// Views of what the caller holds (ranking a province's merchants copies no strings).
struct MerchantFacts {
  std::span<const std::string> intention_industries;  // sections or divisions
  std::string_view industry;                          // the merchant's own enterprise's
  std::optional<int64_t> min_wan, max_wan;
  std::span<const std::string> intention_regions;
  std::string_view hometown_code;
  std::string_view strength;  // strong | possible | none | unknown
  int64_t contacts = 0;       // contacts logged with the merchant
};

struct MatchResult {
  int score = 0;                     // higher fits better; 0 when nothing ties them
  std::vector<std::string> reasons;  // Chinese, most weighty first
};

// Scores a merchant against an offered project. A tie of industry or region is needed for any
// score; a merchant who said they have no intention scores lower, never higher. Without
// with_reasons the reasons stay empty and only the score is computed.
MatchResult match_offer(const OfferFacts& offer, const MerchantFacts& m, bool with_reasons = true);

}  // namespace guiyan::core
