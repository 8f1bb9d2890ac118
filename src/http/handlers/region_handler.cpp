// /api/v1/regions and /api/v1/industries: reference data for every signed-in account.
#include "http/api_context.h"
#include "service/region_service.h"

namespace guiyan::http {

void add_region_routes(Router& r, ApiContext& ctx) {
  r.add("GET", "/api/v1/regions", [&ctx](Request& req) {
    authenticate(ctx, req);
    return json_response(200, service::region_children(ctx.db, req.query_param("parent")));
  });
  r.add("GET", "/api/v1/regions/{code}", [&ctx](Request& req) {
    authenticate(ctx, req);
    return json_response(200, service::region_with_path(ctx.db, req.params["code"]));
  });
  r.add("GET", "/api/v1/industries", [&ctx](Request& req) {
    authenticate(ctx, req);
    return json_response(200, service::industries(ctx.db));
  });
}

}  // namespace guiyan::http
