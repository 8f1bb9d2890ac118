// Serves the built web console (web/dist) with the single-page-app fallback to index.html.
#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "http/message.h"

namespace guiyan::http {

class StaticFiles {
 public:
  // Serves files below `root`; an empty or missing root answers a Chinese hint page.
  explicit StaticFiles(std::string root);
  // The file for a GET/HEAD of req.path; index.html for paths without a file extension.
  Response serve(const Request& req);

 private:
  std::optional<std::string> read(const std::string& rel);
  std::string root_;
  std::mutex mu_;
  std::map<std::string, std::string> cache_;
};

// The Content-Type for a file name by its extension.
std::string content_type_for(const std::string& path);

}  // namespace guiyan::http
