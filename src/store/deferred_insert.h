// Inserts that may wait: the history, provenance and audit rows of a bulk import are written a
// few hundred per statement at the end of the batch instead of one statement each (on PostgreSQL
// a round trip each: four of the six per imported person).
#pragma once

#include <string>
#include <vector>

#include "store/db.h"

namespace guiyan::store {

// Inserts one row into `table` now, or, while c.defer_inserts is on, keeps it to be written with
// the other kept rows of the same table and columns by flush_deferred_inserts. The row's id is
// not returned: only for rows nobody reads back before the flush.
// With `parent`, a table other kept rows refer to: its kept rows are written before every
// table's kept without it, whatever order the rows came in.
void insert_row(Conn& c, const std::string& table, const std::vector<std::string>& columns,
                Params values, bool parent = false);

// A fresh id from the sequence of `table`'s identity column "id" (PostgreSQL), for a row kept by
// insert_row that others refer to before it is written. Ids are fetched a few hundred per round
// trip and kept on the connection; ids fetched and never used leave gaps, as sequences do.
int64_t reserve_id(Conn& c, const std::string& table);

// Writes every kept row (multi-row INSERTs, in the order kept within each table) and forgets
// them; throws what the database throws. Tx::commit calls it; a reader of those tables inside
// the transaction must call it first.
void flush_deferred_inserts(Conn& c);

}  // namespace guiyan::store
