// The next step a person's latest service record left (下次跟进): what the ledger lists, filters
// by and the person file's case team shows, worked out in one place.
#pragma once

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "store/db.h"

namespace guiyan::service {

// An SQL condition true while person_service `s` is its person's latest record: no record of
// the same person on a later day, or on the same day entered later.
extern const char* const kLatestService;

// For each of `ids` whose latest service record has a due date: {"text","due","overdue"} (due
// before today, China time). People without one are absent. A person's records include those
// of everyone merged into them (directly or through an earlier merge): a follow-up recorded on
// a duplicate stays due once the duplicate is merged.
std::map<int64_t, nlohmann::json> next_steps_of(store::Conn& c, const std::vector<int64_t>& ids);

// An SQL select of the ids of the people whose latest service record (as next_steps_of takes
// it) has a next_due `op` `bound`: op "<" or "<=", bound a bound parameter ("$3").
std::string people_with_next_due(const std::string& op, const std::string& bound);

}  // namespace guiyan::service
