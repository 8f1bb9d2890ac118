#include "http/api_context.h"

#include <charconv>
#include <cstdio>

#include "http/api_error.h"
#include "service/vocabulary_sync.h"

namespace guiyan::http {
namespace {

std::optional<int64_t> parse_int(const std::string& s) {
  int64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc{} || p != s.data() + s.size()) return std::nullopt;
  return v;
}

}  // namespace

std::string session_token(const Request& req) {
  std::string auth = req.header("authorization");
  if (auth.rfind("Bearer ", 0) == 0) return auth.substr(7);
  return req.cookie("guiyan_session");
}

service::Principal authenticate(const ApiContext& ctx, const Request& req) {
  auto p = service::authenticate(ctx.db, session_token(req), req.remote_ip, core::now(), ctx.auth);
  if (!p) throw ApiError(401, "unauthenticated", "未登录或登录已过期，请重新登录");
  // Another server may have edited the skills or labour brands: every signed-in request sees
  // them as the database holds them (one cheap read of a revision number).
  service::sync_vocabularies(ctx.db);
  return *p;
}

Response json_response(int status, const nlohmann::json& body) {
  Response r;
  r.status = status;
  r.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

int64_t path_id(const Request& req, const std::string& name) {
  auto it = req.params.find(name);
  auto v = it == req.params.end() ? std::nullopt : parse_int(it->second);
  if (!v || *v <= 0) throw not_found();
  return *v;
}

std::optional<bool> bool_param(const Request& req, const std::string& name) {
  std::string v = req.query_param(name);
  if (v.empty()) return std::nullopt;
  if (v == "true") return true;
  if (v == "false") return false;
  throw bad_request(name, "参数“" + name + "”应为 true 或 false");
}

std::optional<int64_t> int_param(const Request& req, const std::string& name) {
  std::string s = req.query_param(name);
  if (s.empty()) return std::nullopt;
  auto v = parse_int(s);
  if (!v) throw bad_request(name, "参数“" + name + "”应为整数");
  return v;
}

std::pair<int64_t, int64_t> page_params(const Request& req) {
  int64_t limit = int_param(req, "limit").value_or(50);
  int64_t offset = int_param(req, "offset").value_or(0);
  if (limit < 1 || limit > 500) throw bad_request("limit", "每页条数应在1到500之间");
  if (offset < 0) throw bad_request("offset", "偏移量不能为负数");
  return {limit, offset};
}

Response file_response(const std::string& path, const std::string& filename) {
  Response r;
  r.temp_file = path;
  bool xlsx = filename.size() > 5 && filename.substr(filename.size() - 5) == ".xlsx";
  r.content_type = xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                        : "text/csv; charset=utf-8";
  // RFC 6266/5987: an ASCII fallback plus the UTF-8 name, percent-encoded.
  std::string encoded;
  for (unsigned char c : filename) {
    if (std::isalnum(c) || c == '.' || c == '-' || c == '_') {
      encoded += static_cast<char>(c);
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      encoded += buf;
    }
  }
  r.headers.emplace_back("Content-Disposition", std::string("attachment; filename=\"export.") +
                                                    (xlsx ? "xlsx" : "csv") +
                                                    "\"; filename*=UTF-8''" + encoded);
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

Router build_api(ApiContext& ctx) {
  Router r;
  add_health_routes(r, ctx);
  add_auth_routes(r, ctx);
  add_region_routes(r, ctx);
  add_user_routes(r, ctx);
  add_role_routes(r, ctx);
  add_department_routes(r, ctx);
  add_audit_routes(r, ctx);
  add_duplicate_routes(r, ctx);  // before /people/{id}, which would otherwise take "duplicates"
  add_person_routes(r, ctx);
  add_merchant_routes(r, ctx);
  add_merchant_network_routes(r, ctx);
  add_project_routes(r, ctx);
  add_venture_routes(r, ctx);
  add_import_routes(r, ctx);
  add_vocabulary_routes(r, ctx);
  add_policy_routes(r, ctx);
  add_application_routes(r, ctx);
  add_loan_routes(r, ctx);
  add_indicator_routes(r, ctx);
  add_task_routes(r, ctx);
  add_quarterly_report_routes(r, ctx);
  add_event_routes(r, ctx);
  return r;
}

}  // namespace guiyan::http
