#include "service/case_worker_filter.h"

#include <stdexcept>

#include "http/api_error.h"

namespace guiyan::service {

std::optional<int64_t> case_worker_filter(const std::string& value) {
  if (value.empty()) return std::nullopt;
  if (value == "none") return 0;
  size_t used = 0;
  int64_t id = 0;
  try {
    id = std::stoll(value, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used == 0 || used != value.size() || id <= 0) {
    throw http::bad_request("case_worker_id", "服务专员应为用户编号或 none");
  }
  return id;
}

}  // namespace guiyan::service
