// /api/v1/tasks and /api/v1/task-notices: the task list 任务清单, progress notes, the done mark,
// follow-up notices 督办 and each unit's alerts.
#include "http/api_context.h"
#include "http/api_error.h"
#include "http/json_body.h"
#include "service/task_service.h"

namespace guiyan::http {
namespace {

std::optional<core::Date> as_of_param(const Request& req) {
  return service::date_param_value(req.query_param("as_of"), "as_of");
}

service::TaskQuery task_query(const Request& req) {
  service::TaskQuery q;
  q.year = int_param(req, "year");
  q.region = req.query_param("region");
  q.department_id = int_param(req, "department_id");
  q.status = req.query_param("status");
  q.due_soon = bool_param(req, "due_soon");
  q.as_of = as_of_param(req);
  std::tie(q.limit, q.offset) = page_params(req);
  return q;
}

}  // namespace

void add_task_routes(Router& r, ApiContext& ctx) {
  r.add("GET", "/api/v1/tasks", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    return json_response(200, service::list_tasks(ctx.db, p, task_query(req)));
  });
  r.add("POST", "/api/v1/tasks", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    return json_response(201, service::create_task_api(ctx.db, p, parse_json_object(req.body)));
  });
  r.add("GET", "/api/v1/tasks/alerts", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    return json_response(
        200, service::task_alerts(ctx.db, p, int_param(req, "department_id"), as_of_param(req)));
  });
  r.add("GET", "/api/v1/tasks/{id}", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    return json_response(200, service::get_task_api(ctx.db, p, path_id(req), as_of_param(req)));
  });
  r.add("PATCH", "/api/v1/tasks/{id}", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    int64_t id = path_id(req);
    return json_response(200, service::update_task_api(ctx.db, p, id, parse_json_object(req.body)));
  });
  r.add("DELETE", "/api/v1/tasks/{id}", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    service::delete_task_api(ctx.db, p, path_id(req));
    return json_response(200, {{"deleted", true}});
  });
  r.add("POST", "/api/v1/tasks/{id}/notes", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    int64_t id = path_id(req);
    return json_response(201,
                         service::add_task_note_api(ctx.db, p, id, parse_json_object(req.body)));
  });
  r.add("POST", "/api/v1/tasks/{id}/done", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    int64_t id = path_id(req);
    return json_response(200,
                         service::mark_task_done_api(ctx.db, p, id, parse_json_object(req.body)));
  });
  r.add("DELETE", "/api/v1/tasks/{id}/done", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    return json_response(200, service::undo_task_done_api(ctx.db, p, path_id(req)));
  });
  r.add("POST", "/api/v1/tasks/{id}/notices", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    int64_t id = path_id(req);
    return json_response(
        201, service::issue_task_notice_api(ctx.db, p, id, parse_json_object(req.body)));
  });
  r.add("GET", "/api/v1/task-notices", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    return json_response(
        200, service::list_task_notices(ctx.db, p, req.query_param("status"),
                                        int_param(req, "department_id"), req.query_param("region"),
                                        as_of_param(req)));
  });
  r.add("POST", "/api/v1/task-notices/{id}/reply", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    int64_t id = path_id(req);
    return json_response(
        200, service::answer_task_notice_api(ctx.db, p, id, parse_json_object(req.body)));
  });
}

}  // namespace guiyan::http
