#include "store/merchant_repo.h"

#include "core/merchant_fields.h"

namespace guiyan::store {

std::string MerchantRow::text(const std::string& name) const {
  auto it = fields.find(name);
  if (it == fields.end()) return {};
  if (auto s = std::get_if<std::string>(&it->second)) return *s;
  if (auto i = std::get_if<int64_t>(&it->second)) return std::to_string(*i);
  return {};
}

std::string merchant_columns() {
  std::string cols = "m.id";
  for (const auto& f : core::merchant_fields()) cols += ", m." + f.name;
  cols +=
      ", m.case_worker_id, m.verified_on, m.verified_by, m.created_by, m.created_at, "
      "m.updated_at, COALESCE((SELECT w.display_name FROM app_user w WHERE w.id = "
      "m.case_worker_id), ''), COALESCE((SELECT r.name FROM region r WHERE r.code = "
      "m.hometown_code), ''), COALESCE((SELECT v.display_name FROM app_user v WHERE v.id = "
      "m.verified_by), '')";
  return cols;
}

MerchantRow merchant_from_row(const Row& r) {
  MerchantRow m;
  m.id = r.i64(0);
  size_t i = 1;
  for (const auto& f : core::merchant_fields()) m.fields[f.name] = r.at(i++);
  m.case_worker_id = r.opt_i64(i++);
  m.verified_on = r.opt_text(i++);
  m.verified_by = r.opt_i64(i++);
  m.created_by = r.opt_i64(i++);
  m.created_at = r.text(i++);
  m.updated_at = r.text(i++);
  m.case_worker_name = r.text(i++);
  m.hometown_name = r.text(i++);
  m.verified_by_name = r.text(i++);
  return m;
}

std::optional<MerchantRow> find_merchant(Conn& c, int64_t id) {
  auto r = query_one(c, "SELECT " + merchant_columns() + " FROM merchant m WHERE m.id = $1", {id});
  if (!r) return std::nullopt;
  return merchant_from_row(*r);
}

std::optional<int64_t> merchant_id_by_credit_code(Conn& c, const std::string& credit_code) {
  auto r = query_one(c, "SELECT id FROM merchant WHERE credit_code = $1", {credit_code});
  if (!r) return std::nullopt;
  return r->i64(0);
}

std::vector<int64_t> merchant_ids_by_name_phone(Conn& c, const std::string& name,
                                                const std::string& phone,
                                                const std::string& credit_code,
                                                std::optional<int64_t> except) {
  std::string sql = "SELECT id FROM merchant WHERE phone = $1 AND name = $2";
  Params params{phone, name};
  if (!credit_code.empty()) {
    params.push_back(credit_code);
    sql += " AND (credit_code IS NULL OR credit_code = $" + std::to_string(params.size()) + ")";
  }
  if (except) {
    params.push_back(*except);
    sql += " AND id <> $" + std::to_string(params.size());
  }
  std::vector<int64_t> ids;
  c.first_column_int64(sql + " ORDER BY id LIMIT 5", params, ids);
  return ids;
}

int64_t insert_merchant(Conn& c, const std::map<std::string, Value>& fields,
                        std::optional<int64_t> case_worker_id, const std::string& verified_on,
                        int64_t by, const std::string& now, const std::string& search_tokens) {
  std::string cols, vals;
  Params params;
  auto add = [&](const std::string& col, Value v) {
    params.push_back(std::move(v));
    cols += (cols.empty() ? "" : ", ") + col;
    vals += (vals.empty() ? "$" : ", $") + std::to_string(params.size());
  };
  for (const auto& [name, value] : fields) add(name, value);
  add("case_worker_id", nullable(case_worker_id));
  add("verified_on", verified_on);
  add("verified_by", by);
  add("created_by", by);
  add("created_at", now);
  add("updated_at", now);
  add("search_tokens", search_tokens);
  return query_int(c, "INSERT INTO merchant (" + cols + ") VALUES (" + vals + ") RETURNING id",
                   params);
}

void update_merchant(Conn& c, int64_t id, const std::map<std::string, Value>& fields,
                     const std::string& now, const std::string& search_tokens) {
  std::string sets;
  Params params;
  for (const auto& [name, value] : fields) {
    params.push_back(value);
    sets += name + " = $" + std::to_string(params.size()) + ", ";
  }
  params.push_back(now);
  sets += "updated_at = $" + std::to_string(params.size());
  params.push_back(search_tokens);
  sets += ", search_tokens = $" + std::to_string(params.size());
  params.push_back(id);
  exec(c, "UPDATE merchant SET " + sets + " WHERE id = $" + std::to_string(params.size()), params);
}

}  // namespace guiyan::store
