// The network of the merchant library: chambers of commerce 商会, liaison stations 楚商联络站 and
// outstations 驻外推介服务站 with their linked merchants, and investment ambassadors 招商大使.
#pragma once

#include <nlohmann/json.hpp>

#include "service/record_table.h"

namespace guiyan::service {

// The chamber table: name, kind, city, country, region_code, contact, established_on, notes.
const RecordTable& chamber_table();
// The station table (kind liaison or outstation), with its host chamber and linked merchants.
const RecordTable& station_table();
// The ambassador table: a merchant appointed by a region's government for a term. An active
// ambassador's record carries the ambassador tag.
const RecordTable& ambassador_table();

// Links a merchant in scope to a station in scope (merchant:write); linking twice is a no-op.
nlohmann::json link_station_merchant(store::Db& db, const Principal& p, int64_t station_id,
                                     int64_t merchant_id);
// Removes the link (merchant:write); 404 when there is none.
nlohmann::json unlink_station_merchant(store::Db& db, const Principal& p, int64_t station_id,
                                       int64_t merchant_id);

}  // namespace guiyan::service
