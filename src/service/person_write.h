// The one write path of the people registry, shared by the API and the sheet import: derived
// fields, status and funnel history, provenance, search tokens and the audit log, in the caller's
// transaction.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/vocabulary_registry.h"
#include "service/principal.h"
#include "store/db.h"
#include "store/person_repo.h"

namespace guiyan::service {

// Where values came from: a source key (big_data, survey, self_report, manual) and, for imports,
// the file and row.
struct Provenance {
  std::string source = "manual";
  std::string file;
  std::optional<int64_t> row;
};

// Normalised field values to write (service/person_fields), by field name.
using PersonValues = std::map<std::string, store::Value>;

// Creates a person from complete values (name, region_code, status and funnel_stage present;
// "id_number_raw" may carry a number that failed the check, kept unverified);
// returns the id. `by` is the signed-in account, if any.
int64_t create_person(store::Conn& c, const Actor& actor, std::optional<int64_t> by,
                      const PersonValues& values, const Provenance& prov);

// The values among `values` that differ from what `before` holds ("id_number_raw" compared with
// the unverified number it keeps): what change_person would write.
PersonValues person_changes(const store::PersonRow& before, const PersonValues& values);

// The value `person` holds for `field`: a field of person_fields, or the gender or birth date it
// keeps (person_identity_fields); null when none.
store::Value held_value(const store::PersonRow& person, const std::string& field);

// Applies changed values to an existing person; unchanged values are skipped. Returns true
// when anything changed.
bool change_person(store::Conn& c, const Actor& actor, std::optional<int64_t> by,
                   const store::PersonRow& before, const PersonValues& values,
                   const Provenance& prov);

// The source that last set each field of a person (field → source key).
std::map<std::string, std::string> field_sources(store::Conn& c, int64_t person_id);

// The search tokens of a person's values (src/text), ID number and phone suffixes included; skills
// and the labour brand count by their current labels.
std::string person_search_tokens(const store::PersonRow& p);
// The same with the labels of the skills and labour brands given (a rename re-indexes people
// with the new label before the registry holds it).
std::string person_search_tokens(const store::PersonRow& p, const core::TermList& skills,
                                 const core::TermList& brands);

// Gender ("male"/"female") and birth date of a valid ID number, or nullopt each.
std::pair<std::optional<std::string>, std::optional<std::string>> derive_from_id(
    const store::Value& id_number);

}  // namespace guiyan::service
