// The region table in memory: where a region lies, as offices write it — the names from the city
// down to the region (荆州市/公安县/埠河镇/埠河社区居民委员会); a village's name alone is
// ambiguous across the province (many a 新华村), so ledgers and lists show the path — and each
// region's children, which every list counts by. Lists ask both on every request; reading them
// from the database cost two round trips per list (PostgreSQL: about a millisecond).
#pragma once

#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <unordered_map>
#include <vector>

#include "store/db.h"

namespace guiyan::service {

// The region table's names, levels, parents and children, read once per database (a Db
// attachment): regions are reference data that only a migration writes.
class RegionTree {
 public:
  // Reads the region table through `c` on the first call (28,652 rows, some 30 ms); later calls
  // return at once. Thread-safe; a failed read is retried by the next call.
  const RegionTree& load(store::Conn& c);

  // True when the table holds `code`. Call after load (as for everything below).
  bool holds(const std::string& code) const;

  // The region's own name; "" for a code the table does not hold.
  const std::string& name(const std::string& code) const;

  // The names from the city (or a county directly under the province) down to `code` itself;
  // empty for the province and for a code the table does not hold.
  std::vector<std::string> path(const std::string& code) const;

  // path(code) joined by "/", the form RegionResolver reads back; "" when empty. Worked out
  // once per region at load: a million-row export asks for it on every row.
  const std::string& text(const std::string& code) const;

  // {code,name,level,parent_code,path:[{code,name,level} from the province down to itself]};
  // null for a code the table does not hold.
  nlohmann::json with_path(const std::string& code) const;

  // {"items":[{code,name,level,parent_code,has_children}]}: the children of `parent` by code,
  // or the regions without a parent (the province) when `parent` is empty; no items for a code
  // the table does not hold.
  nlohmann::json children(const std::string& parent) const;

 private:
  struct Region {
    std::string name, parent, text;
    int64_t level = 0;
    std::vector<std::string> children;  // by code
  };
  std::once_flag once_;
  std::unordered_map<std::string, Region> regions_;
  std::vector<std::string> roots_;  // by code
};

// The region tree of `db`, loaded through `c` (a connection the caller holds).
const RegionTree& region_tree(store::Db& db, store::Conn& c);

// Sets `path_key` of a record (a JSON object; anything else is left alone) to the path (an
// array of names) of its `code_key`: what the pages show where a record lies.
void attach_region_path(store::Db& db, store::Conn& c, nlohmann::json& record, const char* code_key,
                        const char* path_key);
// The same for each item of a list.
void attach_region_paths(store::Db& db, store::Conn& c, nlohmann::json& items, const char* code_key,
                         const char* path_key);

}  // namespace guiyan::service
