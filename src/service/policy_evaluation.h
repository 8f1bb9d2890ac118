// Evaluating the policies for one subject on one date: every current policy of the subject's kind
// with its verdict, amount and trace (the sentences a clerk reads to the applicant).
#pragma once

#include <nlohmann/json.hpp>

#include "rules/policy.h"
#include "service/policy_service.h"
#include "service/principal.h"
#include "store/db.h"

namespace guiyan::service {

// Body {"person_id"} (a person in scope: the person policies on their record) or {"subject":
// "person"|"venture"|"loan", "situation":{…}} (a "what if" for a walk-in, rules/situation_json.h),
// with an optional "date" (today by default) and "policy_ids" (all current policies otherwise).
// Answers {"date","subject":{…},"items":[{"policy","verdict","verdict_name","amount_fen",
// "amount_is_cap","summary","conditions":[{"label","rule","result","sentence","saw"}],
// "amount_sentence"}]} eligible first. Needs policy:read (and person:read for a person).
nlohmann::json evaluate_policies_api(store::Db& db, const Principal& p, const nlohmann::json& body);

// One policy's evaluation as the API answers it (policy, verdict, amount, conditions, trace).
nlohmann::json evaluation_json(const CurrentPolicy& policy, const rules::Evaluation& evaluation);

}  // namespace guiyan::service
