// SQL for the people registry: person rows, their history, services, provenance and search index.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "store/db.h"

namespace guiyan::store {

struct PersonRow {
  int64_t id = 0;
  std::map<std::string, Value> fields;  // every editable field by name (service/person_fields)
  std::optional<std::string> gender, birth_date, id_number_raw;
  std::string source;
  std::optional<int64_t> case_worker_id, created_by;
  std::optional<int64_t> merged_into;  // the survivor this record was merged into
  std::string case_worker_name, region_name;
  std::string created_at, updated_at;
  // The text value of a field, or "" when NULL or absent.
  std::string text(const std::string& name) const;
};

// The SELECT list (alias p) that person_from_row reads.
std::string person_columns();
// Reads a row selected with person_columns().
PersonRow person_from_row(const Row& r);

// One person by id, or nullopt.
std::optional<PersonRow> find_person(Conn& c, int64_t id);
// The id of the person with this ID number, or nullopt.
std::optional<int64_t> person_id_by_id_number(Conn& c, const std::string& id_number);

// Adds id_number → person id to `out` for each of `numbers` a person holds (any order, repeats
// allowed), with a few hundred numbers per query.
void people_by_id_number(Conn& c, const std::vector<std::string>& numbers,
                         std::unordered_map<std::string, int64_t>& out);

// Inserts a person with the given field values, system columns and search tokens (indexed for
// full-text search too); returns the id.
int64_t insert_person(Conn& c, const std::map<std::string, Value>& fields,
                      const std::optional<std::string>& gender,
                      const std::optional<std::string>& birth_date, const std::string& source,
                      std::optional<int64_t> created_by, const std::string& now,
                      const std::string& search_tokens);
// Sets the given fields (and derived gender/birth date when given) on a person.
void update_person(Conn& c, int64_t id, const std::map<std::string, Value>& fields,
                   const std::optional<std::string>& gender,
                   const std::optional<std::string>& birth_date, const std::string& now);
// Stores the person's search tokens (the text column, and SQLite's FTS5 table).
void write_search_tokens(Conn& c, int64_t id, const std::string& tokens);
// The same for many persons at once (a page of an index rebuild): on SQLite one statement takes
// their old entries out of the full-text index and one puts the new ones in.
void write_search_tokens(Conn& c, const std::vector<std::pair<int64_t, std::string>>& rows);

// For a bulk import (on) or after it (off): SQLite's full-text index merges its segments less
// often while a million rows go in (FTS5 automerge 16 instead of the default 4: the 1M import
// 113–133 → 97–108 s, search latency unchanged); PostgreSQL's GIN index has no such setting. Runs
// outside any transaction; the setting is stored in the index, so it holds for every connection.
void set_bulk_search_index(Conn& c, bool on);

}  // namespace guiyan::store
