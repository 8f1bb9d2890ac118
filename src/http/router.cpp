#include "http/router.h"

#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "http/api_error.h"
#include "store/db.h"

namespace guiyan::http {
namespace {

std::vector<std::string> split_path(std::string_view path) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    if (slash > start) out.emplace_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return out;
}

bool match(const std::vector<std::string>& pattern, const std::vector<std::string>& parts,
           std::map<std::string, std::string>* params) {
  if (pattern.size() != parts.size()) return false;
  for (size_t i = 0; i < parts.size(); ++i) {
    const std::string& p = pattern[i];
    if (p.size() > 2 && p.front() == '{' && p.back() == '}') {
      (*params)[p.substr(1, p.size() - 2)] = parts[i];
    } else if (p != parts[i]) {
      return false;
    }
  }
  return true;
}

}  // namespace

void refuse_unread_params(const Request& req) {
  std::string name = req.unread_query_param();
  if (!name.empty()) {
    throw bad_request(name, "不支持的查询参数“" + name + "”，请检查拼写", "unknown_parameter");
  }
}

Response error_response(int status, const std::string& code, const std::string& message,
                        const std::string& field) {
  nlohmann::json err{{"code", code}, {"message", message}};
  if (!field.empty()) err["field"] = field;
  Response r;
  r.status = status;
  r.body = nlohmann::json{{"error", err}}.dump();
  return r;
}

void Router::add(std::string method, std::string pattern, Handler handler, bool reads_query) {
  auto segments = split_path(pattern);
  routes_.push_back({std::move(method), std::move(pattern), std::move(segments), std::move(handler),
                     reads_query});
}

Response Router::dispatch(Request& req) const {
  auto parts = split_path(req.path);
  bool path_matched = false;
  for (const Route& r : routes_) {
    std::map<std::string, std::string> params;
    if (!match(r.segments, parts, &params)) continue;
    path_matched = true;
    if (r.method != req.method) continue;
    req.params = std::move(params);
    try {
      if (req.method != "GET" && !r.reads_query) refuse_unread_params(req);
      Response out = r.handler(req);
      // A GET reads: answering 400 after it changes nothing (those that audit check first).
      if (req.method == "GET" && out.status < 400 && !req.unread_query_param().empty()) {
        if (!out.temp_file.empty()) std::remove(out.temp_file.c_str());
        refuse_unread_params(req);
      }
      return out;
    } catch (const ApiError& e) {
      return error_response(e.status(), e.code(), e.what(), e.field());
    } catch (const store::DbError& e) {
      switch (e.kind()) {
        case store::DbErrorKind::busy:
        case store::DbErrorKind::unavailable:
          return error_response(503, "database_unavailable", "数据库暂时不可用，请稍后重试");
        case store::DbErrorKind::unique_violation:
          return error_response(409, "duplicate", "该记录已存在，请勿重复提交");
        case store::DbErrorKind::foreign_key:
          return error_response(409, "conflict", "关联的记录不存在或仍被引用");
        case store::DbErrorKind::check_violation:
          return error_response(400, "invalid", "数据不符合要求，请检查后重试");
        default:
          std::cerr << "internal error: " << req.method << " " << req.path << ": " << e.what()
                    << std::endl;
          return error_response(500, "internal", "服务器内部错误，请联系管理员");
      }
    } catch (const std::exception& e) {
      std::cerr << "internal error: " << req.method << " " << req.path << ": " << e.what()
                << std::endl;
      return error_response(500, "internal", "服务器内部错误，请联系管理员");
    }
  }
  if (path_matched) return error_response(405, "method_not_allowed", "不支持该请求方法");
  return error_response(404, "no_such_endpoint", "接口不存在：" + req.path);
}

std::vector<std::pair<std::string, std::string>> Router::routes() const {
  std::vector<std::pair<std::string, std::string>> out;
  for (const Route& r : routes_) out.emplace_back(r.method, r.pattern);
  return out;
}

}  // namespace guiyan::http
