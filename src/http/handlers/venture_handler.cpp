// /api/v1/ventures: ventures 返乡创业经营主体, their founders and employment counts.
#include "core/venture_fields.h"
#include "http/api_context.h"
#include "http/api_error.h"
#include "http/json_body.h"
#include "service/venture_export.h"
#include "service/venture_service.h"

namespace guiyan::http {
namespace {

service::VentureQuery venture_query(const Request& req) {
  service::VentureQuery q;
  q.q = req.query_param("q");
  if (utf8_length(q.q) > 100) throw bad_request("q", "搜索内容过长（最多100个字符）");
  q.region = req.query_param("region");
  q.type = req.query_param("type");
  q.status = req.query_param("status");
  q.person_id = int_param(req, "person_id");
  std::tie(q.limit, q.offset) = page_params(req);
  return q;
}

nlohmann::json venture_terms(const std::vector<core::Term>& list) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& t : list) out.push_back({{"key", t.key}, {"label", t.label}});
  return out;
}

}  // namespace

void add_venture_routes(Router& r, ApiContext& ctx) {
  r.add("GET", "/api/v1/ventures", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    return json_response(200, service::list_ventures(ctx.db, p, venture_query(req)));
  });
  r.add("POST", "/api/v1/ventures", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    return json_response(201, service::create_venture_api(ctx.db, p, parse_json_object(req.body)));
  });
  r.add("GET", "/api/v1/ventures/vocabulary", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    service::require(p, "venture:read");
    nlohmann::json fields = nlohmann::json::array();
    for (const auto& f : core::venture_fields()) {
      fields.push_back({{"name", f.name}, {"label", f.label}});
    }
    return json_response(200, {{"fields", fields},
                               {"types", venture_terms(core::venture_types())},
                               {"statuses", venture_terms(core::venture_statuses())}});
  });
  r.add("GET", "/api/v1/ventures/export", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    std::string format = req.query_param("format").empty() ? "xlsx" : req.query_param("format");
    std::string unmask = req.query_param("unmask");
    auto q = venture_query(req);
    refuse_unread_params(req);  // before the export is made and audited
    std::string path =
        service::export_ventures(ctx.db, p, q, format, unmask == "true" || unmask == "1");
    return file_response(path, "返乡创业主体台账." + format);
  });
  r.add("GET", "/api/v1/ventures/{id}", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    return json_response(200, service::get_venture_api(ctx.db, p, path_id(req)));
  });
  r.add("PATCH", "/api/v1/ventures/{id}", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    int64_t id = path_id(req);
    return json_response(200,
                         service::update_venture_api(ctx.db, p, id, parse_json_object(req.body)));
  });
  r.add("POST", "/api/v1/ventures/{id}/employment", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    int64_t id = path_id(req);
    return json_response(200,
                         service::add_employment_api(ctx.db, p, id, parse_json_object(req.body)));
  });
}

}  // namespace guiyan::http
