// /api/v1/people: the people registry 返乡人员信息库.
#include "core/person_fields.h"
#include "http/api_context.h"
#include "http/api_error.h"
#include "http/json_body.h"
#include "service/person_export.h"
#include "service/person_query.h"
#include "service/person_service.h"

namespace guiyan::http {
namespace {

// Retired terms are listed (records keep them, filters and labels need them) and flagged.
nlohmann::json terms_json(const std::vector<core::Term>& terms) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& t : terms) {
    out.push_back({{"key", t.key}, {"label", t.label}, {"retired", t.retired}});
  }
  return out;
}

service::PersonQuery read_person_query(const Request& req) {
  service::PersonQuery q;
  q.q = req.query_param("q");
  q.region = req.query_param("region");
  q.status = req.query_param("status");
  q.funnel_stage = req.query_param("funnel_stage");
  q.help = req.query_param("help");
  q.labour_brand = req.query_param("labour_brand");
  q.source = req.query_param("source");
  q.home_on = req.query_param("home_on");
  q.case_worker = req.query_param("case_worker_id");
  q.next_step = req.query_param("next_step");
  if (auto v = int_param(req, "age_min")) q.age_min = static_cast<int>(*v);
  if (auto v = int_param(req, "age_max")) q.age_max = static_cast<int>(*v);
  if ((q.age_min && (*q.age_min < 0 || *q.age_min > 150)) ||
      (q.age_max && (*q.age_max < 0 || *q.age_max > 150))) {
    throw bad_request("age_min", "年龄范围应在0到150之间");
  }
  if (q.age_min && q.age_max && *q.age_min > *q.age_max) {
    throw bad_request("age_max", "最大年龄不能小于最小年龄");
  }
  if (utf8_length(q.q) > 100) throw bad_request("q", "搜索内容过长（最多100个字符）");
  std::tie(q.limit, q.offset) = page_params(req);
  return q;
}

}  // namespace

void add_person_routes(Router& r, ApiContext& ctx) {
  r.add("GET", "/api/v1/people", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    return json_response(200, service::list_people(ctx.db, p, read_person_query(req)));
  });
  r.add("POST", "/api/v1/people", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    return json_response(201, service::create_person_api(ctx.db, p, parse_json_object(req.body)));
  });
  r.add("GET", "/api/v1/people/stats", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    return json_response(200, service::people_stats(ctx.db, p, req.query_param("region")));
  });
  r.add("GET", "/api/v1/people/vocabulary", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    service::require(p, "person:read");
    nlohmann::json fields = nlohmann::json::array();
    for (const auto& f : core::person_fields()) {
      fields.push_back({{"name", f.name}, {"label", f.label}});
    }
    // Gender and birth date: asked only of a person without a valid ID number.
    nlohmann::json identity_fields = nlohmann::json::array();
    for (const auto& f : core::person_identity_fields()) {
      identity_fields.push_back({{"name", f.name}, {"label", f.label}});
    }
    return json_response(200, {{"fields", fields},
                               {"identity_fields", identity_fields},
                               {"genders", terms_json(core::genders())},
                               {"statuses", terms_json(core::person_statuses())},
                               {"funnel_stages", terms_json(core::funnel_stages())},
                               {"sources", terms_json(core::data_sources())},
                               {"help_kinds", terms_json(core::help_kinds())},
                               {"service_kinds", terms_json(core::service_kinds())},
                               {"education_levels", terms_json(core::education_levels())},
                               {"skills", terms_json(*core::skill_terms())},
                               {"labour_brands", terms_json(*core::labour_brands())}});
  });
  r.add("GET", "/api/v1/people/export", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    auto q = read_person_query(req);
    std::string format = req.query_param("format").empty() ? "xlsx" : req.query_param("format");
    bool unmask = req.query_param("unmask") == "true" || req.query_param("unmask") == "1";
    refuse_unread_params(req);  // before the export is made and audited
    std::string path = service::export_people(ctx.db, p, q, format, unmask);
    return file_response(path, "返乡人员台账." + format);
  });
  r.add("GET", "/api/v1/people/{id}", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    bool unmask = req.query_param("unmask") == "true" || req.query_param("unmask") == "1";
    refuse_unread_params(req);  // before an unmasked view is audited
    return json_response(200, service::get_person_api(ctx.db, p, path_id(req), unmask));
  });
  r.add("PATCH", "/api/v1/people/{id}", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    int64_t id = path_id(req);
    return json_response(200,
                         service::update_person_api(ctx.db, p, id, parse_json_object(req.body)));
  });
  r.add("GET", "/api/v1/people/{id}/file", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    return json_response(200, service::person_file_api(ctx.db, p, path_id(req)));
  });
  r.add("POST", "/api/v1/people/{id}/services", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    int64_t id = path_id(req);
    return json_response(201, service::add_service_api(ctx.db, p, id, parse_json_object(req.body)));
  });
}

}  // namespace guiyan::http
