// /api/v1/departments.
#include "http/api_context.h"
#include "http/json_body.h"
#include "service/department_service.h"

namespace guiyan::http {
namespace {

service::DepartmentInput read_department(JsonBody& body) {
  service::DepartmentInput in;
  in.name = body.opt_str("name", "部门名称", 100);
  in.kind = body.opt_str("kind", "部门类型", 40);
  in.region_code = body.opt_str("region_code", "所在区划", 12);
  body.finish();
  return in;
}

}  // namespace

void add_department_routes(Router& r, ApiContext& ctx) {
  r.add("GET", "/api/v1/departments", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    auto [limit, offset] = page_params(req);
    return json_response(
        200, service::list_departments(ctx.db, p, req.query_param("region"), limit, offset));
  });
  r.add("GET", "/api/v1/departments/kinds", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    service::require(p, "department:read");
    return json_response(200, service::department_kinds());
  });
  r.add("POST", "/api/v1/departments", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    JsonBody body(req.body);
    auto in = read_department(body);
    return json_response(201, service::create_department(ctx.db, service::Actor::of(p), &p, in));
  });
  r.add("PATCH", "/api/v1/departments/{id}", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    int64_t id = path_id(req);
    JsonBody body(req.body);
    return json_response(200, service::update_department(ctx.db, p, id, read_department(body)));
  });
}

}  // namespace guiyan::http
