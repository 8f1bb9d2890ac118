// The parameters several policies share (the LPR …) as versioned data: shipped in
// data/policies/parameters.toml (version 1), extended in the console by province staff with new
// dated values — a value once in force is never changed or removed, so past evaluations stay
// reproducible.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "rules/parameter.h"
#include "service/principal.h"
#include "store/db.h"

namespace guiyan::service {

struct SharedParameters {
  int version = 0;  // 0 when none is saved yet (then the shipped file)
  std::shared_ptr<const rules::ParameterSet> set;
};

// The current version, read once per version (another process's save is seen on the next call).
SharedParameters shared_parameters(store::Conn& c);

// Saves the shipped file as version 1 when the table is empty; safe from several processes.
void sync_shipped_parameters(store::Conn& c);

// {"version","parameters":{…},"editable","versions":[{"version","note","created_at",
// "created_by_name"}]} (needs policy:read).
nlohmann::json get_shared_parameters_api(store::Db& db, const Principal& p);

// Saves a new version (policy:write, and the whole province in the account's scope): 400 naming
// the parameter when a value in force was changed or removed, or when a policy no longer
// compiles with the new set; audited with both versions.
nlohmann::json save_shared_parameters_api(store::Db& db, const Principal& p,
                                          const nlohmann::json& parameters,
                                          const std::string& note);

}  // namespace guiyan::service
