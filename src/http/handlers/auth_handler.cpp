// /api/v1/auth: login, logout, me.
#include "http/api_context.h"
#include "http/json_body.h"
#include "service/region_service.h"

namespace guiyan::http {
namespace {

const char* scope_name(const std::string& kind) {
  if (kind == "all") return "全部数据";
  if (kind == "regions") return "指定区域";
  if (kind == "own_region") return "本区域";
  if (kind == "own_region_down") return "本区域及下级";
  if (kind == "own_records") return "仅本人";
  return "无";
}

nlohmann::json me_json(store::Db& db, const service::Principal& p) {
  auto conn = db.acquire();
  nlohmann::json roles = nlohmann::json::array();
  for (const auto& r : store::query(*conn,
                                    "SELECT r.key, r.name FROM user_role ur JOIN role r ON r.id = "
                                    "ur.role_id WHERE ur.user_id = $1 ORDER BY r.id",
                                    {p.user_id})) {
    roles.push_back({{"key", r.text(0)}, {"name", r.text(1)}});
  }
  nlohmann::json dept = nullptr;
  if (p.department_id) {
    auto d =
        store::query_one(*conn, "SELECT name FROM department WHERE id = $1", {*p.department_id});
    if (d) dept = {{"id", *p.department_id}, {"name", d->text(0)}};
  }
  auto region =
      store::query_one(*conn, "SELECT name, level FROM region WHERE code = $1", {p.region_code});
  nlohmann::json scopes = nlohmann::json::array();
  for (const auto& s : p.scopes) {
    scopes.push_back({{"kind", s.kind}, {"name", scope_name(s.kind)}, {"regions", s.regions}});
  }
  return {{"id", p.user_id},
          {"username", p.username},
          {"display_name", p.display_name},
          {"department", dept},
          {"region",
           {{"code", p.region_code},
            {"name", region ? region->text(0) : ""},
            {"level", region ? region->i64(1) : 0}}},
          {"roles", roles},
          {"permissions", p.permissions},
          {"data_scope", scopes}};
}

std::string cookie(const ApiContext& ctx, const std::string& value, long max_age) {
  return "guiyan_session=" + value +
         "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age) +
         (ctx.secure_cookie ? "; Secure" : "");
}

}  // namespace

void add_auth_routes(Router& r, ApiContext& ctx) {
  r.add("POST", "/api/v1/auth/login", [&ctx](Request& req) {
    JsonBody body(req.body);
    std::string username = body.str("username", "用户名", 64);
    std::string password = body.secret("password", "密码", 128);
    body.finish();
    auto result = service::login(ctx.db, username, password, req.remote_ip, core::now(), ctx.auth);
    auto resp = json_response(200, {{"token", result.token},
                                    {"expires_at", result.expires_at},
                                    {"user", me_json(ctx.db, result.principal)}});
    long max_age = std::chrono::duration_cast<std::chrono::seconds>(ctx.auth.max_lifetime).count();
    resp.headers.emplace_back("Set-Cookie", cookie(ctx, result.token, max_age));
    return resp;
  });
  r.add("POST", "/api/v1/auth/logout", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    service::logout(ctx.db, session_token(req), p);
    auto resp = json_response(200, nlohmann::json::object());
    resp.headers.emplace_back("Set-Cookie", cookie(ctx, "", 0));
    return resp;
  });
  r.add("GET", "/api/v1/auth/me", [&ctx](Request& req) {
    auto p = authenticate(ctx, req);
    return json_response(200, me_json(ctx.db, p));
  });
}

}  // namespace guiyan::http
