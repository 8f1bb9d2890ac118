#include "service/loan_product_service.h"

#include <vector>

#include "core/clock.h"
#include "http/api_error.h"
#include "service/audit.h"
#include "service/data_scope.h"
#include "service/region_service.h"
#include "service/region_tree.h"
#include "store/sql_builder.h"

namespace guiyan::service {
namespace {

using http::bad_request;

const char* kProductSelect =
    "SELECT lp.id, lp.bank, lp.name, lp.target_group, lp.max_amount_wan, lp.rate_description, "
    "lp.term_description, lp.guarantee, lp.region_code, COALESCE(r.name, ''), lp.active, "
    "lp.source, lp.created_at, lp.updated_at "
    "FROM loan_product lp LEFT JOIN region r ON r.code = lp.region_code ";

nlohmann::json product_text(const store::Row& r, size_t i) {
  return r.is_null(i) ? nlohmann::json() : nlohmann::json(r.text(i));
}

nlohmann::json product_json(const store::Row& r, const Principal& p) {
  return {{"id", r.i64(0)},
          {"bank", product_text(r, 1)},
          {"name", r.text(2)},
          {"target_group", product_text(r, 3)},
          {"max_amount_wan", r.is_null(4) ? nlohmann::json() : nlohmann::json(r.i64(4))},
          {"rate_description", product_text(r, 5)},
          {"term_description", product_text(r, 6)},
          {"guarantee", product_text(r, 7)},
          {"region_code", r.text(8)},
          {"region_name", r.text(9)},
          {"active", r.i64(10) != 0},
          {"source", product_text(r, 11)},
          {"editable", in_scope(p, r.text(8))},
          {"created_at", r.text(12)},
          {"updated_at", r.text(13)}};
}

// The region itself and every region above it ("421022" → 420000, 421000, 421022).
std::vector<std::string> product_ancestors(const std::string& code) {
  std::vector<std::string> out;
  if (code.size() >= 6) {
    out.push_back(code.substr(0, 2) + "0000");
    out.push_back(code.substr(0, 4) + "00");
    out.push_back(code.substr(0, 6));
  }
  if (code.size() >= 9) out.push_back(code.substr(0, 9));
  if (code.size() >= 12) out.push_back(code.substr(0, 12));
  if (out.empty()) out.push_back(code);
  return out;
}

std::string product_in_list(store::SqlBuilder& sql, const std::string& column,
                            const std::vector<std::string>& codes) {
  return column + " IN (" + sql.bind_list(codes) + ")";
}

// Visible: offered within the scope, or at or above the account's own region.
std::string product_visible(const Principal& p, store::SqlBuilder& sql) {
  return "(" + scope_condition(p, sql, "lp.region_code") + " OR " +
         product_in_list(sql, "lp.region_code", product_ancestors(p.region_code)) + ")";
}

bool product_visible_one(const Principal& p, const std::string& region) {
  if (in_scope(p, region)) return true;
  for (const auto& a : product_ancestors(p.region_code)) {
    if (a == region) return true;
  }
  return false;
}

store::Row product_row(store::Conn& c, const Principal& p, int64_t id) {
  auto r = store::query_one(c, std::string(kProductSelect) + "WHERE lp.id = $1", {id});
  if (!r || !product_visible_one(p, r->text(8))) throw http::not_found("贷款产品");
  return *r;
}

void validate_product(store::Conn& c, const Principal& p, const LoanProductInput& in) {
  if (in.max_amount_wan && *in.max_amount_wan <= 0) {
    throw bad_request("max_amount_wan", "最高额度（万元）应为正整数");
  }
  if (in.region_code) {
    if (!region_exists(c, *in.region_code)) {
      throw bad_request("region_code", "行政区划代码“" + *in.region_code + "”不存在");
    }
    if (!in_scope(p, *in.region_code)) {
      throw bad_request("region_code", "所选区划不在您的管理范围内", "out_of_scope");
    }
  }
}

store::Value product_opt(const std::optional<std::string>& v) {
  if (!v || v->empty()) return store::Null{};
  return *v;
}

}  // namespace

nlohmann::json list_loan_products(store::Db& db, const Principal& p, const LoanProductFilter& f) {
  require(p, "loan:read");
  auto conn = db.acquire();
  store::SqlBuilder sql;
  std::string where = product_visible(p, sql);
  if (!f.region.empty()) {
    // Products offered in the region or above it: no scope check, a province's product is
    // anyone's. The code is sliced by bytes below, so it must be one the table holds.
    if (!region_tree(db, *conn).holds(f.region)) throw bad_request("region", "区划代码不存在");
    where += " AND " + product_in_list(sql, "lp.region_code", product_ancestors(f.region));
  }
  if (f.active) where += " AND lp.active = " + sql.bind(int64_t{*f.active});
  if (!f.q.empty()) {
    std::string like = "%" + f.q + "%";
    where += " AND (lp.name LIKE " + sql.bind(like) + " OR lp.bank LIKE " + sql.bind(like) +
             " OR lp.target_group LIKE " + sql.bind(like) + ")";
  }
  int64_t total =
      store::query_int(*conn, "SELECT COUNT(*) FROM loan_product lp WHERE " + where, sql.params());
  std::string page = " ORDER BY lp.region_code, lp.name, lp.id LIMIT " + sql.bind(f.limit) +
                     " OFFSET " + sql.bind(f.offset);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& r :
       store::query(*conn, std::string(kProductSelect) + "WHERE " + where + page, sql.params())) {
    items.push_back(product_json(r, p));
  }
  return {{"items", items}, {"total", total}};
}

