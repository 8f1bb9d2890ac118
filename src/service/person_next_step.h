// The next step a person's latest service record left (下次跟进): what the ledger lists, filters
// by and the person file's case team shows, worked out in one place.
#pragma once

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <vector>

#include "store/db.h"

namespace guiyan::service {

// An SQL condition true while person_service `s` is its person's latest record: no record of
// the same person on a later day, or on the same day entered later.
extern const char* const kLatestService;

// For each of `ids` whose latest service record has a due date: {"text","due","overdue"} (due
// before today, China time). People without one are absent.
std::map<int64_t, nlohmann::json> next_steps_of(store::Conn& c, const std::vector<int64_t>& ids);

}  // namespace guiyan::service
