// Proactive matching 政策找人: for a policy and a region, everyone the engine finds eligible (or
// undecided for missing data) who has not applied for it or received it in the period — a list
// staff work through (contacted, declined), exportable. The list is kept in policy_match and
// refreshed on each request: fully when the policy's version or the day changed since the last
// run over the region, otherwise only for the records changed since that run.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "service/principal.h"
#include "store/db.h"

namespace guiyan::service {

struct MatchFilter {
  std::string region;                // the account's region when empty
  std::string verdict = "eligible";  // eligible | unknown | all
  std::string work_status;           // open | contacted | declined | "" for all
  int64_t limit = 50, offset = 0;
};

// {"policy","region","run":{"mode":"full"|"changes"|"none","evaluated","ms"},"counts":{open,
// contacted,declined},"items":[{"subject","verdict","amount_fen","summary","work_status",
// "work_note","work_by_name","work_at"}],"total"}. Needs policy:read and application:read.
nlohmann::json policy_matches_api(store::Db& db, const Principal& p, int64_t policy_id,
                                  const MatchFilter& f);

// The same list (every row of the filter) as a .xlsx or .csv ledger file; the caller sends and
// removes it. Audited as an export.
std::string export_policy_matches(store::Db& db, const Principal& p, int64_t policy_id,
                                  const MatchFilter& f, const std::string& format);

// Records what staff did about one subject on the list (open, contacted or declined, with a
// note); audited. Needs application:write.
nlohmann::json set_match_work(store::Db& db, const Principal& p, int64_t policy_id,
                              int64_t subject_id, const std::string& work_status,
                              const std::optional<std::string>& note);

// 免申即享: for an automatic policy, confirms the entitlements of everyone on the region's worklist
// found eligible with a known amount (or only `person_ids` of them) in one go: each gets an
// application already approved (channel automatic) with the day's trace and payout deadline,
// audited. Answers {"created","application_ids","skipped":[{"person_id","name","reason"}]}.
// Needs application:decide; 400 for a policy that is not automatic.
nlohmann::json confirm_entitlements(store::Db& db, const Principal& p, int64_t policy_id,
                                    const std::string& region,
                                    const std::optional<std::vector<int64_t>>& person_ids);

// True for the subject kinds whose worklists the registry can build ("person").
bool matchable_subject(const std::string& subject);

// Re-evaluates a policy over a region now (as a request would) and returns {"mode","evaluated",
// "ms"}; for the command line and the bench.
nlohmann::json refresh_policy_matches(store::Db& db, int64_t policy_id, const std::string& region);

}  // namespace guiyan::service
