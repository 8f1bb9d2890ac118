// /api/v1/indicators, /api/v1/targets and /api/v1/dashboard: targets and live figures 驾驶舱.
#include "core/clock.h"
#include "http/api_context.h"
#include "http/api_error.h"
#include "service/dashboard.h"
#include "service/indicator_service.h"
#include "service/indicator_targets.h"

namespace guiyan::http {
namespace {

int year_of(const Request& req) {
  auto v = int_param(req, "year");
  if (v && (*v < 2000 || *v > 2100)) throw bad_request("year", "年份应在2000到2100之间");
  return v ? static_cast<int>(*v) : std::stoi(core::today_local().substr(0, 4));
}

nlohmann::json body_object(const Request& req) {
  nlohmann::json body;
  try {
    body = nlohmann::json::parse(req.body);
  } catch (const nlohmann::json::exception&) {
    throw bad_request("", "请求内容不是有效的 JSON", "invalid_json");
  }
  if (!body.is_object()) throw bad_request("", "请求内容应为对象");
  return body;
}

int required_year(const Request& req) {
  if (!int_param(req, "year")) throw bad_request("year", "缺少年份", "required");
  return year_of(req);
}

}  // namespace

void add_indicator_routes(Router& r, ApiContext& ctx) {
  r.add("GET", "/api/v1/indicators", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    service::require(p, "indicator:read");
    return json_response(200, service::indicator_catalogue_json());
  });
  r.add("GET", "/api/v1/indicators/{code}", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    return json_response(200,
                         service::indicator_figures_api(ctx.db, p, req.params.at("code"),
                                                        req.query_param("region"), year_of(req)));
  });
  r.add("GET", "/api/v1/indicators/{code}/records", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    auto [limit, offset] = page_params(req);
    auto month = int_param(req, "month");
    return json_response(
        200, service::indicator_records_api(ctx.db, p, req.params.at("code"),
                                            req.query_param("region"), year_of(req),
                                            month ? static_cast<int>(*month) : 0, limit, offset));
  });
  r.add("PUT", "/api/v1/indicators/{code}/figures", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    auto body = body_object(req);
    body["indicator_code"] = req.params.at("code");
    return json_response(200, service::set_figure_api(ctx.db, p, body));
  });
  r.add(
      "DELETE", "/api/v1/indicators/{code}/figures",
      [&ctx](Request& req) {
        auto p = authenticate(ctx, req);
        std::string region = req.query_param("region");
        int year = required_year(req);
        refuse_unread_params(req);
        service::delete_figure_api(ctx.db, p, region, year, req.params.at("code"));
        return json_response(200, {{"deleted", true}});
      },
      /*reads_query=*/true);
  r.add("GET", "/api/v1/targets", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    return json_response(
        200, service::list_targets_api(ctx.db, p, req.query_param("region"), year_of(req)));
  });
  r.add("PUT", "/api/v1/targets", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    return json_response(200, service::set_target_api(ctx.db, p, body_object(req)));
  });
  r.add(
      "DELETE", "/api/v1/targets",
      [&ctx](Request& req) {
        auto p = authenticate(ctx, req);
        std::string region = req.query_param("region"), indicator = req.query_param("indicator");
        int year = required_year(req);
        refuse_unread_params(req);
        service::delete_target_api(ctx.db, p, region, year, indicator);
        return json_response(200, {{"deleted", true}});
      },
      /*reads_query=*/true);
  r.add(
      "POST", "/api/v1/targets/import",
      [&ctx](Request& req) {
        auto p = authenticate(ctx, req);
        bool dry = bool_param(req, "dry_run").value_or(true);
        std::string filename = req.query_param("filename");
        refuse_unread_params(req);  // "dryrun=true" must not write the targets
        return json_response(200, service::import_targets_api(ctx.db, p, filename, req.body, dry));
      },
      /*reads_query=*/true);
  r.add("GET", "/api/v1/dashboard", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    return json_response(
        200, service::dashboard_api(ctx.db, p, req.query_param("region"), year_of(req)));
  });
}

}  // namespace guiyan::http
