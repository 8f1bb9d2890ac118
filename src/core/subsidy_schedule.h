// The interest-subsidy schedule 贴息计划 of a guaranteed start-up loan, as pure arithmetic: the
// loan is taken to be repaid at maturity (interest-only, no amortisation), so every month's
// interest is principal × rate / 12, the rate being the contract rate or the policy's cap on the
// contract date when that is lower; the treasury pays its share of it.
#pragma once

#include <cstdint>
#include <vector>

#include "core/date.h"

namespace guiyan::core {

struct SubsidyTerms {
  int64_t principal_yuan = 0;
  int rate_bp = 0;      // the contract's annual rate in basis points (4.50% = 450)
  int cap_bp = 0;       // the cap on the contract date (LPR + 150BP); ≤ 0: no cap known
  int share_bp = 0;     // the treasury's share of the interest in basis points (50% = 5000)
  Date contract_on;     // the first month starts on it
  int term_months = 0;  // 1 … 360
};

struct SubsidyMonth {
  int month = 0;             // 1 … term_months
  Date from, to;             // the month runs from `from` (inclusive) to `to` (the due date)
  int64_t interest_fen = 0;  // the month's interest at the subsidised rate, rounded to the fen
  int64_t subsidy_fen = 0;   // the treasury's share of the exact interest, rounded to the fen
};

// The month `n` months after `d`, the day kept or moved to the month's last day (01-31 + 1 →
// 02-28 or 02-29).
Date add_months(Date d, int n);

// The rate the subsidy is computed on: min(rate_bp, cap_bp), rate_bp when cap_bp ≤ 0.
int subsidised_rate_bp(const SubsidyTerms& t);

// Every month of the term. Each amount is rounded half up once, from the exact figure
// principal × rate / 12 (× share), so the months of a loan are all equal.
std::vector<SubsidyMonth> subsidy_schedule(const SubsidyTerms& t);

}  // namespace guiyan::core
