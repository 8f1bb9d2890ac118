// Believable demo merchants and talents for the demo city: hometowns in its villages, valid
// credit codes, enterprises in the cities where Hubei merchants cluster, intentions, contacts,
// and verification dates spread so that the freshness view has regions above and below 90%.
#pragma once

#include <string>

#include "store/db.h"

namespace guiyan::service {

// Adds `count` merchants whose hometowns lie in `city`, assigned to the city's and its counties'
// clerk accounts (the demo accounts), with a fixed random seed. Returns the number created.
int create_demo_merchants(store::Db& db, const std::string& city, int count);

}  // namespace guiyan::service
