// /api/v1/quarterly-reports and /api/v1/report-lines: quarterly reports 信息报送, the lead units'
// compilations, reminders, the export and the printable page, and the reporting lines.
#include "http/api_context.h"
#include "http/api_error.h"
#include "http/json_body.h"
#include "service/quarterly_report_service.h"
#include "service/task_service.h"

namespace guiyan::http {
namespace {

service::QuarterQuery quarter_query(const Request& req) {
  service::QuarterQuery q;
  auto year = int_param(req, "year");
  auto quarter = int_param(req, "quarter");
  if (!year) throw bad_request("year", "缺少参数“year”（年度）", "required");
  if (!quarter) throw bad_request("quarter", "缺少参数“quarter”（季度）", "required");
  q.year = *year;
  q.quarter = *quarter;
  q.region = req.query_param("region");
  q.lead_department_id = int_param(req, "lead_department_id");
  q.as_of = service::date_param_value(req.query_param("as_of"), "as_of");
  return q;
}

}  // namespace

void add_quarterly_report_routes(Router& r, ApiContext& ctx) {
  r.add("GET", "/api/v1/quarterly-reports", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    return json_response(200, service::quarter_reports_api(ctx.db, p, quarter_query(req)));
  });
  r.add("POST", "/api/v1/quarterly-reports", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    bool created = false;
    auto out = service::file_report_api(ctx.db, p, parse_json_object(req.body), &created);
    return json_response(created ? 201 : 200, out);
  });
  r.add("GET", "/api/v1/quarterly-reports/unit", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    auto q = quarter_query(req);
    return json_response(200, service::unit_report_api(ctx.db, p, int_param(req, "department_id"),
                                                       q.year, q.quarter, q.as_of));
  });
  r.add("POST", "/api/v1/quarterly-reports/compilations", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    return json_response(201, service::compile_reports_api(ctx.db, p, parse_json_object(req.body)));
  });
  r.add("POST", "/api/v1/quarterly-reports/reminders", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    return json_response(
        201, service::send_report_reminders_api(ctx.db, p, parse_json_object(req.body)));
  });
  r.add("GET", "/api/v1/quarterly-reports/export", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    auto q = quarter_query(req);
    refuse_unread_params(req);  // before the export is made and audited
    std::string path = service::export_quarter_reports(ctx.db, p, q);
    return file_response(path, std::to_string(q.year) + "年第" + std::to_string(q.quarter) +
                                   "季度信息报送汇总.xlsx");
  });
  r.add("GET", "/api/v1/quarterly-reports/print", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    Response res;
    res.content_type = "text/html; charset=utf-8";
    res.body = service::print_quarter_reports(ctx.db, p, quarter_query(req));
    res.headers.emplace_back("Cache-Control", "no-store");
    return res;
  });
  r.add("GET", "/api/v1/report-lines", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    return json_response(200, service::list_report_lines(ctx.db, p, req.query_param("region")));
  });
  r.add("PUT", "/api/v1/report-lines/{id}", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    int64_t id = path_id(req);
    return json_response(200,
                         service::set_report_line_api(ctx.db, p, id, parse_json_object(req.body)));
  });
  r.add("DELETE", "/api/v1/report-lines/{id}", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    service::delete_report_line_api(ctx.db, p, path_id(req));
    return json_response(200, {{"deleted", true}});
  });
}

}  // namespace guiyan::http
