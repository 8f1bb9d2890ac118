// Probable duplicates among registry people (疑似重复): detection over the whole registry or one
// name, and the review queue staff work through (merge in service/person_merge, or dismiss).
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "service/principal.h"
#include "store/db.h"

namespace guiyan::service {

struct DuplicateScan {
  size_t people = 0;   // people compared (those sharing a name with someone lacking a valid ID)
  size_t found = 0;    // probable pairs found
  size_t added = 0;    // of which new to the queue
  size_t removed = 0;  // open pairs that no longer match (a number corrected …)
  size_t open = 0;     // open pairs in the queue afterwards, of every name
  double seconds = 0;
};

// Matches every unmerged person who shares a name with someone without a valid ID number
// (core/duplicate_match) and brings the queue up to date: new pairs open, changed scores updated,
// open pairs that no longer match removed; dismissed and merged pairs stay as decided.
// With `written` (person ids), only pairs of which one of those people is part are compared and
// brought up to date: what writing them can change. Runs in its own transactions.
DuplicateScan scan_duplicates(store::Conn& c,
                              const std::optional<std::vector<int64_t>>& written = std::nullopt);

// The scan summary as JSON: {people, found, added, removed, open, seconds}.
nlohmann::json duplicate_scan_json(const DuplicateScan& s);

// The review queue (person:read): pairs whose two people are both in the account's scope, with
// `status` open (default; pairs with a merged person left out), merged or dismissed, highest
// score first: {"items":[{id, score, reasons:[{key,label}], status, people:[a, b] (masked),
// decided_by, decided_at, note, merge_id}], "total"}.
nlohmann::json list_duplicates_api(store::Db& db, const Principal& p, const std::string& status,
                                   int64_t limit, int64_t offset);

// Runs a scan of the whole registry for the account (person:merge); audited.
nlohmann::json scan_duplicates_api(store::Db& db, const Principal& p);

// Marks an open pair as not the same person (person:merge), with an optional note; audited.
// A dismissed pair is never proposed again.
nlohmann::json dismiss_duplicate_api(store::Db& db, const Principal& p, int64_t id,
                                     const nlohmann::json& body);

// One pair of the queue in scope, as listed (person:read); 404 otherwise.
nlohmann::json get_duplicate_api(store::Db& db, const Principal& p, int64_t id);
// The same on the caller's connection (inside its transaction).
nlohmann::json duplicate_in_scope(store::Conn& c, const Principal& p, int64_t id);

}  // namespace guiyan::service
