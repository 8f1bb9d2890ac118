#include "service/facet_support.h"

namespace guiyan::service {
namespace {

// Beyond this many logged changes a full reload is cheaper than reading them one by one.
constexpr int64_t kReloadAfter = 100000;

}  // namespace

uint32_t Interned::of(const std::string& s) {
  auto it = index.find(s);
  if (it != index.end()) return it->second;
  if (s.empty()) return 0;
  names.push_back(s);
  return index[s] = static_cast<uint32_t>(names.size() - 1);
}

std::optional<uint32_t> Interned::find(const std::string& s) const {
  if (s.empty()) return 0;
  auto it = index.find(s);
  if (it == index.end()) return std::nullopt;
  return it->second;
}

uint32_t date_number(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return 0;
  uint32_t n = 0;
  for (char ch : s) {
    if (ch == '-') continue;
    if (ch < '0' || ch > '9') return 0;
    n = n * 10 + static_cast<uint32_t>(ch - '0');
  }
  return n;
}

RefreshPlan plan_refresh(store::Conn& c, const std::string& log_table, bool loaded, int64_t seq) {
  // Two subqueries: MIN and MAX together in one SELECT make SQLite scan the whole log (~30 ms
  // at 200,000 entries) instead of reading each end of its key.
  auto ends =
      store::query_one(c, "SELECT COALESCE((SELECT MAX(seq) FROM " + log_table +
                              "), 0), COALESCE((SELECT MIN(seq) FROM " + log_table + "), 0)");
  int64_t last = ends->i64(0), first = ends->i64(1);
  RefreshPlan plan;
  plan.from = seq;
  plan.to = last;
  if (loaded && seq >= last) {
    plan.up_to_date = true;
    return plan;
  }
  // Entries after `seq` were pruned when the oldest left is beyond seq + 1.
  plan.reload = !loaded || last - seq > kReloadAfter || (first > seq + 1 && seq < last);
  return plan;
}

}  // namespace guiyan::service
