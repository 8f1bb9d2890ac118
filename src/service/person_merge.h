// Merging a probable duplicate pair into one person, and undoing it: the survivor takes the
// values it lacks, differing values are listed as conflicts, the other record is kept aside
// (merged_into) so an undo restores both exactly; everything audited.
#pragma once

#include <nlohmann/json.hpp>

#include "service/principal.h"
#include "store/db.h"

namespace guiyan::service {

// Merges the open pair `duplicate_id` (person:merge). Body {"keep": person id} names the
// survivor, one of the two. Returns {"merge_id", "survivor" (masked), "merged_id", "taken":
// [fields], "conflicts": n}. 409 when the pair is decided or a person is already merged.
nlohmann::json merge_duplicate_api(store::Db& db, const Principal& p, int64_t duplicate_id,
                                   const nlohmann::json& body);

// Undoes a merge (person:merge): the merged person comes back with its values, the survivor loses
// what it took unless it was changed since (those fields are returned as "kept"), and the pair
// is open again. Returns {"merge_id", "survivor", "restored" (masked people), "kept": [fields]}.
nlohmann::json undo_merge_api(store::Db& db, const Principal& p, int64_t merge_id);

// The merges into a person, newest first, for the person file: [{id, merged_id, merged_name,
// merged_at, merged_by, undone_at, taken}].
nlohmann::json merges_of(store::Conn& c, int64_t survivor_id);

}  // namespace guiyan::service
