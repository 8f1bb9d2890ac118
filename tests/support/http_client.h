// A small blocking HTTP/1.1 client for tests: real sockets against the real server.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace guiyan::testing {

struct HttpResult {
  int status = 0;
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
  // The body parsed as JSON (null when it is not JSON).
  nlohmann::json json() const;
};

class HttpClient {
 public:
  explicit HttpClient(int port) : port_(port) {}
  // Sends one request on a new connection (Connection: close) and reads the whole answer.
  // `headers` are extra header lines ("Name: value").
  HttpResult request(const std::string& method, const std::string& target,
                     const std::string& body = "", const std::vector<std::string>& headers = {});
  // Sends raw bytes on one connection and returns every response read until the peer closes
  // or `expected` responses arrived.
  std::vector<HttpResult> raw(const std::string& bytes, size_t expected);
  // request() with "Authorization: Bearer token" added when token is not empty.
  HttpResult get(const std::string& target, const std::string& token = "");
  HttpResult post(const std::string& target, const nlohmann::json& body,
                  const std::string& token = "");
  HttpResult patch(const std::string& target, const nlohmann::json& body,
                   const std::string& token = "");

 private:
  int port_;
};

// Parses consecutive HTTP responses (Content-Length framed) from `data`.
std::vector<HttpResult> parse_responses(const std::string& data);

}  // namespace guiyan::testing
