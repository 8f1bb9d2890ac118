// The hits of broad full-text searches, kept in memory: reading 100,000 or more rowids out of
// person_fts (SQLite), and matching a phrase such as 洪湖莲藕师 (four bigrams at consecutive
// positions), costs 10–25 ms at a million people; on PostgreSQL, whose GIN match reads every
// hit's row again, a common name's 1,800 hits (王芳) cost 3–6 ms. An answer kept here costs
// nothing.
//
// An answer is exact, never stale: before use it is brought up to date from person_change (the
// log migrations 011 and 027 keep of every person whose listed fields or search tokens change),
// re-matching only the people changed since. It is dropped when the log no longer reaches back
// to it or too many people changed; the least recently used answers go when the kept ids exceed
// a fixed budget. On SQLite and PostgreSQL alike, like the list index (service/person_facets).
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "service/facet_support.h"
#include "store/db.h"

namespace guiyan::service {

class PersonSearchHits {
 public:
  using Ids = std::vector<int64_t>;

  // A kept answer further behind the log than this many entries is worked out again.
  static constexpr int64_t kPatchAtMost = 20000;

  // Keeps answers of at least `keep_from` hits (0: the database's default), and at most `budget`
  // ids in all (default 8,000,000, 64 MB). By default an answer is kept when the database takes
  // more than about a millisecond to work it out again: from 2,000 hits on SQLite (FTS5 reads the
  // rowids from its index), from 200 on PostgreSQL (0.5–0.8 ms for 181 hits, 3–6 ms for 1,800
  // at a million people).
  void set_limits(size_t keep_from, size_t budget);

  // The ids of the people matching `match` (an FTS5 expression over person_fts on SQLite, a
  // tsquery over person.search_vector on PostgreSQL), highest first, as of a commit no older
  // than the call.
  std::shared_ptr<const Ids> find(store::Conn& c, const std::string& match);

  // How many answers are kept (for tests).
  size_t kept() const;

 private:
  struct Kept {
    std::shared_ptr<const Ids> ids;
    LogPosition at;     // the person_change entries it reflects
    uint64_t used = 0;  // for least-recently-used eviction
  };
  void keep(const std::string& match, std::shared_ptr<const Ids> ids, const LogPosition& at);

  mutable std::mutex mu_;
  std::unordered_map<std::string, Kept> kept_;
  size_t kept_ids_ = 0;
  size_t keep_from_ = 0, budget_ = 8'000'000;  // keep_from_ 0: the database's default
  uint64_t clock_ = 0;
};

}  // namespace guiyan::service
