// The server's own request and response types; handlers never see the HTTP library.
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace guiyan::http {

struct Request {
  std::string method;                          // "GET", "POST" …
  std::string path;                            // decoded path without the query string
  std::map<std::string, std::string> query;    // decoded query parameters (last one wins)
  std::map<std::string, std::string> headers;  // lower-case names
  std::map<std::string, std::string> params;   // path parameters the router matched
  std::string body;
  std::string remote_ip;
  mutable std::set<std::string> query_asked;  // the names query_param was called with

  // The header value, or "" when absent; `name` in lower case.
  std::string header(const std::string& name) const;
  // The query parameter, or "" when absent. Remembers that the handler asked for `name`.
  std::string query_param(const std::string& name) const;
  // The first query parameter (by name) no query_param call has asked for, or "" when there is
  // none: a parameter the endpoint does not take, such as a misspelt filter.
  std::string unread_query_param() const;
  // The value of cookie `name`, or "" when absent.
  std::string cookie(std::string_view name) const;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  // When set, the body is this file (sent with sendfile, constant memory), deleted afterwards.
  std::string temp_file;
};

}  // namespace guiyan::http
