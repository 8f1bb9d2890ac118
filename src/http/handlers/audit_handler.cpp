// GET /api/v1/audit: the audit log, for the auditor. There is deliberately no write route.
#include "http/api_context.h"
#include "http/api_error.h"
#include "service/audit_query.h"

namespace guiyan::http {

void add_audit_routes(Router& r, ApiContext& ctx) {
  r.add("GET", "/api/v1/audit", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    service::AuditQuery q;
    q.user = req.query_param("user");
    q.entity = req.query_param("entity");
    q.entity_id = req.query_param("entity_id");
    q.action = req.query_param("action");
    q.from = req.query_param("from");
    q.to = req.query_param("to");
    q.limit = int_param(req, "limit").value_or(50);
    if (q.limit < 1 || q.limit > 500) throw bad_request("limit", "每页条数应在1到500之间");
    q.before_id = int_param(req, "before_id");
    return json_response(200, service::list_audit(ctx.db, p, q));
  });
}

}  // namespace guiyan::http
