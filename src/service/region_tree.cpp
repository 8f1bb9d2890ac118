#include "service/region_tree.h"

#include <algorithm>

namespace guiyan::service {

const RegionTree& RegionTree::load(store::Conn& c) {
  std::call_once(once_, [&] {
    std::unordered_map<std::string, Region> read;
    std::vector<std::string> roots;
    c.run("SELECT code, name, COALESCE(parent_code, ''), level FROM region", {},
          [&](const store::Row& r) {
            read[r.text(0)] = {r.text(1), r.text(2), {}, r.i64(3), {}};
          });
    regions_ = std::move(read);
    for (auto& [code, region] : regions_) {
      for (const auto& name : path(code)) region.text += (region.text.empty() ? "" : "/") + name;
      auto parent = regions_.find(region.parent);
      if (parent != regions_.end()) {
        parent->second.children.push_back(code);
      } else {
        roots.push_back(code);
      }
    }
    for (auto& [code, region] : regions_) std::sort(region.children.begin(), region.children.end());
    std::sort(roots.begin(), roots.end());
    roots_ = std::move(roots);
  });
  return *this;
}

bool RegionTree::holds(const std::string& code) const {
  return regions_.count(code) > 0;
}

const std::string& RegionTree::name(const std::string& code) const {
  static const std::string none;
  auto it = regions_.find(code);
  return it == regions_.end() ? none : it->second.name;
}

std::vector<std::string> RegionTree::path(const std::string& code) const {
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

const std::string& RegionTree::text(const std::string& code) const {
  static const std::string none;
  auto it = regions_.find(code);
  return it == regions_.end() ? none : it->second.text;
}

nlohmann::json RegionTree::with_path(const std::string& code) const {
  auto self = regions_.find(code);
  if (self == regions_.end()) return nullptr;
  nlohmann::json path = nlohmann::json::array();
  // Up to the province (no parent), bounded against a cycle in bad data.
  for (auto it = self; it != regions_.end() && path.size() < 8;
       it = regions_.find(it->second.parent)) {
    nlohmann::json step = {
        {"code", it->first}, {"name", it->second.name}, {"level", it->second.level}};
    path.insert(path.begin(), std::move(step));  // one element (a braced list would be many)
  }
  const Region& r = self->second;
  return {{"code", code},
          {"name", r.name},
          {"level", r.level},
          {"parent_code", r.parent.empty() ? nlohmann::json() : nlohmann::json(r.parent)},
          {"path", path}};
}

nlohmann::json RegionTree::children(const std::string& parent) const {
  nlohmann::json items = nlohmann::json::array();
  const std::vector<std::string>* codes = &roots_;
  if (!parent.empty()) {
    auto it = regions_.find(parent);
    if (it == regions_.end()) return {{"items", items}};
    codes = &it->second.children;
  }
  for (const auto& code : *codes) {
    const Region& r = regions_.at(code);
    items.push_back(
        {{"code", code},
         {"name", r.name},
         {"level", r.level},
         {"parent_code", r.parent.empty() ? nlohmann::json() : nlohmann::json(r.parent)},
         {"has_children", !r.children.empty()}});
  }
  return {{"items", items}};
}

const RegionTree& region_tree(store::Db& db, store::Conn& c) {
  return db.attachment<RegionTree>().load(c);
}

void attach_region_path(store::Db& db, store::Conn& c, nlohmann::json& record, const char* code_key,
                        const char* path_key) {
  if (!record.is_object()) return;
  auto code = record.find(code_key);
  record[path_key] = code != record.end() && code->is_string()
                         ? region_tree(db, c).path(code->get<std::string>())
                         : std::vector<std::string>{};
}

void attach_region_paths(store::Db& db, store::Conn& c, nlohmann::json& items, const char* code_key,
                         const char* path_key) {
  for (auto& item : items) attach_region_path(db, c, item, code_key, path_key);
}

}  // namespace guiyan::service
