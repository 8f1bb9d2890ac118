// What the policy rules know of a record on a date (rules/situation.h), read from the registry:
// a person from their record and status history. docs/rules.md says where each field comes from.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "rules/situation.h"
#include "store/db.h"

namespace guiyan::service {

// What a person's record says, for the situation of a day on or after its status began.
struct PersonFacts {
  std::string status;
  std::optional<std::string> status_since, birth_date;
  std::string region_code;
};

// Resets `s` to a person's fields on `on` from the record alone: the record's status when it began
// on or before `on` (unknown otherwise), returnee (that status is 返乡, 返乡就业 or 返乡创业), the
// return date (when that status began), age from the birth date, household region; trainings stay
// unknown until classes are recorded. No awards. Bulk evaluation uses this directly.
void fill_person_situation(rules::Situation& s, const PersonFacts& facts, core::Date on);

// A person's fields on `on` (fill_person_situation; for a day before the record's status began,
// the status then in force from the dated history) and the policies granted to them. nullopt when
// there is no such person.
std::optional<rules::Situation> person_situation(store::Conn& c, int64_t person_id, core::Date on);

// What a venture's record says on a day: its own columns, the latest employment count on or
// before the day, and its first founder's record.
struct VentureFacts {
  std::string type, status, region_code;
  std::optional<std::string> registered_on, industry;
  std::optional<bool> first_registration, in_park;
  std::optional<int64_t> employees;
  std::optional<PersonFacts> founder;
};

// Resets `s` to a venture's fields on `on`: venture.* from the record and the count, founder.*
// (returnee, status, age) from the founder's record as fill_person_situation reads a person.
void fill_venture_situation(rules::Situation& s, const VentureFacts& facts, core::Date on);

// Streams the subjects of `kind` ("person" or "venture") whose region lies in `region`, only those
// changed at or after `since` when given (the record, a venture's founder or a new count), each
// with its situation on `on` (no awards). `fn(id, region, situation)` gets a null situation for a
// record that no longer counts (a person merged into another).
void for_each_policy_subject(
    store::Conn& c, const std::string& kind, const std::string& region,
    const std::optional<std::string>& since, core::Date on,
    const std::function<void(int64_t, const std::string&, rules::Situation*)>& fn);

// The policies granted to a subject (approved or paid applications) with their decision dates.
std::vector<rules::Award> subject_awards(store::Conn& c, const std::string& kind, int64_t id);

// A subject's region, display name and situation on `on`; nullopt when there is no such record.
// `kind` is "person" or "venture".
struct PolicySubject {
  std::string kind;
  int64_t id = 0;
  std::string name;
  std::string region_code;
  rules::Situation situation;
};
std::optional<PolicySubject> load_policy_subject(store::Conn& c, const std::string& kind,
                                                 int64_t id, core::Date on);

}  // namespace guiyan::service
