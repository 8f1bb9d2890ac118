// Reads of the reference data: regions (province → village) and GB/T 4754 industries.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "store/db.h"

namespace guiyan::service {

// True when the region code exists.
bool region_exists(store::Conn& c, const std::string& code);

// The region's name, or nullopt when unknown.
std::optional<std::string> region_name(store::Conn& c, const std::string& code);

// {"items":[{code,name,level,parent_code,has_children}]}: the children of `parent`, or the
// province when parent is empty; 404 when parent does not exist.
nlohmann::json region_children(store::Db& db, const std::string& parent);
// The same on a connection the caller holds: code that already holds one must not wait for a
// second (with every pooled connection held that way, nobody gets one). From the region tree in
// memory (service/region_tree), read through `c` once per database.
nlohmann::json region_children(store::Db& db, store::Conn& c, const std::string& parent);

// {code,name,level,parent_code,path:[…province … itself]}; 404 when unknown.
nlohmann::json region_with_path(store::Db& db, const std::string& code);

// {"items":[{code,name,parent}]} of all industry sections and divisions.
nlohmann::json industries(store::Db& db);

}  // namespace guiyan::service
