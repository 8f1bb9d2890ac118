#include "service/person_search_hits.h"

#include <algorithm>
#include <functional>

#include "service/facet_support.h"

namespace guiyan::service {
namespace {

// The rowids of person_fts matching `match` among `among` (a JSON array of ids), or all of
// them when `among` is empty; highest first.
PersonSearchHits::Ids match_rowids(store::Conn& c, const std::string& match,
                                   const std::string& among = std::string()) {
  PersonSearchHits::Ids ids;
  if (among.empty()) {
    // Ascending is the index's own order (descending walks it backwards, ~40% slower).
    c.first_column_int64("SELECT rowid FROM person_fts WHERE person_fts MATCH $1", {match}, ids);
  } else {
    // One rowid lookup per listed id (FTS5 plans rowid = ? with the match).
    c.first_column_int64(
        "SELECT rowid FROM person_fts WHERE person_fts MATCH $1 AND rowid IN "
        "(SELECT value FROM json_each($2))",
        {match, among}, ids);
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
  int64_t seq = 0;
  size_t keep_from = 0;
  {
    std::lock_guard lock(mu_);
    keep_from = keep_from_;
    if (auto it = kept_.find(match); it != kept_.end()) {
      it->second.used = ++clock_;
      ids = it->second.ids;
      seq = it->second.seq;
    }
  }
  if (ids) {
    RefreshPlan plan = plan_refresh(c, "person_change", true, seq);
    if (plan.up_to_date) return ids;
    if (!plan.reload && plan.to - plan.from <= kPatchAtMost) {
      // The people changed since: out of the answer, then in again where they match now.
      Ids changed;
      c.first_column_int64(
          "SELECT DISTINCT person_id FROM person_change WHERE seq > $1 AND seq <= $2",
          {plan.from, plan.to}, changed);
      std::sort(changed.begin(), changed.end(), std::greater<>());
      std::string among = "[";
      for (int64_t id : changed) among += (among.size() > 1 ? "," : "") + std::to_string(id);
      among += "]";
      Ids now = match_rowids(c, match, among);
      Ids unchanged;
      unchanged.reserve(ids->size());
      std::set_difference(ids->begin(), ids->end(), changed.begin(), changed.end(),
                          std::back_inserter(unchanged), std::greater<>());
      auto patched = std::make_shared<Ids>();
      patched->reserve(unchanged.size() + now.size());
      std::merge(unchanged.begin(), unchanged.end(), now.begin(), now.end(),
                 std::back_inserter(*patched), std::greater<>());
      keep(match, patched, plan.to);
      return patched;
    }
  }
  // The log's end is read before the index: a change committed in between is matched again
  // at the next use, which is harmless.
  int64_t last = plan_refresh(c, "person_change", false, 0).to;
  auto fresh = std::make_shared<const Ids>(match_rowids(c, match));
  if (fresh->size() >= keep_from) {
    keep(match, fresh, last);
  } else if (ids) {
    keep(match, nullptr, 0);  // shrank below the threshold: forget it
  }
  return fresh;
}

void PersonSearchHits::set_limits(size_t keep_from, size_t budget) {
  std::lock_guard lock(mu_);
  keep_from_ = keep_from;
  budget_ = budget;
}

void PersonSearchHits::keep(const std::string& match, std::shared_ptr<const Ids> ids, int64_t seq) {
  std::lock_guard lock(mu_);
  auto it = kept_.find(match);
  if (it != kept_.end()) {
    // Another request may have brought it further meanwhile: keep the newer answer.
    if (ids && it->second.seq > seq) return;
    kept_ids_ -= it->second.ids->size();
    kept_.erase(it);
  }
  if (!ids || ids->size() > budget_) return;
  kept_ids_ += ids->size();
  kept_[match] = Kept{std::move(ids), seq, ++clock_};
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
