// Believable demo people for the demo city: real village codes, valid ID numbers, names,
// skills, labour brands, intentions, statuses and some services.
#pragma once

#include <string>

#include "store/db.h"

namespace guiyan::service {

// Adds `count` people spread over the villages of `city`'s counties, with a fixed random seed
// (the same data every time). Returns the number created.
int create_demo_people(store::Db& db, const std::string& city, int count);

}  // namespace guiyan::service
