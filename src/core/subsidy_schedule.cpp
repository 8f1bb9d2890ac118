#include "core/subsidy_schedule.h"

#include <algorithm>

namespace guiyan::core {

namespace {
// a / b rounded half up, for a ≥ 0 and b > 0.
int64_t subsidy_round_div(int64_t a, int64_t b) {
  return (a + b / 2) / b;
}
}  // namespace

Date add_months(Date d, int n) {
  int index = d.year * 12 + (d.month - 1) + n;
  Date out{index / 12, index % 12 + 1, 1};
  out.day = std::min(d.day, days_in_month(out.year, out.month));
  return out;
}

int subsidised_rate_bp(const SubsidyTerms& t) {
  return t.cap_bp > 0 ? std::min(t.rate_bp, t.cap_bp) : t.rate_bp;
}

std::vector<SubsidyMonth> subsidy_schedule(const SubsidyTerms& t) {
  std::vector<SubsidyMonth> out;
  if (t.principal_yuan <= 0 || t.term_months <= 0 || t.rate_bp < 0) return out;
  int64_t rate = subsidised_rate_bp(t);
  // Interest of one month in fen: yuan × 100 × bp / 10000 / 12 = yuan × bp / 1200.
  int64_t interest_num = t.principal_yuan * rate;
  int64_t interest = subsidy_round_div(interest_num, 1200);
  int64_t subsidy = subsidy_round_div(interest_num * std::max(t.share_bp, 0), 1200LL * 10000);
  out.reserve(static_cast<size_t>(t.term_months));
  for (int m = 1; m <= t.term_months; ++m) {
    out.push_back(
        {m, add_months(t.contract_on, m - 1), add_months(t.contract_on, m), interest, subsidy});
  }
  return out;
}

}  // namespace guiyan::core
