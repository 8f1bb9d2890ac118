#include "service/indicator_snapshot.h"

#include "service/child_regions.h"
#include "service/data_scope.h"

namespace guiyan::service {
namespace {

// The condition selecting the indicator's records province-wide on its date.
std::string snapshot_condition(const Indicator& ind, int year, store::SqlBuilder& sql) {
  IndicatorScope all;
  all.region = "420000";
  all.year = year;
  return indicator_condition(ind, all, sql);
}

}  // namespace

void IndicatorSnapshot::set_member(State& s, int64_t person, const std::string& region) {
  if (person < 0 || person > INT32_MAX) return;
  auto p = static_cast<size_t>(person);
  if (s.member.size() <= p) s.member.resize(p + 1 + p / 4, -1);
  int32_t old = s.member[p];
  if (old >= 0) s.counts[static_cast<size_t>(old)]--;
  int32_t now = -1;
  if (!region.empty()) {
    auto it = s.region_index.find(region);
    if (it == s.region_index.end()) {
      it = s.region_index.emplace(region, static_cast<int32_t>(s.regions.size())).first;
      s.regions.push_back(region);
      s.counts.push_back(0);
    }
    now = it->second;
    s.counts[static_cast<size_t>(now)]++;
  }
  s.member[p] = now;
}

void IndicatorSnapshot::rebuild(store::Conn& c, const Indicator& ind, State& s, int year) {
  s = State{};
  // The watermarks first: a change committed while counting is taken in next time.
  s.seen_updated_at = store::query_one(c, "SELECT MAX(updated_at) FROM person")->text(0);
  s.seen_history_id = store::query_int(c, "SELECT MAX(id) FROM person_status_history");
  store::SqlBuilder sql;
  std::string where = snapshot_condition(ind, year, sql);
  const auto& rs = *ind.records;
  c.run("SELECT " + rs.distinct + ", " + rs.region + " FROM " + rs.from + " WHERE " + where,
        sql.params(), [&](const store::Row& r) { set_member(s, r.i64(0), r.text(1)); });
  s.built = true;
}

IndicatorTally IndicatorSnapshot::tally(store::Conn& c, const Indicator& ind,
                                        const IndicatorScope& scope) {
  std::lock_guard<std::mutex> lock(mu_);
  State& s = states_[ind.code + "|" + std::to_string(scope.year)];
  if (!s.built) {
    rebuild(c, ind, s, scope.year);
  } else {
    // Who changed since: updated_at on or after the newest taken in (the same second may hold
    // more changes), status entries after the newest taken in.
    std::vector<int64_t> changed;
    std::string newest = s.seen_updated_at;
    c.run("SELECT id, updated_at FROM person WHERE updated_at >= $1", {s.seen_updated_at},
          [&](const store::Row& r) {
            changed.push_back(r.i64(0));
            if (r.text(1) > newest) newest = r.text(1);
          });
    int64_t newest_history = s.seen_history_id;
    c.run("SELECT person_id, id FROM person_status_history WHERE id > $1", {s.seen_history_id},
          [&](const store::Row& r) {
            changed.push_back(r.i64(0));
            newest_history = std::max(newest_history, r.i64(1));
          });
    if (changed.size() > kRebuildAbove) {
      rebuild(c, ind, s, scope.year);
    } else if (!changed.empty()) {
      const auto& rs = *ind.records;
      for (int64_t id : changed) {
        store::SqlBuilder sql;
        std::string where = snapshot_condition(ind, scope.year, sql);
        std::string region;
        c.run("SELECT " + rs.region + " FROM " + rs.from + " WHERE " + where + " AND " +
                  rs.distinct + " = " + sql.bind(id),
              sql.params(), [&](const store::Row& r) { region = r.text(0); });
        set_member(s, id, region);
      }
      s.seen_updated_at = newest;
      s.seen_history_id = newest_history;
    }
  }
  // The scope's total and children from the per-region counts.
  IndicatorTally t;
  t.children.assign(scope.children.size(), 0.0);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& code : scope.children) items.push_back({{"code", code}});
  ChildRegions kids(items);
  for (size_t i = 0; i < s.regions.size(); ++i) {
    if (s.counts[i] == 0 || !region_within(s.regions[i], scope.region)) continue;
    t.total += static_cast<double>(s.counts[i]);
    int k = kids.index_of(s.regions[i]);
    if (k >= 0) t.children[static_cast<size_t>(k)] += static_cast<double>(s.counts[i]);
  }
  return t;
}

}  // namespace guiyan::service
