// Exporting the merchant and talent list 楚商楚才名录 of a filter as a file download.
#pragma once

#include <string>

#include "service/merchant_query.h"

namespace guiyan::service {

// Writes the merchants matching `q` (no paging) to a temporary .xlsx or .csv file and returns
// its path (merchant:export; unmasked phones need merchant:unmask). Audited with the filter and
// the row count; 400 for another format.
std::string export_merchants(store::Db& db, const Principal& p, const MerchantQuery& q,
                             const std::string& format, bool unmask);

}  // namespace guiyan::service
