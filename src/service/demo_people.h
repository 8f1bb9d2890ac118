// Believable demo people for the demo city: real village codes, valid ID numbers, names,
// skills, labour brands, intentions, statuses and some services.
#pragma once

#include <string>

#include "store/db.h"

namespace guiyan::service {

// Adds `count` people spread over the villages of `city`'s counties, with a fixed random seed
// (the same data every time). Returns the number created.
int create_demo_people(store::Db& db, const std::string& city, int count);

// Adds a venture 返乡创业主体 for each demo person of `city` who started a business (type, name,
// credit code, registration, industry, employment counts), with a fixed random seed. Returns the
// number created.
int create_demo_ventures(store::Db& db, const std::string& city);

}  // namespace guiyan::service
