// The intended investment of a merchant list's one column (意向投资金额), read as a range in 万元.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace guiyan::service {

struct AmountRange {
  std::optional<int64_t> min_wan;  // none: no lower bound written ("500万以内")
  std::optional<int64_t> max_wan;  // none: no upper bound written ("1亿以上")
};

// An intended investment as merchant lists write it, in 万元: one amount ("5000", "5000万", "1亿",
// "五千万"), a range ("1000-5000万", "一千万至一亿", "50-100万元": a unit written once, after the
// upper end, counts for both ends), or an open one ("1亿以上" → 10000 and none, "500万以内" →
// none and 500). A figure without a unit is in `unit`, its column's header_money_unit (意向投资金额
// （元）: "500000-1000000" → 50 and 100), else in 万元. nullopt when malformed or upside down;
// `today` is normalize_text's.
std::optional<AmountRange> intention_amount(const std::string& cell, const std::string& today,
                                            const std::string& unit = "");

}  // namespace guiyan::service
