// /api/v1/merchants: the merchant and talent library 楚商楚才库.
#include "http/api_context.h"
#include "http/api_error.h"
#include "http/json_body.h"
#include "service/merchant_export.h"
#include "service/merchant_query.h"
#include "service/merchant_service.h"

namespace guiyan::http {
namespace {

service::MerchantQuery read_merchant_query(const Request& req) {
  service::MerchantQuery q;
  q.q = req.query_param("q");
  q.region = req.query_param("region");
  q.region_exact =
      req.query_param("region_exact") == "true" || req.query_param("region_exact") == "1";
  q.category = req.query_param("category");
  q.tag = req.query_param("tag");
  q.industry = req.query_param("industry");
  q.strength = req.query_param("strength");
  q.size = req.query_param("size");
  q.operating_status = req.query_param("operating_status");
  q.influence = req.query_param("influence");
  q.case_worker = req.query_param("case_worker_id");
  std::string stale = req.query_param("stale");
  q.stale = stale == "true" || stale == "1";
  q.cycle = req.query_param("cycle");
  if (utf8_length(q.q) > 100) throw bad_request("q", "搜索内容过长（最多100个字符）");
  std::tie(q.limit, q.offset) = page_params(req);
  return q;
}

bool unmask_param(const Request& req) {
  return req.query_param("unmask") == "true" || req.query_param("unmask") == "1";
}

}  // namespace

void add_merchant_routes(Router& r, ApiContext& ctx) {
  r.add("GET", "/api/v1/merchants", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    return json_response(200, service::list_merchants(ctx.db, p, read_merchant_query(req)));
  });
  r.add("POST", "/api/v1/merchants", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    return json_response(201, service::create_merchant_api(ctx.db, p, parse_json_object(req.body)));
  });
  r.add("GET", "/api/v1/merchants/vocabulary", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    service::require(p, "merchant:read");
    return json_response(200, service::merchant_vocabulary_json());
  });
  r.add("GET", "/api/v1/merchants/classification", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    std::string by = req.query_param("by").empty() ? "industry" : req.query_param("by");
    return json_response(200,
                         service::merchant_classification(ctx.db, p, by, read_merchant_query(req)));
  });
  r.add("GET", "/api/v1/merchants/freshness", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    return json_response(200, service::merchant_freshness(ctx.db, p, read_merchant_query(req)));
  });
  r.add("GET", "/api/v1/merchants/export", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    std::string format = req.query_param("format").empty() ? "xlsx" : req.query_param("format");
    auto q = read_merchant_query(req);
    bool unmask = unmask_param(req);
    refuse_unread_params(req);  // before the export is made and audited
    std::string path = service::export_merchants(ctx.db, p, q, format, unmask);
    return file_response(path, "楚商楚才名录." + format);
  });
  r.add("GET", "/api/v1/merchants/{id}", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    bool unmask = unmask_param(req);
    refuse_unread_params(req);  // before an unmasked view is audited
    return json_response(200, service::get_merchant_api(ctx.db, p, path_id(req), unmask));
  });
  r.add("PATCH", "/api/v1/merchants/{id}", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    int64_t id = path_id(req);
    return json_response(200,
                         service::update_merchant_api(ctx.db, p, id, parse_json_object(req.body)));
  });
  r.add("GET", "/api/v1/merchants/{id}/file", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    return json_response(200, service::merchant_file_api(ctx.db, p, path_id(req)));
  });
  r.add("POST", "/api/v1/merchants/{id}/verify", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    int64_t id = path_id(req);
    std::string body = req.body.empty() ? "{}" : req.body;
    return json_response(200, service::verify_merchant_api(ctx.db, p, id, parse_json_object(body)));
  });
  r.add("POST", "/api/v1/merchants/{id}/contacts", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    int64_t id = path_id(req);
    return json_response(201, service::add_contact_api(ctx.db, p, id, parse_json_object(req.body)));
  });
}

}  // namespace guiyan::http
