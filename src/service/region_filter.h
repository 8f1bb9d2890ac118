// The region filter of a list or a tally, checked before it narrows anything.
#pragma once

#include <string>

#include "service/principal.h"
#include "store/db.h"

namespace guiyan::service {

// Throws 400 naming `field` when the region table does not hold `region`, and 403 out_of_scope
// when no record under it can be in the account's scope (scope_reaches), so a page says why
// rather than answering an empty list or a tally of zeros. Call only for a filter the request
// named: an account's own region is no filter.
void check_region_filter(store::Db& db, store::Conn& c, const Principal& p,
                         const std::string& region, const std::string& field = "region");

}  // namespace guiyan::service
