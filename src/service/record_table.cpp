#include "service/record_table.h"

#include "core/clock.h"
#include "core/text.h"
#include "http/api_error.h"
#include "service/audit.h"
#include "service/data_scope.h"
#include "service/masking.h"
#include "service/region_filter.h"
#include "service/region_service.h"
#include "store/sql_builder.h"

namespace guiyan::service {
namespace {

using http::bad_request;

const core::Field* field_of(const RecordTable& t, const std::string& name) {
  return core::find_field(t.fields, name);
}

std::string columns(const RecordTable& t) {
  std::string cols = "id";
  for (const auto& f : t.fields) cols += ", " + f.name;
  return cols + ", created_by, created_at, updated_at";
}

nlohmann::json row_json(const RecordTable& t, const store::Row& r) {
  nlohmann::json j{{"id", r.i64(0)}};
  size_t i = 1;
  for (const auto& f : t.fields) {
    const store::Value& v = r.at(i++);
    // Integers come back from some backends as text-free int64; dates and text as strings.
    j[f.name] = core::field_json(f, v);
    if (f.vocab && j[f.name].is_string()) {
      j[f.name + "_label"] = core::term_label(*f.vocab(), j[f.name].get<std::string>());
    }
  }
  j["created_by"] = r.opt_i64(i) ? nlohmann::json(*r.opt_i64(i)) : nlohmann::json();
  j["created_at"] = r.text(i + 1);
  j["updated_at"] = r.text(i + 2);
  return j;
}

void mask(const Principal& p, const RecordTable& t, nlohmann::json& j) {
  if (!t.unmask_perm.empty() && p.can(t.unmask_perm)) return;
  for (const auto& f : t.fields) {
    if (f.kind == core::FieldKind::phone && j[f.name].is_string()) {
      j[f.name] = mask_phone(j[f.name].get<std::string>());
    }
  }
}

// Validates a JSON body into values; unknown fields and bad values answer 400.
RecordValues read_values(store::Conn& c, const Principal& p, const RecordTable& t,
                         const nlohmann::json& body) {
  if (!body.is_object()) throw bad_request("", "请求内容应为 JSON 对象", "invalid_json");
  RecordValues values;
  std::string today = core::today_local();
  for (const auto& [key, raw] : body.items()) {
    const core::Field* f = field_of(t, key);
    if (!f) throw bad_request(key, "不认识的字段“" + key + "”", "unknown_field");
    auto v = core::normalize_json(*f, raw, today);
    if (!v.ok()) throw bad_request(key, v.error);
    if (std::holds_alternative<store::Null>(v.value) &&
        std::find(t.required.begin(), t.required.end(), key) != t.required.end()) {
      throw bad_request(key, f->label + "不能为空", "required");
    }
    values[key] = v.value;
  }
  if (auto it = values.find(t.region_field); it != values.end()) {
    const std::string& code = std::get<std::string>(it->second);
    if (!region_exists(c, code)) throw bad_request(t.region_field, "区划代码不存在");
    if (!in_scope(p, code)) {
      throw bad_request(t.region_field, "所选区划不在您的数据范围内", "out_of_scope");
    }
  }
  return values;
}

}  // namespace

nlohmann::json record_in_scope(store::Conn& c, const Principal& p, const RecordTable& t,
                               int64_t id) {
  auto r =
      store::query_one(c, "SELECT " + columns(t) + " FROM " + t.table + " WHERE id = $1", {id});
  if (!r) throw http::not_found(t.title);
  auto j = row_json(t, *r);
  if (!in_scope(p, j[t.region_field].get<std::string>(), r->opt_i64(t.fields.size() + 1))) {
    throw http::not_found(t.title);
  }
  return j;
}

nlohmann::json list_records(store::Db& db, const Principal& p, const RecordTable& t,
                            const std::map<std::string, std::string>& filters,
                            const std::string& region, const std::string& q, int64_t limit,
                            int64_t offset) {
  require(p, t.read_perm);
  auto conn = db.acquire();
  store::SqlBuilder sql;
  std::string where = scope_condition(p, sql, t.region_field, "created_by");
  if (!region.empty()) {
    check_region_filter(db, *conn, p, region);
    where += " AND " + subtree_condition(sql, t.region_field, region);
  }
  for (const auto& [name, value] : filters) {
    if (value.empty()) continue;
    // The id a filter on another record gives.
    auto id_of = [&name = name, &value = value] {
      try {
        return static_cast<int64_t>(std::stoll(value));
      } catch (const std::exception&) {
        throw bad_request(name, "筛选条件“" + name + "”应为编号");
      }
    };
    if (auto ref = t.filter_refs.find(name); ref != t.filter_refs.end()) {
      ref->second(*conn, p, id_of());
    }
    if (auto custom = t.filter_sql.find(name); custom != t.filter_sql.end()) {
      int64_t id = id_of();
      std::string cond = custom->second;
      cond.replace(cond.find("{}"), 2, sql.bind(id));
      where += " AND " + cond;
      continue;
    }
    const core::Field* f = field_of(t, name);
    std::string v = value;
    if (f && f->vocab) {
      auto key = core::find_term(*f->vocab(), value, true);
      if (!key) throw bad_request(name, "筛选条件“" + name + "”的取值不正确");
      v = *key;
    }
    if (f && f->kind == core::FieldKind::integer) {
      try {
        where += " AND " + name + " = " + sql.bind(int64_t{std::stoll(v)});
      } catch (const std::exception&) {
        throw bad_request(name, "筛选条件“" + name + "”应为编号");
      }
    } else {
      where += " AND " + name + " = " + sql.bind(v);
    }
  }
  if (!q.empty() && !t.search.empty()) {
    std::string like = sql.bind("%" + q + "%");
    std::string any;
    for (const auto& f : t.search) any += (any.empty() ? "" : " OR ") + f + " LIKE " + like;
    where += " AND (" + any + ")";
  }
  int64_t total =
      store::query_int(*conn, "SELECT COUNT(*) FROM " + t.table + " WHERE " + where, sql.params());
  nlohmann::json items = nlohmann::json::array();
  std::string page = " ORDER BY id DESC LIMIT " + sql.bind(limit) + " OFFSET " + sql.bind(offset);
  for (const auto& r :
       store::query(*conn, "SELECT " + columns(t) + " FROM " + t.table + " WHERE " + where + page,
                    sql.params())) {
    auto j = row_json(t, r);
    if (t.decorate) t.decorate(*conn, p, j);
    mask(p, t, j);
    items.push_back(std::move(j));
  }
  return {{"items", items}, {"total", total}};
}

nlohmann::json get_record(store::Db& db, const Principal& p, const RecordTable& t, int64_t id) {
  require(p, t.read_perm);
  auto conn = db.acquire();
  auto j = record_in_scope(*conn, p, t, id);
  if (t.decorate) t.decorate(*conn, p, j);
  mask(p, t, j);
  return j;
}

nlohmann::json create_record(store::Db& db, const Principal& p, const RecordTable& t,
                             const nlohmann::json& body) {
  require(p, t.write_perm);
  auto conn = db.acquire();
  RecordValues values = read_values(*conn, p, t, body);
  for (const auto& name : t.required) {
    if (!values.count(name)) {
      throw bad_request(name, "缺少必填字段“" + field_of(t, name)->label + "”", "required");
    }
  }
  store::Tx tx(*conn);
  if (t.check) t.check(*conn, p, values, nullptr);
  std::string cols, vals, now = core::now_iso();
  store::Params params;
  auto add = [&](const std::string& col, store::Value v) {
    params.push_back(std::move(v));
    cols += (cols.empty() ? "" : ", ") + col;
    vals += (vals.empty() ? "$" : ", $") + std::to_string(params.size());
  };
  for (const auto& [name, value] : values) add(name, value);
  add("created_by", p.user_id);
  add("created_at", now);
  add("updated_at", now);
  int64_t id = store::query_int(
      *conn, "INSERT INTO " + t.table + " (" + cols + ") VALUES (" + vals + ") RETURNING id",
      params);
  auto after = record_in_scope(*conn, p, t, id);
  audit(*conn, Actor::of(p),
        {"create", t.entity, std::to_string(id), after[t.region_field].get<std::string>(), nullptr,
         after});
  if (t.after_write) t.after_write(*conn, p, after);
  if (t.decorate) t.decorate(*conn, p, after);
  tx.commit();
  mask(p, t, after);
  return after;
}

nlohmann::json update_record(store::Db& db, const Principal& p, const RecordTable& t, int64_t id,
                             const nlohmann::json& body) {
  require(p, t.write_perm);
  auto conn = db.acquire();
  store::Tx tx(*conn);
  auto before = record_in_scope(*conn, p, t, id);
  RecordValues values = read_values(*conn, p, t, body);
  if (t.check) t.check(*conn, p, values, &before);
  std::string sets;
  store::Params params;
  for (const auto& [name, value] : values) {
    params.push_back(value);
    sets += name + " = $" + std::to_string(params.size()) + ", ";
  }
  params.push_back(core::now_iso());
  sets += "updated_at = $" + std::to_string(params.size());
  params.push_back(id);
  store::exec(
      *conn, "UPDATE " + t.table + " SET " + sets + " WHERE id = $" + std::to_string(params.size()),
      params);
  auto after = record_in_scope(*conn, p, t, id);
  nlohmann::json b = before, a = after;
  b.erase("updated_at");
  a.erase("updated_at");
  if (a != b) {
    audit(*conn, Actor::of(p),
          {"update", t.entity, std::to_string(id), after[t.region_field].get<std::string>(), before,
           after});
    if (t.after_write) t.after_write(*conn, p, after);
  }
  if (t.decorate) t.decorate(*conn, p, after);
  tx.commit();
  mask(p, t, after);
  return after;
}

}  // namespace guiyan::service
