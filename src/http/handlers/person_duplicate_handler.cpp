// /api/v1/people/duplicates and /api/v1/people/merges: the duplicate review queue 疑似重复.
#include "http/api_context.h"
#include "http/json_body.h"
#include "service/person_duplicates.h"
#include "service/person_merge.h"

namespace guiyan::http {

void add_duplicate_routes(Router& r, ApiContext& ctx) {
  r.add("GET", "/api/v1/people/duplicates", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    auto [limit, offset] = page_params(req);
    return json_response(
        200, service::list_duplicates_api(ctx.db, p, req.query_param("status"), limit, offset));
  });
  r.add("POST", "/api/v1/people/duplicates/scan", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    return json_response(200, service::scan_duplicates_api(ctx.db, p));
  });
  r.add("GET", "/api/v1/people/duplicates/{id}", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    return json_response(200, service::get_duplicate_api(ctx.db, p, path_id(req)));
  });
  r.add("POST", "/api/v1/people/duplicates/{id}/merge", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    int64_t id = path_id(req);
    return json_response(200,
                         service::merge_duplicate_api(ctx.db, p, id, parse_json_object(req.body)));
  });
  r.add("POST", "/api/v1/people/duplicates/{id}/dismiss", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    int64_t id = path_id(req);
    nlohmann::json body = req.body.empty() ? nlohmann::json::object() : parse_json_object(req.body);
    return json_response(200, service::dismiss_duplicate_api(ctx.db, p, id, body));
  });
  r.add("POST", "/api/v1/people/merges/{id}/undo", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    return json_response(200, service::undo_merge_api(ctx.db, p, path_id(req)));
  });
}

}  // namespace guiyan::http
