#include "service/indicator_cache.h"

namespace guiyan::service {

std::optional<IndicatorTally> IndicatorCache::find(const std::string& key, const std::string& probe,
                                                   Clock::time_point now,
                                                   std::chrono::seconds max_age) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = entries_.find(key);
  if (it == entries_.end()) return std::nullopt;
  if (it->second.probe != probe || now - it->second.stored_at > kMaxAge) {
    entries_.erase(it);
    return std::nullopt;
  }
  if (now - it->second.stored_at > max_age) return std::nullopt;  // kept for younger askers
  return it->second.tally;
}

void IndicatorCache::saw(const std::string& probe, Clock::time_point now) {
  std::lock_guard<std::mutex> lock(mu_);
  if (first_seen_.size() > kMaxEntries) first_seen_.clear();
  first_seen_.emplace(probe, now);
}

void IndicatorCache::store(const std::string& key, const std::string& probe,
                           const IndicatorTally& tally, Clock::time_point computed_at) {
  std::lock_guard<std::mutex> lock(mu_);
  auto seen = first_seen_.find(probe);
  if (seen == first_seen_.end() || computed_at - seen->second < kSettle) return;
  if (entries_.size() >= kMaxEntries) entries_.clear();
  entries_[key] = {probe, tally, computed_at};
}

size_t IndicatorCache::size() {
  std::lock_guard<std::mutex> lock(mu_);
  return entries_.size();
}

}  // namespace guiyan::service
