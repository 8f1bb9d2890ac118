// /api/v1/roles and /api/v1/permissions.
#include "http/api_context.h"
#include "http/json_body.h"
#include "service/role_service.h"

namespace guiyan::http {
namespace {

service::RoleInput read_role(JsonBody& body) {
  service::RoleInput in;
  in.key = body.opt_str("key", "角色标识", 32);
  in.name = body.opt_str("name", "角色名称", 50);
  in.data_scope = body.opt_str("data_scope", "数据范围", 20);
  in.regions = body.opt_str_list("regions", "指定区域");
  in.permissions = body.opt_str_list("permissions", "权限");
  body.finish();
  return in;
}

}  // namespace

void add_role_routes(Router& r, ApiContext& ctx) {
  r.add("GET", "/api/v1/roles", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    return json_response(200, service::list_roles(ctx.db, p));
  });
  r.add("POST", "/api/v1/roles", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    JsonBody body(req.body);
    return json_response(201, service::create_role(ctx.db, p, read_role(body)));
  });
  r.add("PATCH", "/api/v1/roles/{id}", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    int64_t id = path_id(req);
    JsonBody body(req.body);
    return json_response(200, service::update_role(ctx.db, p, id, read_role(body)));
  });
  r.add("DELETE", "/api/v1/roles/{id}", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    service::delete_role(ctx.db, p, path_id(req));
    return json_response(200, nlohmann::json::object());
  });
  r.add("GET", "/api/v1/permissions", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    return json_response(200, service::permission_list(p));
  });
}

}  // namespace guiyan::http
