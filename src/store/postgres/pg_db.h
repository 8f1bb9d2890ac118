// The PostgreSQL backend of the Db interface (libpq): a pool of connections with prepared
// statements, reconnecting after the server restarts.
#pragma once

#include <memory>
#include <string>

#include "store/db.h"

namespace guiyan::store {

// Opens a pool of up to pool_size connections to the database a postgresql:// URL names.
// Connects once now, so a wrong URL fails at start with DbError(unavailable).
std::unique_ptr<Db> open_postgres(const std::string& url, int pool_size);

}  // namespace guiyan::store
