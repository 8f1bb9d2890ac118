// GET /api/v1/health: liveness plus what the server runs on.
#include "http/api_context.h"
#include "store/migrations.h"

namespace guiyan::http {

void add_health_routes(Router& r, ApiContext& ctx) {
  r.add("GET", "/api/v1/health", [&ctx](Request&) {
    auto conn = ctx.db.acquire();
    int version = store::schema_version(*conn);
    return json_response(200, {{"status", "ok"},
                               {"version", ctx.version},
                               {"database", ctx.db.kind()},
                               {"schema_version", version}});
  });
}

}  // namespace guiyan::http
