// Files compiled into the binary: migrations and reference data.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace guiyan::store {

// The content of an embedded file by its name ("src/store/migrations/001_accounts.sql",
// "data/hubei_regions.csv"), or nullopt when there is none.
std::optional<std::string_view> embedded_file(std::string_view name);

// The names of all embedded files, sorted.
std::vector<std::string_view> embedded_names();

}  // namespace guiyan::store
