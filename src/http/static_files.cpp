#include "http/static_files.h"

#include <fstream>
#include <sstream>

#include "http/router.h"

namespace guiyan::http {

StaticFiles::StaticFiles(std::string root) : root_(std::move(root)) {}

std::string content_type_for(const std::string& path) {
  auto dot = path.rfind('.');
  std::string ext = dot == std::string::npos ? "" : path.substr(dot + 1);
  if (ext == "html") return "text/html; charset=utf-8";
  if (ext == "js" || ext == "mjs") return "text/javascript; charset=utf-8";
  if (ext == "css") return "text/css; charset=utf-8";
  if (ext == "json") return "application/json; charset=utf-8";
  if (ext == "svg") return "image/svg+xml";
  if (ext == "png") return "image/png";
  if (ext == "ico") return "image/x-icon";
  if (ext == "woff2") return "font/woff2";
  if (ext == "woff") return "font/woff";
  if (ext == "ttf") return "font/ttf";
  return "application/octet-stream";
}

std::optional<std::string> StaticFiles::read(const std::string& rel) {
  {
    std::lock_guard lock(mu_);
    if (auto it = cache_.find(rel); it != cache_.end()) return it->second;
  }
  std::ifstream in(root_ + "/" + rel, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream ss;
  ss << in.rdbuf();
  std::lock_guard lock(mu_);
  return cache_.emplace(rel, ss.str()).first->second;
}

Response StaticFiles::serve(const Request& req) {
  if (req.method != "GET" && req.method != "HEAD") {
    return error_response(405, "method_not_allowed", "不支持该请求方法");
  }
  std::string rel = req.path.empty() || req.path == "/" ? "index.html" : req.path.substr(1);
  if (rel.find("..") != std::string::npos || rel.find('\0') != std::string::npos) {
    return error_response(404, "not_found", "页面不存在");
  }
  auto content = read(rel);
  bool fallback = false;
  if (!content && rel.find('.') == std::string::npos) {
    content = read("index.html");  // client-side routes
    fallback = true;
    rel = "index.html";
  }
  if (!content) {
    if (rel == "index.html") {
      Response r;
      r.status = 503;
      r.content_type = "text/html; charset=utf-8";
      r.body =
          "<!doctype html><meta charset=utf-8><title>归雁</title><p>前端页面尚未构建：请在项目目录"
          "运行 <code>make run</code>（或 <code>make web</code>）。接口在 /api/v1/ 下可用。</p>";
      return r;
    }
    return error_response(404, "not_found", "文件不存在：" + req.path);
  }
  Response r;
  r.content_type = content_type_for(rel);
  r.body = req.method == "HEAD" ? std::string{} : *content;
  bool hashed = rel.rfind("assets/", 0) == 0 && !fallback;
  r.headers.emplace_back("Cache-Control",
                         hashed ? "public, max-age=31536000, immutable" : "no-cache");
  if (rel == "index.html") {
    r.headers.emplace_back("Content-Security-Policy",
                           "default-src 'self'; style-src 'self' 'unsafe-inline'; "
                           "img-src 'self' data:; font-src 'self' data:; frame-ancestors 'none'");
    r.headers.emplace_back("X-Frame-Options", "DENY");
  }
  return r;
}

}  // namespace guiyan::http
