// An in-memory column store of the fields the merchant library's lists, classifications and
// freshness view filter and count by, one small entry per merchant id: province-wide counts over
// 260,000 merchants take a few ms here against ~250 ms through SQLite's GROUP BY.
//
// Kept in step through merchant_change (migration 012, SQLite triggers), like person_facets;
// SQLite only — on PostgreSQL the counts stay in SQL.
#pragma once

#include <cstdint>
#include <optional>
#include <shared_mutex>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "service/facet_support.h"
#include "store/db.h"

namespace guiyan::service {

// The filters the index answers, as stored keys ("" for any).
struct MerchantFilter {
  std::string section, division;  // GB/T 4754: a section letter, or a two-digit division
  std::string strength, size, operating_status, influence, category, tag;
  std::optional<int64_t> case_worker;  // 0: nobody assigned
  uint32_t stale_before = 0;           // YYYYMMDD: only records verified before it, or never
};

class MerchantFacets {
 public:
  struct Entry {
    uint32_t region = 0;    // index into region_code()
    uint32_t owner = 0;     // created_by
    uint32_t worker = 0;    // case_worker_id, 0 for none
    uint32_t verified = 0;  // verified_on as YYYYMMDD, 0 for never
    uint16_t industry = 0, section = 0, strength = 0, size = 0, status = 0, influence = 0;
    uint8_t categories = 0, tags = 0;  // bit i: the i-th term of the vocabulary
    bool live = false;
  };
  // What ranking merchants for an offered project also reads (service/project_offer), kept beside
  // Entry so that the lists' scans stay small.
  struct MatchEntry {
    uint32_t intents = 0;  // index into list(): the intention's industries, comma-separated
    uint32_t regions = 0;  // index into list(): the intention's regions, comma-separated
    std::optional<int64_t> min_wan, max_wan;
    uint32_t contacts = 0;  // contacts logged with the merchant
    // The hometown code again, inline: reading it through Entry::region for each of 260,000
    // merchants missed the cache every time (~60% of the ranking's time).
    char home[12] = {};
    uint8_t home_size = 0;
    std::string_view hometown() const { return {home, home_size}; }
  };

  // Reads every change committed since the last call (all merchants on the first) through `c`.
  void refresh(store::Conn& c);

  // Calls fn(id, entry) for each merchant matching `f`, from the highest id down, or for the
  // given ids only (descending); fn returns false to stop. Holds a read lock.
  template <class Fn>
  void scan(const MerchantFilter& f, const std::vector<int64_t>* ids, Fn&& fn) const;

  // Calls fn(id, entry, match) for every merchant, in no particular order. Holds a read lock.
  template <class Fn>
  void scan_matching(Fn&& fn) const;

  // The region code of a region index, and how many there are (for per-request memos).
  const std::string& region_code(uint32_t index) const { return regions_.names[index]; }
  size_t region_count() const { return regions_.names.size(); }
  // The stored key of an interned key index (industry codes, vocabulary keys), and how many.
  const std::string& key(uint16_t index) const { return keys_.names[index]; }
  size_t key_count() const { return keys_.names.size(); }
  // The items of a list index (MatchEntry), empty ones left out: split once, when first seen,
  // into one pool, so that ranking reads them from neighbouring memory without splitting.
  std::span<const std::string> list(uint32_t index) const {
    const auto& [at, n] = list_spans_[index];
    return {list_pool_.data() + at, n};
  }

 private:
  struct Compiled {
    bool none = false;
    uint16_t section = 0, industry = 0, strength = 0, size = 0, status = 0, influence = 0;
    uint8_t category = 0, tag = 0;
    bool has_worker = false;
    uint32_t worker = 0, stale_before = 0;
  };
  Compiled compile(const MerchantFilter& f) const;
  static bool matches(const Entry& e, const Compiled& c);
  void load_row(const store::Row& r);
  uint32_t list_of(const std::string& text);  // interns a list, splitting it the first time

  mutable std::shared_mutex mu_;
  LogPosition at_;                   // how far the change log has been read
  std::vector<Entry> entries_;       // by merchant id
  std::vector<MatchEntry> matches_;  // by merchant id
  Interned regions_, keys_, lists_;
  std::vector<std::string> list_pool_;                 // the items of every list, in turn
  std::vector<std::pair<size_t, size_t>> list_spans_;  // per list index: (first item, count)
};

template <class Fn>
void MerchantFacets::scan(const MerchantFilter& f, const std::vector<int64_t>* ids, Fn&& fn) const {
  std::shared_lock lock(mu_);
  Compiled c = compile(f);
  if (c.none) return;
  if (ids) {
    for (int64_t id : *ids) {
      if (id <= 0 || static_cast<size_t>(id) >= entries_.size()) continue;
      const Entry& e = entries_[static_cast<size_t>(id)];
      if (e.live && matches(e, c) && !fn(id, e)) return;
    }
    return;
  }
  for (size_t id = entries_.size(); id-- > 1;) {
    const Entry& e = entries_[id];
    if (e.live && matches(e, c) && !fn(static_cast<int64_t>(id), e)) return;
  }
}

template <class Fn>
void MerchantFacets::scan_matching(Fn&& fn) const {
  std::shared_lock lock(mu_);
  for (size_t id = 1; id < entries_.size(); ++id) {
    if (entries_[id].live) fn(static_cast<int64_t>(id), entries_[id], matches_[id]);
  }
}

inline bool MerchantFacets::matches(const Entry& e, const Compiled& c) {
  return (!c.section || e.section == c.section) && (!c.industry || e.industry == c.industry) &&
         (!c.strength || e.strength == c.strength) && (!c.size || e.size == c.size) &&
         (!c.status || e.status == c.status) && (!c.influence || e.influence == c.influence) &&
         (e.categories & c.category) == c.category && (e.tags & c.tag) == c.tag &&
         (!c.has_worker || e.worker == c.worker) &&
         (!c.stale_before || e.verified < c.stale_before);
}

// Loads the index of a SQLite database (nothing on PostgreSQL), for a server at start.
void warm_merchant_facets(store::Db& db);

}  // namespace guiyan::service
