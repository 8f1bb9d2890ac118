// The one write path of the merchant library, shared by the API and (later) the sheet import:
// intention history, search tokens and the audit log, in the caller's transaction.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "service/principal.h"
#include "store/db.h"
#include "store/merchant_repo.h"

namespace guiyan::service {

// Normalised field values (core/merchant_fields) by field name, plus the system columns
// case_worker_id, verified_on and verified_by where a write sets them.
using MerchantValues = std::map<std::string, store::Value>;

// Creates a merchant from complete values (hometown_code and intention_strength present, a
// name or an enterprise name); the record counts as verified today by `by`. Returns the id.
int64_t create_merchant(store::Conn& c, const Actor& actor, int64_t by,
                        const MerchantValues& values, const std::string& today);

// The values among `values` that differ from what `before` holds (fields, case_worker_id,
// verified_on; anything else is not written): what change_merchant would write, less
// verified_by, which goes with a changed verified_on.
MerchantValues merchant_changes(const store::MerchantRow& before, const MerchantValues& values);

// Applies changed values to a merchant; unchanged values are skipped. A changed intention is
// added to the intention history as of `today`. Returns true when anything changed.
bool change_merchant(store::Conn& c, const Actor& actor, int64_t by,
                     const store::MerchantRow& before, const MerchantValues& values,
                     const std::string& today);

// The search tokens of a merchant (src/text): names, enterprise, credit code, phone and its last
// four digits, city, country, chambers, position, the labels of categories and tags, notes.
std::string merchant_search_tokens(const store::MerchantRow& m);

// The match tokens of a merchant's intention, lower-cased in the index: "ii" + each intended
// industry (and the section of a division), "ir" + the region prefix of each intended region
// (421000 → ir4210). offer_matches asks the index for them.
std::vector<std::string> merchant_match_tokens(const store::MerchantRow& m);

}  // namespace guiyan::service
