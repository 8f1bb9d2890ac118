// The SQLite backend of the Db interface: one file, WAL, a pool of connections.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "store/db.h"

namespace guiyan::store {

// Opens (creating if needed) the SQLite database at path with up to pool_size connections.
std::unique_ptr<Db> open_sqlite(const std::string& path, int pool_size);

// Rewrites $N placeholders outside quotes into SQLite's ?N form.
std::string sqlite_placeholders(std::string_view sql);

}  // namespace guiyan::store
