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
  // Adds a route; `pattern` segments in braces match one path segment into req.params. A write
  // (any method but GET) takes its input in the body: a query parameter answers 400 before the
  // handler runs, unless `reads_query` (the handler then calls refuse_unread_params itself).
  void add(std::string method, std::string pattern, Handler handler, bool reads_query = false);
  // Handles req: the matching route's response; 404 when no pattern matches the path,
  // 405 when one matches with another method; 400 for a GET whose handler succeeded without
  // asking for one of its query parameters. ApiError and other exceptions become JSON errors.
  Response dispatch(Request& req) const;
  // Every (method, pattern) registered, in registration order.
  std::vector<std::pair<std::string, std::string>> routes() const;

 private:
  struct Route {
    std::string method;
    std::string pattern;
    std::vector<std::string> segments;
    Handler handler;
    bool reads_query = false;
  };
  std::vector<Route> routes_;
};

// Throws 400 unknown_parameter naming the first query parameter the handler has not asked for
// (Request::unread_query_param). Handlers with a side effect (a write, an export, an unmasked or
// audited read) call it once they have read their parameters; the router checks every other
// GET after its handler, so a misspelt filter is refused rather than silently dropped.
void refuse_unread_params(const Request& req);

// The JSON error response for status/code/message/field.
Response error_response(int status, const std::string& code, const std::string& message,
                        const std::string& field = {});

}  // namespace guiyan::http
