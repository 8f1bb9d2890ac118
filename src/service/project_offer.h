// The investment project list 招商项目清单: projects offered to merchants, and for each the
// merchants whose intention fits, ranked with reasons (core/offer_match.h).
#pragma once

#include <nlohmann/json.hpp>

#include "service/facet_support.h"
#include "service/record_table.h"

namespace guiyan::service {

// The offer table: name, region_code, industry, amount_wan, land_mu, building_sqm,
// description, status (open, taken, withdrawn), published_on (project:read / project:write).
const RecordTable& offer_table();

// The merchants in the account's scope whose intention fits offer `id`, best first (at most
// `limit`), each with its score and reasons (project:read and merchant:read). On SQLite the
// ranking comes from the in-memory merchant index unless `plan` asks for SQL alone.
nlohmann::json offer_matches(store::Db& db, const Principal& p, int64_t id, int64_t limit,
                             ListPlan plan = ListPlan::best);

}  // namespace guiyan::service