nlohmann::json create_loan_product(store::Db& db, const Principal& p, const LoanProductInput& in) {
  require(p, "loan:write");
  if (!in.name || in.name->empty()) throw bad_request("name", "请填写产品名称");
  auto conn = db.acquire();
  std::string region = in.region_code.value_or(p.region_code);
  LoanProductInput checked = in;
  checked.region_code = region;
  validate_product(*conn, p, checked);
  store::Tx tx(*conn);
  std::string now = core::now_iso();
  int64_t id = store::query_int(
      *conn,
      "INSERT INTO loan_product (bank, name, target_group, max_amount_wan, rate_description, "
      "term_description, guarantee, region_code, active, source, created_by, created_at, "
      "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12) RETURNING id",
      {product_opt(in.bank), *in.name, product_opt(in.target_group),
       store::nullable(in.max_amount_wan), product_opt(in.rate_description),
       product_opt(in.term_description), product_opt(in.guarantee), region,
       int64_t{in.active.value_or(true)}, product_opt(in.source), p.user_id, now});
  auto after = product_json(product_row(*conn, p, id), p);
  audit(*conn, Actor::of(p),
        {"create", "loan_product", std::to_string(id), region, nullptr, after});
  tx.commit();
  return after;
}

nlohmann::json update_loan_product(store::Db& db, const Principal& p, int64_t id,
                                   const LoanProductInput& in) {
  require(p, "loan:write");
  auto conn = db.acquire();
  validate_product(*conn, p, in);
  store::Tx tx(*conn);
  auto row = product_row(*conn, p, id);
  if (!in_scope(p, row.text(8))) {
    throw http::ApiError(403, "forbidden", "该产品由上级地区发布，您不能修改");
  }
  auto before = product_json(row, p);
  auto text = [&](const std::optional<std::string>& v, size_t col) -> store::Value {
    if (v) return product_opt(v);
    return row.is_null(col) ? store::Value{store::Null{}} : store::Value{row.text(col)};
  };
  store::Value max = in.clear_max_amount ? store::Value{store::Null{}}
                     : in.max_amount_wan ? store::Value{*in.max_amount_wan}
                     : row.is_null(4)    ? store::Value{store::Null{}}
                                         : store::Value{row.i64(4)};
  if (in.name && in.name->empty()) throw bad_request("name", "请填写产品名称");
  store::exec(*conn,
              "UPDATE loan_product SET bank = $2, name = $3, target_group = $4, "
              "max_amount_wan = $5, rate_description = $6, term_description = $7, "
              "guarantee = $8, region_code = $9, active = $10, source = $11, updated_at = $12 "
              "WHERE id = $1",
              {id, text(in.bank, 1), in.name.value_or(row.text(2)), text(in.target_group, 3), max,
               text(in.rate_description, 5), text(in.term_description, 6), text(in.guarantee, 7),
               in.region_code.value_or(row.text(8)), int64_t{in.active.value_or(row.i64(10) != 0)},
               text(in.source, 11), core::now_iso()});
  auto after = product_json(product_row(*conn, p, id), p);
  audit(*conn, Actor::of(p),
        {"update", "loan_product", std::to_string(id), after["region_code"].get<std::string>(),
         before, after});
  tx.commit();
  return after;
}

std::string visible_loan_product(store::Conn& c, const Principal& p, int64_t id,
                                 const std::string& field) {
  auto r = store::query_one(c, "SELECT name, region_code FROM loan_product WHERE id = $1", {id});
  if (!r || !product_visible_one(p, r->text(1))) {
    throw bad_request(field, "贷款产品不存在或不在您的数据范围内");
  }
  return r->text(0);
}

}  // namespace guiyan::service
