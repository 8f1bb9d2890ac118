// What the policy rules know of a record on a date (rules/situation.h), read from the registry:
// a person from their record and status history. docs/rules.md says where each field comes from.
#pragma once

#include <optional>
#include <string>

#include "core/date.h"
#include "rules/situation.h"
#include "store/db.h"

namespace guiyan::service {

// A person's fields on `on`: status from the dated history (the status in force that day),
// returnee (that status is 返乡, 返乡就业 or 返乡创业), the date of the latest return, age from the
// birth date, household region; trainings stay unknown until classes are recorded. The awards are
// the policies granted to the person. nullopt when there is no such person.
std::optional<rules::Situation> person_situation(store::Conn& c, int64_t person_id, core::Date on);

}  // namespace guiyan::service
