// Use cases of the people registry for the API: create, change, read (masked or audited
// unmasked), the person file, service records — all under the account's data scope.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "service/principal.h"
#include "store/db.h"
#include "store/person_repo.h"

namespace guiyan::service {

// The API form of a person; ID numbers and phones masked unless `unmasked`.
nlohmann::json person_json(const store::PersonRow& p, bool unmasked);
// person_json with `region_path`, the names from the city down, as the pages show the place
// (the region tree is read through `c` on first use).
nlohmann::json person_json_with_path(store::Db& db, store::Conn& c, const store::PersonRow& row,
                                     bool unmasked);

// Creates a person from a JSON body of field values (person:write). Requires name,
// region_code; status defaults to returned and funnel_stage to identified. 409 when the ID
// number is already registered (naming the existing person when it is in scope).
nlohmann::json create_person_api(store::Db& db, const Principal& p, const nlohmann::json& body);

// Changes fields of a person in scope (person:write); returns the person (masked).
nlohmann::json update_person_api(store::Db& db, const Principal& p, int64_t id,
                                 const nlohmann::json& body);

// One person in scope (person:read); unmasked only with person:unmask, and then audited.
nlohmann::json get_person_api(store::Db& db, const Principal& p, int64_t id, bool unmask);

// The person file 一人一档: record, status and funnel history, case team, services,
// provenance and the audit trail (person:read).
nlohmann::json person_file_api(store::Db& db, const Principal& p, int64_t id);

// Records a service of the case team (person:write): kind, served_on (not after today), result,
// next_step, next_due (not before served_on); case_worker_id / mentor_name may be set with it.
// Texts are read as every API string is (http::JsonBody); 400 names the field at fault.
nlohmann::json add_service_api(store::Db& db, const Principal& p, int64_t id,
                               const nlohmann::json& body);

// Throws 409 when the person was merged into another record (writes go to the survivor).
void require_not_merged(const store::PersonRow& row);

// Throws 404 unless the person exists and is in the principal's scope; returns it.
store::PersonRow person_in_scope(store::Conn& c, const Principal& p, int64_t id);

}  // namespace guiyan::service
