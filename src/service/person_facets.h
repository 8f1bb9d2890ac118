// An in-memory column store of the fields people lists filter and count by, one small entry per
// person id, so a list counts its hits by child region without reading the person table (a
// province-wide search for 电工 has ~90,000 hits in a million people: ~0.5 s through the table,
// a few ms here).
//
// Kept in step with the database through person_change (migrations 011, 030, 033): triggers log
// every person whose listed fields change, and each use reads the log since the last one (on
// PostgreSQL by transaction id, since sequence order is not commit order there: facet_support).
#pragma once

#include <cstdint>
#include <optional>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "service/facet_support.h"
#include "store/db.h"

namespace guiyan::service {

// The filters of a list that the facets can answer, as stored keys ("" for any).
struct FacetFilter {
  std::string status, funnel_stage, help, labour_brand, source;
  std::optional<int> birth_max;        // YYYYMMDD: born on or before
  std::optional<int> birth_min;        // YYYYMMDD: born strictly after
  std::optional<int64_t> case_worker;  // a user id; 0: nobody assigned
};

class PersonFacets {
 public:
  struct Entry {
    uint32_t region = 0;                                    // index into region_code()
    uint32_t owner = 0;                                     // created_by, 0 for none
    uint32_t birth = 0;                                     // YYYYMMDD, 0 for unknown
    uint32_t worker = 0;                                    // case_worker_id, 0 for none
    uint16_t brand = 0, status = 0, stage = 0, source = 0;  // interned keys, 0 for none
    uint8_t help = 0;                                       // bit i: core::help_kinds()[i] wanted
    bool live = false;                                      // a person, not merged into another
  };

  // Reads every change committed since the last call (all people on the first) through `c`.
  void refresh(store::Conn& c);

  // Calls fn(id, entry) for each live person matching `f`, from the highest id down, or
  // for the given ids only (which must be descending); fn returns false to stop. Holds a read
  // lock: fn must not call refresh.
  template <class Fn>
  void scan(const FacetFilter& f, const std::vector<int64_t>* ids, Fn&& fn) const;

  // The region code of a region index.
  const std::string& region_code(uint32_t index) const { return regions_.names[index]; }
  // The status, funnel stage, brand and source keys by interned index (Entry's uint16 fields);
  // indexes never change meaning, so a copy taken after a scan names what the scan saw.
  std::vector<std::string> key_names() const;
  // How many region indexes there are (for per-request memo tables).
  size_t region_count() const { return regions_.names.size(); }

 private:
  struct Compiled {
    bool none = false;  // a key no one holds: nothing matches
    uint16_t status = 0, stage = 0, brand = 0, source = 0;
    uint8_t help = 0;
    uint32_t birth_max = 0, birth_min = 0, worker = 0;
    bool has_birth_max = false, has_birth_min = false, has_worker = false;
  };
  Compiled compile(const FacetFilter& f) const;
  static bool matches(const Entry& e, const Compiled& c);
  void load_row(const store::Row& r);

  mutable std::shared_mutex mu_;
  LogPosition at_;              // how far the change log has been read
  std::vector<Entry> entries_;  // by person id
  Interned regions_, keys_;     // keys_: status, stage, brand and source keys together
};

template <class Fn>
void PersonFacets::scan(const FacetFilter& f, const std::vector<int64_t>* ids, Fn&& fn) const {
  std::shared_lock lock(mu_);
  Compiled c = compile(f);
  if (c.none) return;
  if (ids) {
    for (size_t i = 0; i < ids->size(); ++i) {
      // The ids are scattered over the table: ask for the entries a few steps ahead.
      if (i + 48 < ids->size() && static_cast<size_t>((*ids)[i + 48]) < entries_.size()) {
        __builtin_prefetch(&entries_[static_cast<size_t>((*ids)[i + 48])]);
      }
      int64_t id = (*ids)[i];
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

inline bool PersonFacets::matches(const Entry& e, const Compiled& c) {
  return (!c.status || e.status == c.status) && (!c.stage || e.stage == c.stage) &&
         (!c.brand || e.brand == c.brand) && (!c.source || e.source == c.source) &&
         (e.help & c.help) == c.help && (!c.has_birth_max || (e.birth && e.birth <= c.birth_max)) &&
         (!c.has_birth_min || (e.birth && e.birth > c.birth_min)) &&
         (!c.has_worker || e.worker == c.worker);
}

// Loads the facets of the database: a server calls it at start, in
// the background, so the first list does not wait for a million rows to load.
void warm_person_facets(store::Db& db);

}  // namespace guiyan::service
