// /api/v1/projects, /api/v1/appeals, /api/v1/offers: the investment-project pipeline
// 招商项目全流程.
#include "core/clock.h"
#include "core/project_vocabulary.h"
#include "http/api_context.h"
#include "http/api_error.h"
#include "http/json_body.h"
#include "service/appeal_service.h"
#include "service/project_board.h"
#include "service/project_offer.h"
#include "service/project_service.h"

namespace guiyan::http {
namespace {

int year_param(const Request& req, const std::string& name, int fallback) {
  auto v = int_param(req, name);
  return v ? static_cast<int>(*v) : fallback;
}

int this_year() {
  return std::stoi(core::today_local().substr(0, 4));
}

nlohmann::json terms(const std::vector<core::Term>& list) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& t : list) out.push_back({{"key", t.key}, {"label", t.label}});
  return out;
}

}  // namespace

void add_project_routes(Router& r, ApiContext& ctx) {
  r.add("GET", "/api/v1/projects", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    service::ProjectQuery q;
    q.q = req.query_param("q");
    q.region = req.query_param("region");
    q.stage = req.query_param("stage");
    q.major = req.query_param("major") == "true" || req.query_param("major") == "1";
    std::tie(q.limit, q.offset) = page_params(req);
    return json_response(200, service::list_projects(ctx.db, p, q));
  });
  r.add("POST", "/api/v1/projects", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    return json_response(201, service::create_project_api(ctx.db, p, parse_json_object(req.body)));
  });
  r.add("GET", "/api/v1/projects/vocabulary", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    service::require(p, "project:read");
    return json_response(200, {{"stages", terms(core::project_stages())},
                               {"milestone_kinds", terms(core::milestone_kinds())},
                               {"appeal_categories", terms(core::appeal_categories())},
                               {"appeal_statuses", terms(core::appeal_statuses())},
                               {"satisfactions", terms(core::satisfactions())},
                               {"offer_statuses", terms(core::offer_statuses())}});
  });
  r.add("GET", "/api/v1/projects/board", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    return json_response(200, service::project_board(ctx.db, p, req.query_param("region"),
                                                     year_param(req, "year", this_year())));
  });
  r.add("GET", "/api/v1/projects/approvals", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    int year = year_param(req, "year", this_year());
    return json_response(200, service::approval_times(ctx.db, p, req.query_param("region"), year,
                                                      year_param(req, "baseline", year - 1)));
  });
  r.add("GET", "/api/v1/projects/{id}", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    return json_response(200, service::project_file_api(ctx.db, p, path_id(req)));
  });
  r.add("PATCH", "/api/v1/projects/{id}", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    int64_t id = path_id(req);
    return json_response(200,
                         service::update_project_api(ctx.db, p, id, parse_json_object(req.body)));
  });
  r.add("POST", "/api/v1/projects/{id}/moves", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    int64_t id = path_id(req);
    return json_response(200,
                         service::move_project_api(ctx.db, p, id, parse_json_object(req.body)));
  });
  r.add("POST", "/api/v1/projects/{id}/funding", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    int64_t id = path_id(req);
    return json_response(201, service::add_funding_api(ctx.db, p, id, parse_json_object(req.body)));
  });
  r.add("POST", "/api/v1/projects/{id}/milestones", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    int64_t id = path_id(req);
    return json_response(201,
                         service::add_milestone_api(ctx.db, p, id, parse_json_object(req.body)));
  });
  r.add("PATCH", "/api/v1/projects/{id}/milestones/{milestone_id}", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    int64_t id = path_id(req), mid = path_id(req, "milestone_id");
    return json_response(
        200, service::update_milestone_api(ctx.db, p, id, mid, parse_json_object(req.body)));
  });
  r.add("POST", "/api/v1/projects/{id}/visits", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    int64_t id = path_id(req);
    return json_response(201, service::add_visit_api(ctx.db, p, id, parse_json_object(req.body)));
  });
  r.add("GET", "/api/v1/appeals", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    service::AppealQuery q;
    q.region = req.query_param("region");
    q.status = req.query_param("status");
    q.overdue = req.query_param("overdue") == "true" || req.query_param("overdue") == "1";
    q.project_id = int_param(req, "project_id");
    q.merchant_id = int_param(req, "merchant_id");
    std::tie(q.limit, q.offset) = page_params(req);
    return json_response(200, service::list_appeals(ctx.db, p, q));
  });
  r.add("POST", "/api/v1/appeals", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    return json_response(201, service::create_appeal_api(ctx.db, p, parse_json_object(req.body)));
  });
  r.add("GET", "/api/v1/appeals/{id}", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    return json_response(200, service::get_appeal_api(ctx.db, p, path_id(req)));
  });
  r.add("POST", "/api/v1/appeals/{id}/replies", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    int64_t id = path_id(req);
    return json_response(201,
                         service::reply_appeal_api(ctx.db, p, id, parse_json_object(req.body)));
  });
  r.add("POST", "/api/v1/appeals/{id}/close", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    int64_t id = path_id(req);
    return json_response(200,
                         service::close_appeal_api(ctx.db, p, id, parse_json_object(req.body)));
  });
  const auto& offers = service::offer_table();
  r.add("GET", "/api/v1/offers", [&ctx, &offers](Request& req) {
    auto p = authenticate(ctx, req);
    std::map<std::string, std::string> filters;
    for (const auto& f : offers.filters) filters[f] = req.query_param(f);
    auto [limit, offset] = page_params(req);
    return json_response(
        200, service::list_records(ctx.db, p, offers, filters, req.query_param("region"),
                                   req.query_param("q"), limit, offset));
  });
  r.add("POST", "/api/v1/offers", [&ctx, &offers](Request& req) {
    auto p = authenticate(ctx, req);
    return json_response(201,
                         service::create_record(ctx.db, p, offers, parse_json_object(req.body)));
  });
  r.add("GET", "/api/v1/offers/{id}", [&ctx, &offers](Request& req) {
    auto p = authenticate(ctx, req);
    return json_response(200, service::get_record(ctx.db, p, offers, path_id(req)));
  });
  r.add("PATCH", "/api/v1/offers/{id}", [&ctx, &offers](Request& req) {
    auto p = authenticate(ctx, req);
    int64_t id = path_id(req);
    return json_response(
        200, service::update_record(ctx.db, p, offers, id, parse_json_object(req.body)));
  });
  r.add("GET", "/api/v1/offers/{id}/matches", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    auto limit = int_param(req, "limit").value_or(20);
    if (limit < 1 || limit > 200) throw bad_request("limit", "limit 应在1到200之间");
    return json_response(200, service::offer_matches(ctx.db, p, path_id(req), limit));
  });
}

}  // namespace guiyan::http
