// /api/v1/chambers, /api/v1/stations, /api/v1/ambassadors: the merchant library's network.
#include "http/api_context.h"
#include "http/api_error.h"
#include "http/json_body.h"
#include "service/merchant_network.h"

namespace guiyan::http {
namespace {

// GET and POST on `path`, GET and PATCH on `path`/{id}, for one record table.
void add_table_routes(Router& r, ApiContext& ctx, const std::string& path,
                      const service::RecordTable& t) {
  r.add("GET", path, [&ctx, &t](Request& req) {
    auto p = authenticate(ctx, req);
    std::map<std::string, std::string> filters;
    for (const auto& f : t.filters) filters[f] = req.query_param(f);
    auto [limit, offset] = page_params(req);
    std::string q = req.query_param("q");
    if (utf8_length(q) > 100) throw bad_request("q", "搜索内容过长（最多100个字符）");
    return json_response(200, service::list_records(ctx.db, p, t, filters,
                                                    req.query_param("region"), q, limit, offset));
  });
  r.add("POST", path, [&ctx, &t](Request& req) {
    auto p = authenticate(ctx, req);
    return json_response(201, service::create_record(ctx.db, p, t, parse_json_object(req.body)));
  });
  r.add("GET", path + "/{id}", [&ctx, &t](Request& req) {
    auto p = authenticate(ctx, req);
    return json_response(200, service::get_record(ctx.db, p, t, path_id(req)));
  });
  r.add("PATCH", path + "/{id}", [&ctx, &t](Request& req) {
    auto p = authenticate(ctx, req);
    int64_t id = path_id(req);
    return json_response(200,
                         service::update_record(ctx.db, p, t, id, parse_json_object(req.body)));
  });
}

}  // namespace

void add_merchant_network_routes(Router& r, ApiContext& ctx) {
  add_table_routes(r, ctx, "/api/v1/chambers", service::chamber_table());
  add_table_routes(r, ctx, "/api/v1/stations", service::station_table());
  add_table_routes(r, ctx, "/api/v1/ambassadors", service::ambassador_table());
  r.add("POST", "/api/v1/stations/{id}/merchants", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    int64_t id = path_id(req);
    JsonBody body(req.body);
    auto merchant = body.opt_int("merchant_id", "楚商楚才编号");
    body.finish();
    if (!merchant) throw bad_request("merchant_id", "缺少必填字段“merchant_id”", "required");
    return json_response(200, service::link_station_merchant(ctx.db, p, id, *merchant));
  });
  r.add("DELETE", "/api/v1/stations/{id}/merchants/{merchant_id}", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    return json_response(200, service::unlink_station_merchant(ctx.db, p, path_id(req),
                                                               path_id(req, "merchant_id")));
  });
}

}  // namespace guiyan::http
