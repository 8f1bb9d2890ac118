#include "service/person_search_hits.h"

#include <algorithm>
#include <functional>

#include "service/facet_support.h"

namespace guiyan::service {
namespace {

// The people matching `match` (an FTS5 expression on SQLite, a tsquery on PostgreSQL) among
// `among`, or all of them when `among` is empty; highest id first.
PersonSearchHits::Ids match_ids(store::Conn& c, const std::string& match,
                                const std::vector<int64_t>* among = nullptr) {
  PersonSearchHits::Ids ids;
  bool sqlite = c.dialect().name == "sqlite";
  if (!among) {
    // Ascending is the FTS5 index's own order (descending walks it backwards, ~40% slower).
    c.first_column_int64(sqlite ? "SELECT rowid FROM person_fts WHERE person_fts MATCH $1"
                                : "SELECT id FROM person WHERE search_vector @@ "
                                  "to_tsquery('simple', $1)",
                         {match}, ids);
  } else {
    // One lookup per listed id: FTS5 plans rowid = ? with the match; PostgreSQL would rather
    // read the whole GIN match of a broad query, so the listed rows are read first.
    std::string list;
    for (int64_t id : *among) list += (list.empty() ? "" : ",") + std::to_string(id);
    if (sqlite) {
      c.first_column_int64(
          "SELECT rowid FROM person_fts WHERE person_fts MATCH $1 AND rowid IN "
          "(SELECT value FROM json_each($2))",
          {match, "[" + list + "]"}, ids);
    } else {
      c.first_column_int64(
          "WITH listed AS MATERIALIZED (SELECT id, search_vector FROM person "
          "WHERE id = ANY($2::bigint[])) SELECT id FROM listed WHERE "
          "search_vector @@ to_tsquery('simple', $1)",
          {match, "{" + list + "}"}, ids);
    }
  }
  if (std::is_sorted(ids.begin(), ids.end())) {
    std::reverse(ids.begin(), ids.end());
  } else {
    std::sort(ids.begin(), ids.end(), std::greater<>());
  }
  return ids;
}

}  // namespace

std::shared_ptr<const PersonSearchHits::Ids> PersonSearchHits::find(store::Conn& c,
                                                                    const std::string& match) {
  std::shared_ptr<const Ids> ids;
  LogPosition at;
  size_t keep_from = 0;
  {
    std::lock_guard lock(mu_);
    keep_from = keep_from_ ? keep_from_ : c.dialect().name == "sqlite" ? 2000 : 200;
    if (auto it = kept_.find(match); it != kept_.end()) {
      it->second.used = ++clock_;
      ids = it->second.ids;
      at = it->second.at;
    }
  }
  if (ids) {
    LogCatchUp changes = catch_up(c, "person_change", "person_id", at, kPatchAtMost);
    if (changes.up_to_date) return ids;
    if (!changes.reload) {
      // The people changed since: out of the answer, then in again where they match now.
      const Ids& changed = changes.ids;  // highest first
      Ids now = match_ids(c, match, &changed);
      auto held = [&](int64_t id) {
        return std::binary_search(ids->begin(), ids->end(), id, std::greater<>());
      };
      // Most edits leave a broad answer as it was (a phone changed, a note added): the same
      // ids are kept, without copying the whole answer (142,000 ids for 洪湖莲藕师 at 1M) per edit.
      size_t still = 0;
      for (int64_t id : changed) still += held(id) ? 1 : 0;
      if (still == now.size() && std::all_of(now.begin(), now.end(), held)) {
        keep(match, ids, changes.next);
        return ids;
      }
      auto patched = std::make_shared<Ids>();
      patched->reserve(ids->size() + now.size());
      auto gone = changed.begin();
      auto back = now.begin();
      for (int64_t id : *ids) {
        while (back != now.end() && *back > id) patched->push_back(*back++);
        while (gone != changed.end() && *gone > id) ++gone;
        if (gone == changed.end() || *gone != id) patched->push_back(id);
      }
      patched->insert(patched->end(), back, now.end());
      keep(match, patched, changes.next);
      return patched;
    }
  }
  // The log's position is read before the index: a change committed in between is matched
  // again at the next use, which is harmless.
  LogPosition now = catch_up(c, "person_change", "person_id", LogPosition{}).next;
  auto fresh = std::make_shared<const Ids>(match_ids(c, match));
  if (fresh->size() >= keep_from) {
    keep(match, fresh, now);
  } else if (ids) {
    keep(match, nullptr, LogPosition{});  // shrank below the threshold: forget it
  }
  return fresh;
}

void PersonSearchHits::set_limits(size_t keep_from, size_t budget) {
  std::lock_guard lock(mu_);
  keep_from_ = keep_from;
  budget_ = budget;
}

void PersonSearchHits::keep(const std::string& match, std::shared_ptr<const Ids> ids,
                            const LogPosition& at) {
  std::lock_guard lock(mu_);
  auto it = kept_.find(match);
  if (it != kept_.end()) {
    // Another request may have brought it further meanwhile: keep the newer answer.
    if (ids && it->second.at.order() > at.order()) return;
    kept_ids_ -= it->second.ids->size();
    kept_.erase(it);
  }
  if (!ids || ids->size() > budget_) return;
  kept_ids_ += ids->size();
  kept_[match] = Kept{std::move(ids), at, ++clock_};
  while (kept_ids_ > budget_) {
    auto oldest = std::min_element(kept_.begin(), kept_.end(), [](const auto& a, const auto& b) {
      return a.second.used < b.second.used;
    });
    kept_ids_ -= oldest->second.ids->size();
    kept_.erase(oldest);
  }
}

size_t PersonSearchHits::kept() const {
  std::lock_guard lock(mu_);
  return kept_.size();
}

}  // namespace guiyan::service
