// /api/v1/policies: the catalogue, its versions, and evaluations.
#include "http/api_context.h"
#include "http/api_error.h"
#include "http/json_body.h"
#include "service/policy_evaluation.h"
#include "service/policy_matches.h"
#include "service/policy_parameters.h"
#include "service/policy_service.h"

namespace guiyan::http {
namespace {

nlohmann::json parse_body(const Request& req) {
  try {
    return nlohmann::json::parse(req.body);
  } catch (const nlohmann::json::exception&) {
    throw bad_request("", "请求内容不是有效的 JSON", "invalid_json");
  }
}

// {"definition":{…},"note":"…"} of a policy save.
std::pair<nlohmann::json, std::string> read_save(const Request& req, bool note_required) {
  auto body = parse_body(req);
  if (!body.is_object()) throw bad_request("", "请求内容应为对象");
  for (const auto& [key, value] : body.items()) {
    if (key != "definition" && key != "note") {
      throw bad_request(key, "未知字段“" + key + "”", "unknown_field");
    }
  }
  if (!body.contains("definition") || !body["definition"].is_object()) {
    throw bad_request("definition", "缺少政策定义 definition");
  }
  std::string note =
      body.contains("note") && body["note"].is_string() ? body["note"].get<std::string>() : "";
  if (note_required && note.empty()) throw bad_request("note", "请填写修改说明");
  if (note.size() > 600) throw bad_request("note", "修改说明不能超过200字");
  return {body["definition"], note};
}

}  // namespace

void add_policy_routes(Router& r, ApiContext& ctx) {
  r.add("GET", "/api/v1/policies", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    service::PolicyFilter f;
    f.region = req.query_param("region");
    f.kind = req.query_param("kind");
    f.subject = req.query_param("subject");
    f.award = req.query_param("award");
    f.q = req.query_param("q");
    return json_response(200, service::list_policies(ctx.db, p, f));
  });
  r.add("GET", "/api/v1/policies/vocabulary", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    service::require(p, "policy:read");
    return json_response(200, service::policy_vocabulary());
  });
  r.add("GET", "/api/v1/policies/parameters", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    return json_response(200, service::get_shared_parameters_api(ctx.db, p));
  });
  r.add("PUT", "/api/v1/policies/parameters", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    auto body = parse_body(req);
    if (!body.is_object() || !body.contains("parameters") || !body["parameters"].is_object()) {
      throw bad_request("parameters", "缺少参数 parameters");
    }
    for (const auto& [key, value] : body.items()) {
      if (key != "parameters" && key != "note") {
        throw bad_request(key, "未知字段“" + key + "”", "unknown_field");
      }
    }
    if (body.contains("note") && !body["note"].is_string()) {
      throw bad_request("note", "修改说明应为文本");
    }
    std::string note = body.value("note", "");
    return json_response(200,
                         service::save_shared_parameters_api(ctx.db, p, body["parameters"], note));
  });
  r.add("POST", "/api/v1/policies/evaluate", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    return json_response(200, service::evaluate_policies_api(ctx.db, p, parse_body(req)));
  });
  r.add("GET", "/api/v1/policies/{id}", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    return json_response(200, service::get_policy(ctx.db, p, path_id(req)));
  });
  r.add("GET", "/api/v1/policies/{id}/versions/{version}", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    int64_t version = path_id(req, "version");
    return json_response(
        200, service::get_policy_version(ctx.db, p, path_id(req), static_cast<int>(version)));
  });
  auto match_filter = [](const Request& req) {
    service::MatchFilter f;
    f.region = req.query_param("region");
    if (!req.query_param("verdict").empty()) f.verdict = req.query_param("verdict");
    f.work_status = req.query_param("work_status");
    std::tie(f.limit, f.offset) = page_params(req);
    return f;
  };
  r.add("GET", "/api/v1/policies/{id}/matches", [&ctx, match_filter](Request& req) {
    auto p = authenticate(ctx, req);
    return json_response(200,
                         service::policy_matches_api(ctx.db, p, path_id(req), match_filter(req)));
  });
  r.add("GET", "/api/v1/policies/{id}/matches/export", [&ctx, match_filter](Request& req) {
    auto p = authenticate(ctx, req);
    std::string format = req.query_param("format").empty() ? "xlsx" : req.query_param("format");
    auto f = match_filter(req);
    refuse_unread_params(req);  // before the export is made and audited
    std::string path = service::export_policy_matches(ctx.db, p, path_id(req), f, format);
    return file_response(path, "政策找人名单." + format);
  });
  r.add("POST", "/api/v1/policies/{id}/entitlements", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    int64_t id = path_id(req);
    auto doc = parse_json_object(req.body);
    std::optional<std::vector<int64_t>> people;
    if (doc.contains("person_ids")) {
      const auto& list = doc["person_ids"];
      if (!list.is_array()) throw bad_request("person_ids", "应为人员编号列表");
      people.emplace();
      for (const auto& v : list) {
        if (!v.is_number_integer()) throw bad_request("person_ids", "应为人员编号列表");
        people->push_back(v.get<int64_t>());
      }
      doc.erase("person_ids");
    }
    JsonBody body(doc.dump());
    std::string region = body.opt_str("region", "地区", 12).value_or("");
    body.finish();
    return json_response(200, service::confirm_entitlements(ctx.db, p, id, region, people));
  });
  r.add("PUT", "/api/v1/policies/{id}/matches/{subject_id}", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    int64_t id = path_id(req);
    int64_t subject = path_id(req, "subject_id");
    JsonBody body(req.body);
    std::string status = body.str("work_status", "处理状态", 20);
    auto note = body.opt_str("note", "处理说明", 500, true);
    body.finish();
    return json_response(200, service::set_match_work(ctx.db, p, id, subject, status, note));
  });
  r.add("POST", "/api/v1/policies", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    auto [definition, note] = read_save(req, false);
    return json_response(201, service::create_policy(ctx.db, p, definition));
  });
  r.add("PUT", "/api/v1/policies/{id}", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    int64_t id = path_id(req);
    auto [definition, note] = read_save(req, true);
    return json_response(200, service::update_policy(ctx.db, p, id, definition, note));
  });
}

}  // namespace guiyan::http
