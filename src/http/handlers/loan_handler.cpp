// /api/v1/loans, /api/v1/loan-products, /api/v1/financing and the public financing lookup.
#include "http/api_context.h"
#include "http/api_error.h"
#include "http/json_body.h"
#include "service/financing_service.h"
#include "service/loan_product_service.h"
#include "service/loan_service.h"

namespace guiyan::http {
namespace {

// An optional true/false query parameter; 400 when it is something else.
service::LoanInput read_loan(JsonBody& body) {
  service::LoanInput in;
  in.person_id = body.opt_int("person_id", "借款人");
  in.clear_venture = body.has("venture_id") && !body.opt_int("venture_id", "经营主体").has_value();
  in.venture_id = body.opt_int("venture_id", "经营主体");
  in.borrower_kind = body.opt_str("borrower_kind", "借款主体", 20);
  in.guarantor = body.opt_str("guarantor", "担保机构", 100, true);
  in.bank = body.opt_str("bank", "贷款银行", 100);
  in.amount_yuan = body.opt_int("amount_yuan", "贷款金额（元）");
  in.rate_bp = body.opt_int("rate_bp", "年利率（基点）");
  in.contract_on = body.opt_str("contract_on", "合同签订日期", 10);
  in.term_months = body.opt_int("term_months", "贷款期限（月）");
  in.region_code = body.opt_str("region_code", "经办地区", 12);
  in.status = body.opt_str("status", "贷款状态", 20);
  in.notes = body.opt_str("notes", "备注", 1000, true);
  body.finish();
  return in;
}

service::LoanProductInput read_product(JsonBody& body) {
  service::LoanProductInput in;
  in.bank = body.opt_str("bank", "银行", 100, true);
  in.name = body.opt_str("name", "产品名称", 100);
  in.target_group = body.opt_str("target_group", "支持对象", 200, true);
  in.clear_max_amount =
      body.has("max_amount_wan") && !body.opt_int("max_amount_wan", "最高额度").has_value();
  in.max_amount_wan = body.opt_int("max_amount_wan", "最高额度（万元）");
  in.rate_description = body.opt_str("rate_description", "利率说明", 200, true);
  in.term_description = body.opt_str("term_description", "期限说明", 200, true);
  in.guarantee = body.opt_str("guarantee", "担保方式", 200, true);
  in.region_code = body.opt_str("region_code", "适用地区", 12);
  in.active = body.opt_bool("active", "是否在售");
  in.source = body.opt_str("source", "来源", 200, true);
  body.finish();
  return in;
}

}  // namespace

void add_loan_routes(Router& r, ApiContext& ctx) {
  r.add("GET", "/api/v1/loans/vocabulary", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    service::require(p, "loan:read");
    auto out = service::loan_vocabulary();
    out["financing_statuses"] = service::financing_vocabulary()["statuses"];
    out["decision_days"] = service::kFinancingDecisionDays;
    return json_response(200, out);
  });
  r.add("GET", "/api/v1/loans", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    service::LoanFilter f;
    std::tie(f.limit, f.offset) = page_params(req);
    f.q = req.query_param("q");
    f.region = req.query_param("region");
    f.status = req.query_param("status");
    f.borrower_kind = req.query_param("borrower_kind");
    f.bank = req.query_param("bank");
    f.contract_from = req.query_param("contract_from");
    f.contract_to = req.query_param("contract_to");
    f.person_id = int_param(req, "person_id");
    f.needs_review = bool_param(req, "needs_review");
    return json_response(200, service::list_loans(ctx.db, p, f));
  });
  r.add("POST", "/api/v1/loans", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    JsonBody body(req.body);
    auto in = read_loan(body);
    return json_response(201, service::create_loan(ctx.db, p, in));
  });
  r.add("GET", "/api/v1/loans/{id}", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    return json_response(200, service::get_loan(ctx.db, p, path_id(req)));
  });
  r.add("PATCH", "/api/v1/loans/{id}", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    int64_t id = path_id(req);
    JsonBody body(req.body);
    auto in = read_loan(body);
    return json_response(200, service::update_loan(ctx.db, p, id, in));
  });
  r.add("POST", "/api/v1/loans/{id}/subsidies", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    int64_t id = path_id(req);
    JsonBody body(req.body);
    service::SubsidyInput in;
    in.month = body.opt_int("month", "贴息月份");
    in.amount_fen = body.opt_int("amount_fen", "拨付金额（分）");
    in.paid_on = body.opt_str("paid_on", "拨付日期", 10);
    in.reference = body.opt_str("reference", "拨付凭证号", 100);
    body.finish();
    return json_response(201, service::add_loan_subsidy(ctx.db, p, id, in));
  });

  r.add("GET", "/api/v1/loan-products", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    service::LoanProductFilter f;
    std::tie(f.limit, f.offset) = page_params(req);
    f.q = req.query_param("q");
    f.region = req.query_param("region");
    f.active = bool_param(req, "active");
    return json_response(200, service::list_loan_products(ctx.db, p, f));
  });
  r.add("POST", "/api/v1/loan-products", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    JsonBody body(req.body);
    auto in = read_product(body);
    return json_response(201, service::create_loan_product(ctx.db, p, in));
  });
  r.add("PATCH", "/api/v1/loan-products/{id}", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    int64_t id = path_id(req);
    JsonBody body(req.body);
    auto in = read_product(body);
    return json_response(200, service::update_loan_product(ctx.db, p, id, in));
  });

  r.add("GET", "/api/v1/financing", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    service::FinancingFilter f;
    std::tie(f.limit, f.offset) = page_params(req);
    f.q = req.query_param("q");
    f.region = req.query_param("region");
    f.status = req.query_param("status");
    f.overdue = bool_param(req, "overdue");
    return json_response(200, service::list_financing(ctx.db, p, f));
  });
  r.add("POST", "/api/v1/financing", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    JsonBody body(req.body);
    service::FinancingInput in;
    in.applicant_name = body.opt_str("applicant_name", "申请人", 40);
    in.phone = body.opt_str("phone", "联系电话", 30);
    in.person_id = body.opt_int("person_id", "人员");
    in.amount_yuan = body.opt_int("amount_yuan", "融资金额（元）");
    in.purpose = body.opt_str("purpose", "资金用途", 500);
    in.product_id = body.opt_int("product_id", "贷款产品");
    in.region_code = body.opt_str("region_code", "所在地区", 12);
    in.submitted_on = body.opt_str("submitted_on", "提交日期", 10);
    body.finish();
    return json_response(201, service::create_financing(ctx.db, p, in));
  });
  r.add("GET", "/api/v1/financing/{id}", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    bool unmask = req.query_param("unmask") == "true";
    refuse_unread_params(req);  // before an unmasked view is audited
    return json_response(200, service::get_financing(ctx.db, p, path_id(req), unmask));
  });
  r.add("POST", "/api/v1/financing/{id}/moves", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    int64_t id = path_id(req);
    JsonBody body(req.body);
    std::string status = body.str("status", "状态", 20);
    auto on = body.opt_str("on", "日期", 10);
    auto note = body.opt_str("note", "说明", 500);
    body.finish();
    return json_response(200, service::move_financing(ctx.db, p, id, status, on, note));
  });
  // No account: the applicant's own lookup, by code and the phone's last four digits.
  r.add("GET", "/api/v1/public/financing/{code}", [&ctx](Request& req) {
    return json_response(200, service::public_financing(ctx.db, req.params["code"],
                                                        req.query_param("phone4"), req.remote_ip));
  });
}

}  // namespace guiyan::http
