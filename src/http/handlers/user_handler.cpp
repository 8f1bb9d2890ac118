// /api/v1/users: accounts.
#include "core/clock.h"
#include "http/api_context.h"
#include "http/api_error.h"
#include "http/json_body.h"
#include "service/user_service.h"

namespace guiyan::http {

void add_user_routes(Router& r, ApiContext& ctx) {
  r.add("GET", "/api/v1/users", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    service::UserQuery q;
    q.q = req.query_param("q");
    q.region = req.query_param("region");
    q.department_id = int_param(req, "department_id");
    std::tie(q.limit, q.offset) = page_params(req);
    return json_response(200, service::list_users(ctx.db, p, q));
  });
  r.add("GET", "/api/v1/staff", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    auto limit = int_param(req, "limit").value_or(50);
    if (limit < 1 || limit > 200) throw bad_request("limit", "limit 应在1到200之间");
    return json_response(200, service::list_case_workers(ctx.db, p, req.query_param("q"), limit));
  });
  r.add("GET", "/api/v1/users/{id}", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    return json_response(
        200, service::user_json(service::get_user(ctx.db, p, path_id(req)), core::now_iso()));
  });
  r.add("POST", "/api/v1/users", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    JsonBody body(req.body);
    service::NewUser u;
    u.username = body.str("username", "用户名", 32);
    u.display_name = body.str("display_name", "姓名", 50);
    u.password = body.secret("password", "密码", 128);
    u.department_id = body.opt_int("department_id", "部门");
    u.region_code = body.str("region_code", "所在区划", 12);
    u.roles = body.opt_str_list("roles", "角色").value_or(std::vector<std::string>{});
    body.finish();
    auto created = service::create_user(ctx.db, service::Actor::of(p), &p, u);
    return json_response(201, service::user_json(created, core::now_iso()));
  });
  r.add("PATCH", "/api/v1/users/{id}", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    int64_t id = path_id(req);
    JsonBody body(req.body);
    service::UserChange c;
    c.display_name = body.opt_str("display_name", "姓名", 50);
    c.department_id = body.opt_int("department_id", "部门");
    c.region_code = body.opt_str("region_code", "所在区划", 12);
    c.disabled = body.opt_bool("disabled", "停用");
    c.roles = body.opt_str_list("roles", "角色");
    body.finish();
    return json_response(
        200, service::user_json(service::update_user(ctx.db, p, id, c), core::now_iso()));
  });
  r.add("POST", "/api/v1/users/{id}/password", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    int64_t id = path_id(req);
    JsonBody body(req.body);
    std::string password = body.secret("password", "新密码", 128);
    body.finish();
    service::set_password(ctx.db, service::Actor::of(p), &p, id, password);
    return json_response(200, nlohmann::json::object());
  });
  r.add("POST", "/api/v1/users/{id}/unlock", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    return json_response(
        200, service::user_json(service::unlock_user(ctx.db, p, path_id(req)), core::now_iso()));
  });
}

}  // namespace guiyan::http
