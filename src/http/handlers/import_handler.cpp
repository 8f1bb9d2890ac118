// /api/v1/imports: background imports of uploaded ledgers.
#include "http/api_context.h"
#include "http/api_error.h"
#include "service/import_jobs.h"
#include "service/import_template.h"

namespace guiyan::http {

void add_import_routes(Router& r, ApiContext& ctx) {
  r.add(
      "POST", "/api/v1/imports",
      [&ctx](Request& req) {
        auto p = authenticate(ctx, req);
        std::string dry = req.query_param("dry_run");
        if (!dry.empty() && dry != "true" && dry != "false") {
          throw bad_request("dry_run", "dry_run 应为 true 或 false");
        }
        std::string kind = req.query_param("kind"), filename = req.query_param("filename");
        std::string source = req.query_param("source");
        refuse_unread_params(req);  // "dryrun=true" must not commit the file
        auto job =
            service::enqueue_import(ctx.db, p, kind, filename, source, dry != "false", req.body);
        if (ctx.imports_queued) ctx.imports_queued();
        return json_response(202, job);
      },
      /*reads_query=*/true);
  r.add("GET", "/api/v1/imports", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    return json_response(200, service::list_imports(ctx.db, p, req.query_param("kind")));
  });
  r.add("GET", "/api/v1/imports/templates/{kind}", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    auto file = service::import_template_file(ctx.db, p, req.params.at("kind"));
    return file_response(file.path, file.filename);
  });
  r.add("GET", "/api/v1/imports/{id}", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    return json_response(200, service::get_import(ctx.db, p, path_id(req)));
  });
  r.add("GET", "/api/v1/imports/{id}/report", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    int64_t id = path_id(req);
    refuse_unread_params(req);  // before the download is audited
    return file_response(service::import_report_file(ctx.db, p, id),
                         "导入问题清单-" + std::to_string(id) + ".xlsx");
  });
  r.add("GET", "/api/v1/imports/{id}/rejected", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    int64_t id = path_id(req);
    return file_response(service::import_rejected_file(ctx.db, p, id),
                         "未导入的行-" + std::to_string(id) + ".xlsx");
  });
  r.add("POST", "/api/v1/imports/{id}/commit", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    auto job = service::commit_import(ctx.db, p, path_id(req));
    if (ctx.imports_queued) ctx.imports_queued();
    return json_response(202, job);
  });
}

}  // namespace guiyan::http
