// Which child region each region of the people list index counts in, and whether the account
// sees it. A province-wide list meets some 27,000 villages; sorting each out again on every
// request cost over a third of a broad search's time (洪湖莲藕师, 142,000 hits: 8.2 ms, 5.0 ms
// without, at a million people), so the answer for a shape of list — the region counted by child,
// the region filter, the account's region grants — is kept for the next list of the same shape.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "service/child_regions.h"
#include "service/person_facets.h"
#include "service/principal.h"

namespace guiyan::service {

// The kept answers, one per shape of list (a Db attachment).
class RegionBucketCache {
 public:
  // Per region index: the child position, RegionBuckets::kOutside or kNoChild; and whether
  // the account's region grants cover it. A region index names the same code for the life of
  // the PersonFacets (its reloads keep the interned regions), which is what makes this keepable.
  struct Table {
    std::vector<int32_t> bucket;
    std::vector<uint8_t> scoped;
  };
  // At most this many shapes are kept (~135 KB each at 27,000 regions); the least recently
  // used goes first.
  static constexpr size_t kKeep = 64;

  // The table kept for `shape`, or null.
  std::shared_ptr<const Table> find(const std::string& shape);
  // Keeps `table` for `shape`, replacing an older one.
  void keep(const std::string& shape, std::shared_ptr<const Table> table);
  // How many shapes are kept (for tests).
  size_t kept() const;

 private:
  struct Kept {
    std::shared_ptr<const Table> table;
    uint64_t used = 0;
  };
  mutable std::mutex mu_;
  std::unordered_map<std::string, Kept> kept_;
  uint64_t clock_ = 0;
};

class RegionBuckets {
 public:
  static constexpr int32_t kOutside = -1;  // outside the region asked for, or the scope
  static constexpr int32_t kNoChild = -2;  // inside, but in none of the children

  // `region`: the subtree counted by child; `filter`: only codes under it are inside ("" for
  // any); `unscoped`: the account sees everything the filter can reach (no scope check).
  RegionBuckets(RegionBucketCache& cache, const PersonFacets& facets, const Principal& p,
                const ChildRegions& kids, const std::string& region, std::string filter,
                bool unscoped);

  // kOutside, kNoChild or the child's position for `e`. Call inside PersonFacets::scan only
  // (its lock keeps the region indexes still while the table is made).
  int32_t of(const PersonFacets::Entry& e) {
    if (!table_ || e.region >= table_->bucket.size()) table_ = table();
    int32_t b = table_->bucket[e.region];
    if (b == kOutside) return kOutside;
    if (!table_->scoped[e.region] && !(own_records_ && e.owner == p_.user_id)) return kOutside;
    return b;
  }

 private:
  std::shared_ptr<const RegionBucketCache::Table> table();

  RegionBucketCache& cache_;
  const PersonFacets& facets_;
  const Principal& p_;
  const ChildRegions& kids_;
  std::string filter_, shape_;
  size_t key_length_;
  bool unscoped_, own_records_;
  std::shared_ptr<const RegionBucketCache::Table> table_;
};

}  // namespace guiyan::service
