// The cycle within which a record must have been verified to count as fresh (动态更新率).
#pragma once

#include <optional>
#include <string>

namespace guiyan::core {

struct ReviewCycle {
  std::string kind;   // month | quarter | half | year
  std::string since;  // first day of the cycle containing `today`, YYYY-MM-DD
  std::string until;  // last day of that cycle, YYYY-MM-DD
  std::string label;  // Chinese, e.g. "2026年第4季度"
};

// The cycle of `kind` (month, quarter, half, year; "" means quarter) containing `today`
// (YYYY-MM-DD); nullopt for an unknown kind or a malformed date.
std::optional<ReviewCycle> review_cycle(const std::string& kind, const std::string& today);

}  // namespace guiyan::core
