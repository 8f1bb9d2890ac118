// The rule of moving an investment project along the pipeline: forward only (or to dropped,
// with a reason, from any stage), every stage dated — a skipped stage needs its date or an
// explicit "not known" — and the known dates in order, none after today.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace guiyan::core {

// A stage reached and when (nullopt: recorded as not known).
struct StageEntry {
  std::string stage;
  std::optional<std::string> on;
  bool operator==(const StageEntry&) const = default;
};

// The stages to record for a move, in order, or the reason it is refused.
struct MovePlan {
  std::vector<StageEntry> entries;
  std::string field;  // the request field at fault: stage, on, dates or reason
  std::string error;  // Chinese; empty when the move is allowed
  bool ok() const { return error.empty(); }
};

// Plans the move of a project at `current` (reached on `current_on`, nullopt when not known) to
// `target` on `on`. `skipped` gives, for each stage strictly between the two, its date or
// nullopt for "not known"; `today` bounds every date (all dates YYYY-MM-DD); `reason` is
// required for dropped.
MovePlan plan_stage_move(const std::string& current, const std::optional<std::string>& current_on,
                         const std::string& target, const std::string& on,
                         const std::map<std::string, std::optional<std::string>>& skipped,
                         const std::string& today, const std::string& reason);

// Days a project spent in a stage entered on `entered` and left on `left` (the board's days per
// stage); nullopt when either date is not known.
std::optional<int64_t> days_in_stage(const std::optional<std::string>& entered,
                                     const std::optional<std::string>& left);

}  // namespace guiyan::core
