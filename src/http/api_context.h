// What every handler needs: the database, settings, and helpers to authenticate and answer.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <string>

#include "http/message.h"
#include "http/router.h"
#include "service/auth_service.h"
#include "service/principal.h"
#include "store/db.h"

namespace guiyan::http {

struct ApiContext {
  store::Db& db;
  service::AuthSettings auth;
  std::string version;
  bool secure_cookie = false;                 // add Secure to the session cookie (behind HTTPS)
  std::function<void()> imports_queued = {};  // wakes this process's import worker
};

// A download of a temporary file (deleted once sent) named `filename` for the browser.
Response file_response(const std::string& path, const std::string& filename);

// The principal of the request's session (cookie or bearer token); throws ApiError 401. Also
// brings the editable vocabularies up to date (service/vocabulary_sync.h).
service::Principal authenticate(const ApiContext& ctx, const Request& req);

// The session token the request carries (bearer first, then cookie), or "".
std::string session_token(const Request& req);

// A JSON response.
Response json_response(int status, const nlohmann::json& body);

// Parses a path parameter as a positive id; 404 when it is not one.
int64_t path_id(const Request& req, const std::string& name = "id");

// limit (1–500, default 50) and offset (≥ 0) from the query string; 400 when malformed.
std::pair<int64_t, int64_t> page_params(const Request& req);

// An optional "true"/"false" query parameter; 400 for another value.
std::optional<bool> bool_param(const Request& req, const std::string& name);
// An optional integer query parameter; 400 when present but not an integer.
std::optional<int64_t> int_param(const Request& req, const std::string& name);

// Registers each resource's routes.
void add_health_routes(Router& r, ApiContext& ctx);
void add_auth_routes(Router& r, ApiContext& ctx);
void add_region_routes(Router& r, ApiContext& ctx);
void add_user_routes(Router& r, ApiContext& ctx);
void add_role_routes(Router& r, ApiContext& ctx);
void add_department_routes(Router& r, ApiContext& ctx);
void add_audit_routes(Router& r, ApiContext& ctx);
void add_person_routes(Router& r, ApiContext& ctx);
void add_merchant_routes(Router& r, ApiContext& ctx);
void add_merchant_network_routes(Router& r, ApiContext& ctx);
void add_project_routes(Router& r, ApiContext& ctx);
void add_venture_routes(Router& r, ApiContext& ctx);
void add_indicator_routes(Router& r, ApiContext& ctx);
void add_duplicate_routes(Router& r, ApiContext& ctx);
void add_import_routes(Router& r, ApiContext& ctx);
void add_vocabulary_routes(Router& r, ApiContext& ctx);
void add_policy_routes(Router& r, ApiContext& ctx);
void add_application_routes(Router& r, ApiContext& ctx);
void add_loan_routes(Router& r, ApiContext& ctx);
void add_task_routes(Router& r, ApiContext& ctx);
void add_quarterly_report_routes(Router& r, ApiContext& ctx);
void add_event_routes(Router& r, ApiContext& ctx);

// A router with every API route under /api/v1.
Router build_api(ApiContext& ctx);

}  // namespace guiyan::http
