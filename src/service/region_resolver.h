// Turns what a sheet says about a place — a region code or a name path such as
// 荆州市/公安县/埠河镇/埠河社区居民委员会 — into a region code.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "store/db.h"

namespace guiyan::service {

class RegionResolver {
 public:
  // Loads every region once (28,651 rows).
  explicit RegionResolver(store::Conn& c);
  // The code, or throws std::invalid_argument with a Chinese reason (unknown, ambiguous) that
  // names the text but not the column (the caller prefixes it).
  std::string resolve(const std::string& text) const;

 private:
  struct Region {
    std::string name, parent;
  };
  std::map<std::string, Region> by_code_;
  std::multimap<std::string, std::string> by_name_;  // name → code
};

}  // namespace guiyan::service
