#include "store/person_repo.h"

#include <algorithm>

#include "core/person_fields.h"
#include "store/deferred_insert.h"

namespace guiyan::store {

std::string PersonRow::text(const std::string& name) const {
  auto it = fields.find(name);
  if (it == fields.end()) return {};
  if (auto s = std::get_if<std::string>(&it->second)) return *s;
  if (auto i = std::get_if<int64_t>(&it->second)) return std::to_string(*i);
  return {};
}

std::string person_columns() {
  std::string cols = "p.id";
  for (const auto& f : core::person_fields()) cols += ", p." + f.name;
  cols +=
      ", p.gender, p.birth_date, p.id_number_raw, p.source, p.case_worker_id, p.created_by, "
      "p.created_at, p.updated_at, p.merged_into, COALESCE((SELECT w.display_name FROM app_user w "
      "WHERE w.id = "
      "p.case_worker_id), ''), COALESCE((SELECT r.name FROM region r WHERE r.code = "
      "p.region_code), '')";
  return cols;
}

PersonRow person_from_row(const Row& r) {
  PersonRow p;
  p.id = r.i64(0);
  size_t i = 1;
  for (const auto& f : core::person_fields()) p.fields[f.name] = r.at(i++);
  p.gender = r.opt_text(i++);
  p.birth_date = r.opt_text(i++);
  p.id_number_raw = r.opt_text(i++);
  p.source = r.text(i++);
  p.case_worker_id = r.opt_i64(i++);
  p.created_by = r.opt_i64(i++);
  p.created_at = r.text(i++);
  p.updated_at = r.text(i++);
  p.merged_into = r.opt_i64(i++);
  p.case_worker_name = r.text(i++);
  p.region_name = r.text(i++);
  return p;
}

std::optional<PersonRow> find_person(Conn& c, int64_t id) {
  auto r = query_one(c, "SELECT " + person_columns() + " FROM person p WHERE p.id = $1", {id});
  if (!r) return std::nullopt;
  return person_from_row(*r);
}

std::optional<int64_t> person_id_by_id_number(Conn& c, const std::string& id_number) {
  auto r = query_one(c, "SELECT id FROM person WHERE id_number = $1", {id_number});
  if (!r) return std::nullopt;
  return r->i64(0);
}

void people_by_id_number(Conn& c, const std::vector<std::string>& numbers,
                         std::unordered_map<std::string, int64_t>& out) {
  // Queries of 256, 128 … 1 numbers: a few distinct statements, each prepared once.
  for (size_t at = 0; at < numbers.size();) {
    size_t n = 256;
    while (n > numbers.size() - at) n /= 2;
    std::string marks;
    Params params;
    for (size_t i = 0; i < n; ++i) {
      params.push_back(numbers[at + i]);
      marks += (i ? ", $" : "$") + std::to_string(i + 1);
    }
    c.run("SELECT id_number, id FROM person WHERE id_number IN (" + marks + ")", params,
          [&](const Row& r) { out[r.text(0)] = r.i64(1); });
    at += n;
  }
}

namespace {

// Indexes the persons created in the transaction, one statement per run of consecutive ids.
// A person whose row was rolled back to a savepoint since is simply not found.
void write_pending_search_rows(Conn& c) {
  const auto& ids = c.pending_search_rows;
  for (size_t i = 0; i < ids.size();) {
    size_t j = i;
    while (j + 1 < ids.size() && ids[j + 1] == ids[j] + 1) ++j;
    exec(c,
         "INSERT INTO person_fts (rowid, search_tokens) SELECT id, search_tokens FROM person "
         "WHERE id BETWEEN $1 AND $2",
         {ids[i], ids[j]});
    i = j + 1;
  }
}

// The columns the store fills on every new person row beside the caller's fields, and their
// values (store_set_values, in the same order).
const std::vector<std::string>& store_set_columns() {
  static const std::vector<std::string> columns = {
      "gender", "birth_date", "source", "created_by", "created_at", "updated_at", "search_tokens"};
  return columns;
}

Params store_set_values(const std::optional<std::string>& gender,
                        const std::optional<std::string>& birth_date, const std::string& source,
                        std::optional<int64_t> created_by, const std::string& now,
                        const std::string& search_tokens) {
  return {nullable(gender), nullable(birth_date), source, nullable(created_by), now, now,
          search_tokens};
}

// The caller's columns of a person row kept by a bulk writer (deferred_insert.h), in one fixed
// order so that every kept row goes into the same multi-row statement.
const std::vector<std::string>& kept_field_columns() {
  static const std::vector<std::string> columns = [] {
    std::vector<std::string> v;
    for (const auto& f : core::person_fields()) v.push_back(f.name);
    v.push_back("id_number_raw");
    return v;
  }();
  return columns;
}

// Keeps the row to be written with the batch's others under a reserved id, and returns that id;
// nullopt (nothing kept) when `fields` holds a column the kept rows do not have.
std::optional<int64_t> keep_person(Conn& c, const std::map<std::string, Value>& fields,
                                   Params store_set) {
  const auto& field_columns = kept_field_columns();
  for (const auto& [name, value] : fields) {
    if (std::find(field_columns.begin(), field_columns.end(), name) == field_columns.end()) {
      return std::nullopt;
    }
  }
  static const std::vector<std::string> columns = [&] {
    std::vector<std::string> v{"id"};
    v.insert(v.end(), field_columns.begin(), field_columns.end());
    v.insert(v.end(), store_set_columns().begin(), store_set_columns().end());
    return v;
  }();
  int64_t id = reserve_id(c, "person");
  Params row{id};
  row.reserve(columns.size());
  for (const auto& name : field_columns) {
    auto f = fields.find(name);
    row.push_back(f == fields.end() ? Value{Null{}} : f->second);
  }
  for (auto& v : store_set) row.push_back(std::move(v));
  insert_row(c, "person", columns, std::move(row), true);
  return id;
}

}  // namespace

int64_t insert_person(Conn& c, const std::map<std::string, Value>& fields,
                      const std::optional<std::string>& gender,
                      const std::optional<std::string>& birth_date, const std::string& source,
                      std::optional<int64_t> created_by, const std::string& now,
                      const std::string& search_tokens) {
  // A bulk writer on PostgreSQL (SQLite never defers: a statement there is a function call, and
  // its full-text rows are written at commit from the person rows).
  Params store_set = store_set_values(gender, birth_date, source, created_by, now, search_tokens);
  if (c.defer_inserts && c.dialect().name != "sqlite") {
    if (auto id = keep_person(c, fields, store_set)) return *id;
  }
  std::string cols, vals;
  Params params;
  auto add = [&](const std::string& col, Value v) {
    params.push_back(std::move(v));
    cols += (cols.empty() ? "" : ", ") + col;
    vals += (vals.empty() ? "$" : ", $") + std::to_string(params.size());
  };
  for (const auto& [name, value] : fields) add(name, value);
  for (size_t i = 0; i < store_set.size(); ++i) add(store_set_columns()[i], store_set[i]);
  int64_t id =
      query_int(c, "INSERT INTO person (" + cols + ") VALUES (" + vals + ") RETURNING id", params);
  if (c.dialect().name == "sqlite") {
    if (c.in_transaction) {
      // Written at commit: an FTS5 insert per row would make SQLite flush the full-text buffer
      // at every later statement of the transaction.
      // An id at or below the last pending one was given again after a rollback to a savepoint:
      // the rows it replaced are gone.
      auto& pending = c.pending_search_rows;
      while (!pending.empty() && pending.back() >= id) pending.pop_back();
      pending.push_back(id);
      c.before_commit = write_pending_search_rows;
    } else {
      exec(c, "INSERT INTO person_fts (rowid, search_tokens) VALUES ($1, $2)", {id, search_tokens});
    }
  }
  return id;
}

void update_person(Conn& c, int64_t id, const std::map<std::string, Value>& fields,
                   const std::optional<std::string>& gender,
                   const std::optional<std::string>& birth_date, const std::string& now) {
  std::string sets;
  Params params{id};
  auto add = [&](const std::string& col, Value v) {
    params.push_back(std::move(v));
    sets += (sets.empty() ? "" : ", ") + col + " = $" + std::to_string(params.size());
  };
  for (const auto& [name, value] : fields) add(name, value);
  if (gender) add("gender", *gender);
  if (birth_date) add("birth_date", *birth_date);
  add("updated_at", now);
  exec(c, "UPDATE person SET " + sets + " WHERE id = $1", params);
}

void write_search_tokens(Conn& c, int64_t id, const std::string& tokens) {
  write_search_tokens(c, {{id, tokens}});
}

void write_search_tokens(Conn& c, const std::vector<std::pair<int64_t, std::string>>& rows) {
  // PostgreSQL derives search_vector from the column; SQLite's index reads its text from person
  // (external content), so it is told which tokens to remove while person still holds them.
  bool sqlite = c.dialect().name == "sqlite";
  // The ids as one JSON array parameter: the statements stay the same whatever the page size.
  // Persons created in this transaction are not in the index yet (the commit indexes them).
  const auto& pending = c.pending_search_rows;
  std::string ids = "[";
  for (const auto& [id, tokens] : rows) {
    if (std::binary_search(pending.begin(), pending.end(), id)) continue;
    ids += (ids.size() > 1 ? "," : "") + std::to_string(id);
  }
  ids += "]";
  const std::string page = "(SELECT value FROM json_each($1))";
  if (sqlite) {
    exec(c,
         "INSERT INTO person_fts (person_fts, rowid, search_tokens) SELECT 'delete', id, "
         "search_tokens FROM person WHERE id IN " +
             page,
         {ids});
  }
  for (const auto& [id, tokens] : rows) {
    exec(c, "UPDATE person SET search_tokens = $2 WHERE id = $1", {id, tokens});
  }
  if (sqlite) {
    exec(c,
         "INSERT INTO person_fts (rowid, search_tokens) SELECT id, search_tokens FROM person "
         "WHERE id IN " +
             page,
         {ids});
  }
}

void set_bulk_search_index(Conn& c, bool on) {
  if (c.dialect().name != "sqlite") return;
  exec(c, "INSERT INTO person_fts (person_fts, rank) VALUES ('automerge', $1)",
       {int64_t{on ? 16 : 4}});
}

}  // namespace guiyan::store
