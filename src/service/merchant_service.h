// Use cases of the merchant and talent library 楚商楚才库 for the API: create, change, verify,
// read (phones masked, or audited unmasked), the merchant file and the contact log — all under
// the account's data scope, which applies to the merchant's hometown region.
#pragma once

#include <nlohmann/json.hpp>

#include "service/principal.h"
#include "store/db.h"
#include "store/merchant_repo.h"

namespace guiyan::service {

// The API form of a merchant; the phone masked unless `unmasked`. `today` (YYYY-MM-DD) and
// `cycle_start` decide the `fresh` flag (verified within the current cycle).
nlohmann::json merchant_json(const store::MerchantRow& m, bool unmasked,
                             const std::string& cycle_start);

// Creates a merchant from a JSON body of field values (merchant:write). Requires
// hometown_code and a name or an enterprise_name; intention_strength defaults to unknown. 409
// when the credit code is already registered. The new record counts as verified today.
nlohmann::json create_merchant_api(store::Db& db, const Principal& p, const nlohmann::json& body);

// Changes fields of a merchant in scope (merchant:write); staff editing a record verify it.
nlohmann::json update_merchant_api(store::Db& db, const Principal& p, int64_t id,
                                   const nlohmann::json& body);

// Records that staff confirmed the record is current (merchant:write): body {verified_on?}
// (default today; not in the future).
nlohmann::json verify_merchant_api(store::Db& db, const Principal& p, int64_t id,
                                   const nlohmann::json& body);

// One merchant in scope (merchant:read); unmasked only with merchant:unmask, and then audited.
nlohmann::json get_merchant_api(store::Db& db, const Principal& p, int64_t id, bool unmask);

// The merchant file: record, intention history, contacts (newest first) and audit trail.
nlohmann::json merchant_file_api(store::Db& db, const Principal& p, int64_t id);

// Logs a contact (merchant:write): kind, festival (for kind festival), contacted_on, result,
// staff_id (default the account), staff_names, next_step, next_due, verified (the contact also
// confirms the record as of contacted_on).
nlohmann::json add_contact_api(store::Db& db, const Principal& p, int64_t id,
                               const nlohmann::json& body);

// The field catalogue and vocabularies of the library, for forms and filters.
nlohmann::json merchant_vocabulary_json();

// Throws 404 unless the merchant exists and is in the principal's scope; returns it.
store::MerchantRow merchant_in_scope(store::Conn& c, const Principal& p, int64_t id);

}  // namespace guiyan::service
