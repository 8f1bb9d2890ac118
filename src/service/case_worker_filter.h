// The case_worker_id filter the people and merchant lists share.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace guiyan::service {

// The filter a case_worker_id parameter asks for: nullopt when empty, 0 for "none" (records
// nobody is assigned), else the user id; throws 400 (field case_worker_id) for anything else.
std::optional<int64_t> case_worker_filter(const std::string& value);

}  // namespace guiyan::service
