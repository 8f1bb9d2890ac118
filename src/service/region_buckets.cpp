#include "service/region_buckets.h"

#include <algorithm>

#include "service/data_scope.h"

namespace guiyan::service {

std::shared_ptr<const RegionBucketCache::Table> RegionBucketCache::find(const std::string& shape) {
  std::lock_guard lock(mu_);
  auto it = kept_.find(shape);
  if (it == kept_.end()) return nullptr;
  it->second.used = ++clock_;
  return it->second.table;
}

void RegionBucketCache::keep(const std::string& shape, std::shared_ptr<const Table> table) {
  std::lock_guard lock(mu_);
  if (!kept_.count(shape) && kept_.size() >= kKeep) {
    auto oldest = std::min_element(kept_.begin(), kept_.end(), [](const auto& a, const auto& b) {
      return a.second.used < b.second.used;
    });
    kept_.erase(oldest);
  }
  kept_[shape] = Kept{std::move(table), ++clock_};
}

size_t RegionBucketCache::kept() const {
  std::lock_guard lock(mu_);
  return kept_.size();
}

RegionBuckets::RegionBuckets(RegionBucketCache& cache, const PersonFacets& facets,
                             const Principal& p, const ChildRegions& kids,
                             const std::string& region, std::string filter, bool unscoped)
    : cache_(cache),
      facets_(facets),
      p_(p),
      kids_(kids),
      filter_(std::move(filter)),
      key_length_(child_code_length(region)),
      unscoped_(unscoped),
      own_records_(std::any_of(p.scopes.begin(), p.scopes.end(),
                               [](const ScopeGrant& g) { return g.kind == "own_records"; })) {
  // Everything the table depends on. The children follow from the region; they are named all
  // the same, in case the region table gains one.
  shape_ = filter_ + "|" + std::to_string(key_length_) + "|";
  for (const auto& code : kids_.codes) shape_ += code + ",";
  if (unscoped_) {
    shape_ += "|*";
  } else {
    // in_scope reads the grants and the account's own region, nothing else of the account.
    shape_ += "|" + p_.region_code;
    for (const auto& g : p_.scopes) {
      shape_ += "|" + g.kind + ":";
      for (const auto& r : g.regions) shape_ += r + ",";
    }
  }
}

std::shared_ptr<const RegionBucketCache::Table> RegionBuckets::table() {
  size_t n = facets_.region_count();
  if (auto kept = cache_.find(shape_); kept && kept->bucket.size() >= n) return kept;
  // Made anew: the first list of this shape, or a region first met since (a new village).
  auto t = std::make_shared<RegionBucketCache::Table>();
  t->bucket.resize(n);
  t->scoped.resize(n, 1);
  // Villages share their child: the child of each code prefix is looked up once.
  std::unordered_map<std::string, int32_t> bucket_of_key;
  for (size_t i = 0; i < n; ++i) {
    const std::string& code = facets_.region_code(static_cast<uint32_t>(i));
    int32_t b = kOutside;
    if (code.compare(0, filter_.size(), filter_) == 0) {
      std::string key = code.substr(0, key_length_);
      auto it = bucket_of_key.find(key);
      if (it == bucket_of_key.end()) {
        int found = kids_.index_of(key);
        it = bucket_of_key.emplace(key, found < 0 ? kNoChild : found).first;
      }
      b = it->second;
    }
    t->bucket[i] = b;
    if (!unscoped_ && b != kOutside) t->scoped[i] = in_scope(p_, code) ? 1 : 0;
  }
  cache_.keep(shape_, t);
  return t;
}

}  // namespace guiyan::service
