// The policy catalogue 政策清单: policies as versioned data (rules/policy_reader.h), the shipped
// ones loaded on start, edits kept as new versions, and the compiled current policies.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "rules/policy.h"
#include "service/principal.h"
#include "store/db.h"

namespace guiyan::service {

// Adds each shipped policy (data/policies) whose code the database lacks, as version 1; returns
// how many were added. Safe to run from several processes at once; never changes an edited one.
int sync_shipped_policies(store::Db& db);

struct CurrentPolicy {
  int64_t id = 0;
  int version = 0;
  rules::Policy policy;
};

// Every policy's current version, compiled (cached per id and version, so an edit made by another
// process is picked up on the next call).
std::vector<std::shared_ptr<const CurrentPolicy>> current_policies(store::Conn& c);

// The current version of policy `id`; ApiError 404 when there is none.
std::shared_ptr<const CurrentPolicy> current_policy(store::Conn& c, int64_t id);
// The current version of the policy with this code, or nullptr.
std::shared_ptr<const CurrentPolicy> current_policy_by_code(store::Conn& c,
                                                            const std::string& code);

struct PolicyFilter {
  std::string region;  // policies that apply in this region (issued there or above)
  std::string kind, subject, award, q;
};

// {"items":[PolicySummary…],"total"} ordered by region, kind and name (needs policy:read).
nlohmann::json list_policies(store::Db& db, const Principal& p, const PolicyFilter& f);
// One policy: its summary, current definition and the list of versions (needs policy:read).
nlohmann::json get_policy(store::Db& db, const Principal& p, int64_t id);
// One earlier (or the current) version's definition; 404 when there is none.
nlohmann::json get_policy_version(store::Db& db, const Principal& p, int64_t id, int version);
// Creates a policy from its definition (needs policy:write and the issuing region in scope);
// 400 naming the field of a definition that does not compile, 409 on a taken code.
nlohmann::json create_policy(store::Db& db, const Principal& p, const nlohmann::json& definition);
// Saves a new version of a policy (its code cannot change); `note` says why. Audited with the
// previous and the new definition.
nlohmann::json update_policy(store::Db& db, const Principal& p, int64_t id,
                             const nlohmann::json& definition, const std::string& note);
// The vocabularies of the policy pages: kinds, subjects, award ways, periods, the rule fields.
nlohmann::json policy_vocabulary();

}  // namespace guiyan::service
