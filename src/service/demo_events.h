// Demo events 活动 for the demo city and its demo counties: festival gatherings, promotion
// meetings, job fairs and bank-firm matchmaking in the previous and the current year, with demo
// merchants and people invited, check-ins, and a few demo projects signed there.
#pragma once

#include <string>
#include <vector>

#include "store/db.h"

namespace guiyan::service {

// Adds the events of `regions` (the city first, then counties) with a fixed random seed: held
// up to today, planned after it. Returns the number of events created.
int create_demo_events(store::Db& db, const std::vector<std::string>& regions);

}  // namespace guiyan::service
