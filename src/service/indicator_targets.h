// Targets per region, year and indicator, and the official figures a region enters for an
// indicator that allows it (indicator:write, within the account's data scope, audited); targets
// also come from a sheet (地区, 年度, 指标, 目标值, 来源).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "service/principal.h"
#include "store/db.h"

namespace guiyan::service {

// {"targets":[…],"figures":[…]}: what was entered for the region and its children in the year,
// each {region_code,region_name,indicator_code,indicator_name,unit,value,source,set_at}
// (indicator:read).
nlohmann::json list_targets_api(store::Db& db, const Principal& p, const std::string& region,
                                int year);

// Sets (or replaces) a target from {region_code, year, indicator_code, value, source}; a ratio's
// value is a fraction (0.02 for 2%). Returns the stored target.
nlohmann::json set_target_api(store::Db& db, const Principal& p, const nlohmann::json& body);

// Removes a target (the default then applies); 404 when there was none.
void delete_target_api(store::Db& db, const Principal& p, const std::string& region, int year,
                       const std::string& indicator);

// Sets the official figure of an indicator that allows one, from {region_code, year,
// indicator_code, value, source}; the source is required.
nlohmann::json set_figure_api(store::Db& db, const Principal& p, const nlohmann::json& body);

// Removes an official figure (the computed one then applies); 404 when there was none.
void delete_figure_api(store::Db& db, const Principal& p, const std::string& region, int year,
                       const std::string& indicator);

// Reads targets from an uploaded .xlsx or .csv (`filename` gives the kind) and, unless dry_run,
// stores every valid row in one transaction. {rows, accepted, rejected, errors:[{row, column,
// value, reason}]}; a bad row never stops the others.
nlohmann::json import_targets_api(store::Db& db, const Principal& p, const std::string& filename,
                                  const std::string& content, bool dry_run);

}  // namespace guiyan::service
