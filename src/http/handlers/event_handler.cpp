// /api/v1/events: events 活动, their invitees and check-in, the projects signed there, and the
// yearly tally per level.
#include "http/api_context.h"
#include "http/api_error.h"
#include "http/json_body.h"
#include "service/event_service.h"

namespace guiyan::http {
namespace {

service::EventInput read_event(JsonBody& body) {
  service::EventInput in;
  in.region_code = body.opt_str("region_code", "举办地区", 12);
  in.level = body.opt_str("level", "活动级别", 20);
  in.type = body.opt_str("type", "活动类型", 40);
  in.clear_festival = body.has("festival") && !body.opt_str("festival", "节日", 20, true);
  in.festival = body.opt_str("festival", "节日", 20, true);
  if (in.festival && in.festival->empty()) {
    in.festival.reset();
    in.clear_festival = true;
  }
  in.title = body.opt_str("title", "活动名称", 100);
  in.held_on = body.opt_str("held_on", "举办日期", 10);
  in.place = body.opt_str("place", "举办地点", 200, true);
  in.organiser = body.opt_str("organiser", "主办单位", 200, true);
  in.status = body.opt_str("status", "活动状态", 20);
  in.notes = body.opt_str("notes", "备注", 2000, true);
  body.finish();
  return in;
}

// An optional array of positive ids from the raw body field `name`.
std::vector<int64_t> event_id_list(const nlohmann::json& doc, const std::string& name,
                                   const std::string& label) {
  std::vector<int64_t> out;
  if (!doc.contains(name) || doc[name].is_null()) return out;
  const auto& list = doc[name];
  if (!list.is_array()) throw bad_request(name, label + "应为编号列表");
  for (const auto& v : list) {
    if (!v.is_number_integer() || v.get<int64_t>() <= 0) {
      throw bad_request(name, label + "应为编号列表");
    }
    out.push_back(v.get<int64_t>());
  }
  return out;
}

}  // namespace

void add_event_routes(Router& r, ApiContext& ctx) {
  r.add("GET", "/api/v1/events/vocabulary", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    service::require(p, "event:read");
    return json_response(200, service::event_vocabulary());
  });
  r.add("GET", "/api/v1/events/tally", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    return json_response(
        200, service::event_tally(ctx.db, p, req.query_param("region"), int_param(req, "year")));
  });
  r.add("GET", "/api/v1/events", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    service::EventFilter f;
    std::tie(f.limit, f.offset) = page_params(req);
    f.q = req.query_param("q");
    if (utf8_length(f.q) > 100) throw bad_request("q", "搜索内容过长（最多100个字符）");
    f.region = req.query_param("region");
    f.year = int_param(req, "year");
    f.level = req.query_param("level");
    f.type = req.query_param("type");
    f.festival = req.query_param("festival");
    f.status = req.query_param("status");
    return json_response(200, service::list_events(ctx.db, p, f));
  });
  r.add("POST", "/api/v1/events", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    JsonBody body(req.body);
    auto in = read_event(body);
    return json_response(201, service::create_event(ctx.db, p, in));
  });
  r.add("GET", "/api/v1/events/{id}", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    return json_response(200, service::get_event(ctx.db, p, path_id(req)));
  });
  r.add("PATCH", "/api/v1/events/{id}", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    int64_t id = path_id(req);
    JsonBody body(req.body);
    auto in = read_event(body);
    return json_response(200, service::update_event(ctx.db, p, id, in));
  });
  r.add("POST", "/api/v1/events/{id}/invitees", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    int64_t id = path_id(req);
    auto doc = parse_json_object(req.body);
    for (const auto& [key, value] : doc.items()) {
      if (key != "merchant_ids" && key != "person_ids") {
        throw bad_request(key, "不认识的字段“" + key + "”", "unknown_field");
      }
    }
    auto merchants = event_id_list(doc, "merchant_ids", "楚商楚才");
    auto people = event_id_list(doc, "person_ids", "返乡人员");
    return json_response(200, service::add_event_invitees(ctx.db, p, id, merchants, people));
  });
  r.add("DELETE", "/api/v1/events/{id}/invitees/{invitee_id}", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    int64_t id = path_id(req);
    return json_response(200,
                         service::remove_event_invitee(ctx.db, p, id, path_id(req, "invitee_id")));
  });
  r.add("POST", "/api/v1/events/{id}/invitees/{invitee_id}/check-in", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    int64_t id = path_id(req);
    return json_response(
        200, service::set_event_check_in(ctx.db, p, id, path_id(req, "invitee_id"), true));
  });
  r.add("DELETE", "/api/v1/events/{id}/invitees/{invitee_id}/check-in", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    int64_t id = path_id(req);
    return json_response(
        200, service::set_event_check_in(ctx.db, p, id, path_id(req, "invitee_id"), false));
  });
  r.add("POST", "/api/v1/events/{id}/outcomes", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    int64_t id = path_id(req);
    JsonBody body(req.body);
    service::OutcomeInput in;
    in.project_id = body.opt_int("project_id", "签约项目");
    in.amount_wan = body.opt_int("amount_wan", "签约金额（万元）");
    in.signed_on = body.opt_str("signed_on", "签约日期", 10);
    in.notes = body.opt_str("notes", "说明", 500);
    body.finish();
    return json_response(201, service::add_event_outcome(ctx.db, p, id, in));
  });
  r.add("DELETE", "/api/v1/events/{id}/outcomes/{outcome_id}", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    int64_t id = path_id(req);
    return json_response(200,
                         service::remove_event_outcome(ctx.db, p, id, path_id(req, "outcome_id")));
  });
}

}  // namespace guiyan::http
