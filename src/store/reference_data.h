// Loads the shipped reference data (Hubei regions, GB/T 4754 industries) into the database.
#pragma once

#include "store/db.h"

namespace guiyan::store {

// Inserts every region and industry from the embedded CSV files; runs inside the caller's
// transaction. Throws when a file is missing or a row is malformed.
void load_reference_data(Conn& c);

}  // namespace guiyan::store
