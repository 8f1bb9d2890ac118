// /api/v1/applications: policy applications and their review, decision and payment.
#include "http/api_context.h"
#include "http/api_error.h"
#include "http/json_body.h"
#include "service/application_service.h"

namespace guiyan::http {

void add_application_routes(Router& r, ApiContext& ctx) {
  r.add("GET", "/api/v1/applications", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    service::ApplicationFilter f;
    f.status = req.query_param("status");
    f.region = req.query_param("region");
    f.q = req.query_param("q");
    f.policy_id = int_param(req, "policy_id");
    f.person_id = int_param(req, "person_id");
    f.venture_id = int_param(req, "venture_id");
    f.overdue_only = bool_param(req, "overdue").value_or(false);
    std::tie(f.limit, f.offset) = page_params(req);
    return json_response(200, service::list_applications(ctx.db, p, f));
  });
  r.add("POST", "/api/v1/applications", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    JsonBody body(req.body);
    service::SubmitInput in;
    auto policy_id = body.opt_int("policy_id", "政策");
    auto person_id = body.opt_int("person_id", "申请人");
    auto venture_id = body.opt_int("venture_id", "申请主体");
    if (!policy_id) throw bad_request("policy_id", "请选择政策");
    if (!person_id == !venture_id) {
      throw bad_request("person_id", "请选择申请人（person_id）或申请主体（venture_id）之一");
    }
    in.policy_id = *policy_id;
    in.subject_kind = person_id ? "person" : "venture";
    in.subject_id = person_id ? *person_id : *venture_id;
    in.channel = body.opt_str("channel", "申请方式", 20).value_or("staff");
    in.submitted_on = body.opt_str("submitted_on", "申请日期", 10);
    in.amount_requested_fen = body.opt_int("amount_requested_fen", "申请金额");
    in.note = body.opt_str("note", "备注", 500, true);
    body.finish();
    return json_response(201, service::submit_application(ctx.db, p, in));
  });
  r.add("GET", "/api/v1/applications/{id}", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    return json_response(200, service::get_application(ctx.db, p, path_id(req)));
  });
  r.add("POST", "/api/v1/applications/{id}/review", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    int64_t id = path_id(req);
    JsonBody body(req.body);
    auto note = body.opt_str("note", "初审意见", 500, true);
    body.finish();
    return json_response(200, service::review_application(ctx.db, p, id, note));
  });
  r.add("POST", "/api/v1/applications/{id}/decision", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    int64_t id = path_id(req);
    JsonBody body(req.body);
    service::DecisionInput in;
    auto approve = body.opt_bool("approve", "审批结论");
    if (!approve) throw bad_request("approve", "请选择批准或驳回");
    in.approve = *approve;
    in.reason = body.opt_str("reason", "理由", 500, true);
    in.amount_approved_fen = body.opt_int("amount_approved_fen", "批准金额");
    in.decided_on = body.opt_str("decided_on", "审批日期", 10);
    body.finish();
    return json_response(200, service::decide_application(ctx.db, p, id, in));
  });
  r.add("POST", "/api/v1/applications/{id}/payment", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    int64_t id = path_id(req);
    JsonBody body(req.body);
    service::PaymentInput in;
    in.paid_on = body.str("paid_on", "发放日期", 10);
    in.paid_fen = body.opt_int("paid_fen", "发放金额");
    in.reference = body.str("reference", "发放凭证号", 100);
    body.finish();
    return json_response(200, service::pay_application(ctx.db, p, id, in));
  });
}

}  // namespace guiyan::http
