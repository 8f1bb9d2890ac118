#include "http/message.h"

namespace guiyan::http {

std::string Request::header(const std::string& name) const {
  auto it = headers.find(name);
  return it == headers.end() ? std::string{} : it->second;
}

std::string Request::query_param(const std::string& name) const {
  query_asked.insert(name);
  auto it = query.find(name);
  return it == query.end() ? std::string{} : it->second;
}

std::string Request::unread_query_param() const {
  for (const auto& [name, value] : query) {
    if (!query_asked.count(name)) return name;
  }
  return {};
}

std::string Request::cookie(std::string_view name) const {
  std::string_view all = [&]() -> std::string_view {
    auto it = headers.find("cookie");
    return it == headers.end() ? std::string_view{} : std::string_view{it->second};
  }();
  while (!all.empty()) {
    size_t semi = all.find(';');
    std::string_view part = all.substr(0, semi);
    all = semi == std::string_view::npos ? std::string_view{} : all.substr(semi + 1);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    size_t eq = part.find('=');
    if (eq != std::string_view::npos && part.substr(0, eq) == name) {
      return std::string(part.substr(eq + 1));
    }
  }
  return {};
}

}  // namespace guiyan::http
