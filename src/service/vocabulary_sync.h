// Keeps this process's vocabulary registry (core/vocabulary_registry.h) as the database holds it.
// Several servers may share one database: each compares the database's revision number (one
// row) with the revision it installed, before every signed-in request and in every transaction
// that writes search tokens, and reloads the terms when the number changed.
#pragma once

#include "store/db.h"

namespace guiyan::service {

// Reads the revision and, when it differs from the installed one, loads and installs every
// editable vocabulary (one statement, so terms and revision agree). With `hold`, inside a write
// transaction, an edit of the vocabularies by anyone else waits until that transaction ends
// (PostgreSQL: FOR SHARE on the revision row; SQLite has one writer anyway), so the labels it
// indexes are still current when it commits.
void sync_vocabularies(store::Conn& c, bool hold = false);

// The same on a connection of its own, outside any transaction.
void sync_vocabularies(store::Db& db);

}  // namespace guiyan::service
