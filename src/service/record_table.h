// Plain records kept in one table each, described by a field catalogue: list (filter, search,
// page), read, create and change, under the data scope of one region column, audited. The
// merchant library's chambers, stations and ambassadors are such tables (merchant_network.h).
#pragma once

#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/field.h"
#include "service/principal.h"
#include "store/db.h"

namespace guiyan::service {

// Field values of one record by field name.
using RecordValues = std::map<std::string, store::Value>;

struct RecordTable {
  std::string table;   // SQL table, with id, created_by, created_at, updated_at columns
  std::string entity;  // audit log entity
  std::string title;   // Chinese name for messages, e.g. "商会"
  std::vector<core::Field> fields;
  std::vector<std::string> required;         // fields a new record must have
  std::string region_field = "region_code";  // the data scope applies to it
  std::vector<std::string> search;   // SQL text expressions q searches (substring): fields, or
                                     // subqueries naming the table (a linked record's name)
  std::vector<std::string> filters;  // fields a list filters by exact value
  // Filters that are not fields: name → SQL condition with {} where the integer value goes.
  std::map<std::string, std::string> filter_sql;
  // Filters naming another record: name → a check that throws ApiError (404) when that record
  // does not exist or lies outside the account's scope. A list never answers for a record the
  // account cannot see (which stations a hidden merchant is linked to, say).
  std::map<std::string, std::function<void(store::Conn&, const Principal&, int64_t)>> filter_refs;
  std::string read_perm, write_perm, unmask_perm;
  // Checks across fields and against other tables (`before` null: a new record); throws ApiError.
  std::function<void(store::Conn&, const Principal&, const RecordValues& values,
                     const nlohmann::json* before)>
      check;
  // Adds what a record's JSON shows beyond its fields (names of linked records …), as the
  // account may see it.
  std::function<void(store::Conn&, const Principal&, nlohmann::json& item)> decorate;
  // Runs after a create or change, in its transaction, with the record as it now is.
  std::function<void(store::Conn&, const Principal&, const nlohmann::json& item)> after_write;
};

// {"items":[…],"total"} of records in scope, newest first; `filters` by field name (vocabulary
// words accepted for vocab fields), `region` a subtree, `q` a substring of the search fields.
nlohmann::json list_records(store::Db& db, const Principal& p, const RecordTable& t,
                            const std::map<std::string, std::string>& filters,
                            const std::string& region, const std::string& q, int64_t limit,
                            int64_t offset);

// One record in scope (404 otherwise), phones masked unless the account holds unmask_perm.
nlohmann::json get_record(store::Db& db, const Principal& p, const RecordTable& t, int64_t id);

// Creates a record from a JSON body of field values; 400 naming the field for a bad value.
nlohmann::json create_record(store::Db& db, const Principal& p, const RecordTable& t,
                             const nlohmann::json& body);

// Changes fields of a record in scope; unchanged values are not audited as changes.
nlohmann::json update_record(store::Db& db, const Principal& p, const RecordTable& t, int64_t id,
                             const nlohmann::json& body);

// The record in scope read inside the caller's connection (404 otherwise), unmasked.
nlohmann::json record_in_scope(store::Conn& c, const Principal& p, const RecordTable& t,
                               int64_t id);

}  // namespace guiyan::service
