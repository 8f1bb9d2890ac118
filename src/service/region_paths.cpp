#include "service/region_paths.h"

#include <algorithm>

namespace guiyan::service {

const RegionPaths& RegionPaths::load(store::Conn& c) {
  std::call_once(once_, [&] {
    std::unordered_map<std::string, Region> read;
    c.run("SELECT code, name, COALESCE(parent_code, '') FROM region", {}, [&](const store::Row& r) {
      read[r.text(0)] = {r.text(1), r.text(2), {}};
    });
    regions_ = std::move(read);
    for (auto& [code, region] : regions_) {
      for (const auto& name : path(code)) region.text += (region.text.empty() ? "" : "/") + name;
    }
  });
  return *this;
}

std::vector<std::string> RegionPaths::path(const std::string& code) const {
  std::vector<std::string> names;
  // The chain stops at the province (no parent) and is bounded against a cycle in bad data.
  for (auto it = regions_.find(code);
       it != regions_.end() && !it->second.parent.empty() && names.size() < 8;
       it = regions_.find(it->second.parent)) {
    names.push_back(it->second.name);
  }
  std::reverse(names.begin(), names.end());
  return names;
}

const std::string& RegionPaths::text(const std::string& code) const {
  static const std::string none;
  auto it = regions_.find(code);
  return it == regions_.end() ? none : it->second.text;
}

const RegionPaths& region_paths(store::Db& db, store::Conn& c) {
  return db.attachment<RegionPaths>().load(c);
}

void attach_region_path(store::Db& db, store::Conn& c, nlohmann::json& record, const char* code_key,
                        const char* path_key) {
  if (!record.is_object()) return;
  auto code = record.find(code_key);
  record[path_key] = code != record.end() && code->is_string()
                         ? region_paths(db, c).path(code->get<std::string>())
                         : std::vector<std::string>{};
}

void attach_region_paths(store::Db& db, store::Conn& c, nlohmann::json& items, const char* code_key,
                         const char* path_key) {
  for (auto& item : items) attach_region_path(db, c, item, code_key, path_key);
}

}  // namespace guiyan::service
