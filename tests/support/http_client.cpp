#include "support/http_client.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <stdexcept>

#include "support/loopback.h"

namespace guiyan::testing {
namespace {

int connect_to(int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  inet_pton(AF_INET, loopback_host().c_str(), &addr.sin_addr);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    throw std::runtime_error("cannot connect to port " + std::to_string(port));
  }
  timeval tv{30, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  return fd;
}

void send_all(int fd, const std::string& bytes) {
  size_t sent = 0;
  while (sent < bytes.size()) {
    ssize_t n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;  // the server may close early (e.g. an oversized body); read what it said
    sent += static_cast<size_t>(n);
  }
}

}  // namespace

nlohmann::json HttpResult::json() const {
  return nlohmann::json::parse(body, nullptr, false).is_discarded() ? nlohmann::json()
                                                                    : nlohmann::json::parse(body);
}

std::vector<HttpResult> parse_responses(const std::string& data) {
  std::vector<HttpResult> out;
  size_t pos = 0;
  while (pos < data.size()) {
    size_t head_end = data.find("\r\n\r\n", pos);
    if (head_end == std::string::npos) break;
    std::string head = data.substr(pos, head_end - pos);
    HttpResult r;
    r.status = std::stoi(head.substr(9, 3));
    size_t line = head.find("\r\n");
    while (line != std::string::npos) {
      size_t next = head.find("\r\n", line + 2);
      std::string h =
          head.substr(line + 2, next == std::string::npos ? std::string::npos : next - line - 2);
      auto colon = h.find(':');
      if (colon != std::string::npos) {
        std::string name = h.substr(0, colon);
        for (auto& c : name) c = static_cast<char>(std::tolower(c));
        std::string value = h.substr(colon + 1);
        while (!value.empty() && value.front() == ' ') value.erase(0, 1);
        if (r.headers.count(name)) {
          r.headers[name] += "\n" + value;
        } else {
          r.headers[name] = value;
        }
      }
      line = next;
    }
    size_t length = r.headers.count("content-length") ? std::stoul(r.headers["content-length"]) : 0;
    size_t body_start = head_end + 4;
    if (body_start + length > data.size()) break;
    r.body = data.substr(body_start, length);
    pos = body_start + length;
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<HttpResult> HttpClient::raw(const std::string& bytes, size_t expected) {
  int fd = connect_to(port_);
  send_all(fd, bytes);
  std::string data;
  char buf[65536];
  for (;;) {
    if (parse_responses(data).size() >= expected) break;
    ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n < 0 && errno == EINTR) continue;  // a child process of the test ended, say
    if (n <= 0) break;
    data.append(buf, static_cast<size_t>(n));
  }
  ::close(fd);
  return parse_responses(data);
}

HttpResult HttpClient::request(const std::string& method, const std::string& target,
                               const std::string& body, const std::vector<std::string>& headers) {
  std::string req =
      method + " " + target + " HTTP/1.1\r\nHost: " + loopback_host() + "\r\nConnection: close\r\n";
  for (const auto& h : headers) req += h + "\r\n";
  if (!body.empty() || method == "POST" || method == "PATCH") {
    req +=
        "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) + "\r\n";
  }
  req += "\r\n" + body;
  auto all = raw(req, 1);
  if (all.empty()) return HttpResult{};  // status 0: the server closed without an answer
  return all.front();
}

HttpResult HttpClient::get(const std::string& target, const std::string& token) {
  return request("GET", target, "",
                 token.empty() ? std::vector<std::string>{}
                               : std::vector<std::string>{"Authorization: Bearer " + token});
}

HttpResult HttpClient::post(const std::string& target, const nlohmann::json& body,
                            const std::string& token) {
  return request("POST", target, body.dump(),
                 token.empty() ? std::vector<std::string>{}
                               : std::vector<std::string>{"Authorization: Bearer " + token});
}

HttpResult HttpClient::patch(const std::string& target, const nlohmann::json& body,
                             const std::string& token) {
  return request("PATCH", target, body.dump(),
                 token.empty() ? std::vector<std::string>{}
                               : std::vector<std::string>{"Authorization: Bearer " + token});
}

}  // namespace guiyan::testing
