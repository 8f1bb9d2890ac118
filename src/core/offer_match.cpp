#include "core/offer_match.h"

#include <algorithm>

#include "core/industry.h"

namespace guiyan::core {
namespace {

// Whether `code` is `ancestor` or below it, by the prefix of Hubei region codes.
bool within(std::string_view code, std::string_view ancestor) {
  std::string_view prefix = ancestor;
  if (prefix.size() == 6) {
    if (prefix.substr(2) == "0000") {
      prefix = prefix.substr(0, 2);
    } else if (prefix.substr(4) == "00") {
      prefix = prefix.substr(0, 4);
    }
  }
  return !prefix.empty() && code.compare(0, prefix.size(), prefix) == 0;
}

}  // namespace

MatchResult match_offer(const OfferFacts& offer, const MerchantFacts& m, bool with_reasons) {
  MatchResult r;
  // The reasons are built only when asked for: ranking a province's merchants needs the score.
  auto say = [&](auto&& reason) {
    if (with_reasons) r.reasons.push_back(reason());
  };
  int tie = 0;
  char section = industry_section_letter(offer.industry);
  bool division = offer.industry.size() == 2;
  auto has = [&](const std::string& code) {
    return std::find(m.intention_industries.begin(), m.intention_industries.end(), code) !=
           m.intention_industries.end();
  };
  if (division && has(offer.industry)) {
    tie += 40;
    say([&] { return std::string("投资意向行业与项目相同（" + offer.industry + "）"); });
  } else if (section && std::any_of(m.intention_industries.begin(), m.intention_industries.end(),
                                    [&](const std::string& c) {
                                      return industry_section_letter(c) == section;
                                    })) {
    tie += 30;
    say([&] { return std::string("投资意向属同一门类（") + section + "）"; });
  } else if (division && m.industry == offer.industry) {
    tie += 20;
    say([&] { return std::string("本人企业属同一行业"); });
  } else if (section && industry_section_letter(m.industry) == section) {
    tie += 10;
    say([&] { return std::string("本人企业属同一门类"); });
  }
  bool region_tie = false;
  for (const auto& code : m.intention_regions) {
    if (within(offer.region_code, code) || within(code, offer.region_code)) {
      tie += 20;
      region_tie = true;
      say([&] { return std::string("意向投资地区包含项目所在地"); });
      break;
    }
  }
  if (offer.region_code.size() >= 6 &&
      m.hometown_code.compare(0, 6, offer.region_code, 0, 6) == 0) {
    tie += 15;
    say([&] { return std::string("籍贯与项目同县（市、区）"); });
  } else if (!region_tie && offer.region_code.size() >= 4 &&
             m.hometown_code.compare(0, 4, offer.region_code, 0, 4) == 0) {
    tie += 8;
    say([&] { return std::string("籍贯与项目同市"); });
  }
  if (tie == 0) return MatchResult{};
  int score = tie;
  if (offer.amount_wan > 0 && (m.min_wan || m.max_wan)) {
    int64_t lo = m.min_wan.value_or(0), hi = m.max_wan.value_or(m.min_wan.value_or(0));
    if (offer.amount_wan >= lo && offer.amount_wan <= hi) {
      score += 25;
      say([&] {
        return std::string("意向投资额 " + std::to_string(lo) + "–" + std::to_string(hi) +
                           " 万元，覆盖项目的 " + std::to_string(offer.amount_wan) + " 万元");
      });
    } else if (offer.amount_wan >= lo / 2 && offer.amount_wan <= hi + hi / 2) {
      score += 10;
      say([&] { return std::string("意向投资额与项目规模相近"); });
    }
  }
  if (m.strength == "strong") {
    score += 10;
    say([&] { return std::string("返乡投资意向强烈"); });
  } else if (m.strength == "possible") {
    score += 5;
  } else if (m.strength == "none") {
    score -= 20;
    say([&] { return std::string("曾表示暂无投资意向"); });
  }
  if (m.contacts > 0) {
    score += 5;
    say([&] { return std::string("已有联络记录 " + std::to_string(m.contacts) + " 次"); });
  }
  r.score = std::max(score, 1);
  return r;
}

}  // namespace guiyan::core
