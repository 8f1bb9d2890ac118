// A snapshot indicator (a record set counted as things stood on one date: the out-of-province
// migrant workers on 31 December) kept for the whole province in memory and brought up to date
// with the people changed since, instead of reading a million people's histories per request.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "service/indicator_catalogue.h"
#include "service/indicator_tally.h"
#include "store/db.h"

namespace guiyan::service {

class IndicatorSnapshot {
 public:
  // The indicator (one with an as-of record set) for the scope, after taking in every person
  // changed since the last call: their updated_at moved, or a status entry was added for them.
  IndicatorTally tally(store::Conn& c, const Indicator& ind, const IndicatorScope& scope);

  // More changed people than this since the last call: count everyone again.
  static constexpr size_t kRebuildAbove = 20000;

 private:
  struct State {
    std::vector<int32_t> member;  // person id → index of the region counted under, or -1
    std::vector<std::string> regions;
    std::unordered_map<std::string, int32_t> region_index;
    std::vector<int64_t> counts;  // per region index
    std::string seen_updated_at;  // the newest person updated_at taken in
    int64_t seen_history_id = 0;  // the newest status entry taken in
    bool built = false;
  };
  void rebuild(store::Conn& c, const Indicator& ind, State& s, int year);
  void set_member(State& s, int64_t person, const std::string& region);
  std::mutex mu_;
  std::map<std::string, State> states_;  // by indicator code and year
};

}  // namespace guiyan::service
