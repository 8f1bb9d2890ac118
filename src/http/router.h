// Maps method + path patterns ("/api/v1/users/{id}") to handlers.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "http/message.h"

namespace guiyan::http {

using Handler = std::function<Response(Request&)>;

class Router {
 public:
  // Adds a route; `pattern` segments in braces match one path segment into req.params.
  void add(std::string method, std::string pattern, Handler handler);
  // Handles req: the matching route's response; 404 when no pattern matches the path,
  // 405 when one matches with another method. ApiError and other exceptions become JSON errors.
  Response dispatch(Request& req) const;
  // Every (method, pattern) registered, in registration order.
  std::vector<std::pair<std::string, std::string>> routes() const;

 private:
  struct Route {
    std::string method;
    std::string pattern;
    std::vector<std::string> segments;
    Handler handler;
  };
  std::vector<Route> routes_;
};

// The JSON error response for status/code/message/field.
Response error_response(int status, const std::string& code, const std::string& message,
                        const std::string& field = {});

}  // namespace guiyan::http
