// Figures computed from records, reused while nothing they count has changed: each record set's
// probes (indicator_records.h) are asked first, and a figure is reused only while they answer the
// same. One cache per database (store::Db::attachment), shared by the server's threads.
#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "service/indicator_tally.h"

namespace guiyan::service {

class IndicatorCache {
 public:
  using Clock = std::chrono::steady_clock;
  // A figure is kept at most this long, whatever the probes say (a write the probes cannot see,
  // such as a long transaction committing with an older timestamp, is then picked up).
  static constexpr std::chrono::seconds kMaxAge{600};
  // A probe answer must be this old before figures computed under it are kept: a write in the
  // same second as the newest change leaves MAX(updated_at) as it was.
  static constexpr std::chrono::seconds kSettle{2};
  static constexpr size_t kMaxEntries = 20000;

  // The figure stored under `key` when it was computed under the same `probe` answer, at most
  // `max_age` ago (a warmer asks for younger figures, so that it renews them before they expire).
  std::optional<IndicatorTally> find(const std::string& key, const std::string& probe,
                                     Clock::time_point now, std::chrono::seconds max_age = kMaxAge);
  // Keeps a figure computed under `probe` (started at `computed_at`) when that answer had
  // settled by then; notes when a probe answer was first seen.
  void store(const std::string& key, const std::string& probe, const IndicatorTally& tally,
             Clock::time_point computed_at);
  // Records that `probe` was answered at `now` (the first time starts its settling).
  void saw(const std::string& probe, Clock::time_point now);
  // How many figures are kept.
  size_t size();

 private:
  struct Entry {
    std::string probe;
    IndicatorTally tally;
    Clock::time_point stored_at;
  };
  std::mutex mu_;
  std::map<std::string, Entry> entries_;
  std::map<std::string, Clock::time_point> first_seen_;
};

}  // namespace guiyan::service
