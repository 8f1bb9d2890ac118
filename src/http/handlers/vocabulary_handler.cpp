// /api/v1/vocabularies: the editable vocabularies 技能字典 (skills) and 劳务品牌 (labour_brands).
#include "http/api_context.h"
#include "http/json_body.h"
#include "service/vocabulary_service.h"

namespace guiyan::http {
namespace {

std::string param(const Request& req, const std::string& name) {
  auto it = req.params.find(name);
  return it == req.params.end() ? std::string() : it->second;
}

}  // namespace

void add_vocabulary_routes(Router& r, ApiContext& ctx) {
  r.add("GET", "/api/v1/vocabularies/{name}", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    return json_response(200, service::list_vocabulary(ctx.db, p, param(req, "name")));
  });
  r.add("POST", "/api/v1/vocabularies/{name}", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    JsonBody body(req.body);
    service::TermInput in;
    in.key = body.opt_str("key", "编码", 40);
    in.label = body.opt_str("label", "名称", 100);
    in.synonyms = body.opt_str_list("synonyms", "同义词");
    body.finish();
    return json_response(201, service::add_vocabulary_term(ctx.db, p, param(req, "name"), in));
  });
  r.add("PATCH", "/api/v1/vocabularies/{name}/{key}", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    JsonBody body(req.body);
    service::TermInput in;
    in.label = body.opt_str("label", "名称", 100);
    in.synonyms = body.opt_str_list("synonyms", "同义词");
    in.retired = body.opt_bool("retired", "停用");
    body.finish();
    return json_response(
        200, service::update_vocabulary_term(ctx.db, p, param(req, "name"), param(req, "key"), in));
  });
}

}  // namespace guiyan::http
