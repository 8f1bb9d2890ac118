// Applications for policies 政策申请: submitted (by the person, or by staff on their behalf) →
// reviewed → approved or rejected with a reason → paid. The engine's verdict and trace are kept at
// submission and at decision; one live application per policy, subject and period; the payout is
// due within kPayoutWorkingDays working days of approval (official calendar), later is overdue.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/date.h"
#include "rules/policy.h"
#include "service/policy_service.h"
#include "service/principal.h"
#include "store/db.h"

namespace guiyan::service {

// Working days from approval to payment before an application counts as overdue.
inline constexpr int kPayoutWorkingDays = 60;

struct ApplicationFilter {
  std::string status;  // one status or several, comma-separated
  std::string region, q;
  std::optional<int64_t> policy_id, person_id, venture_id;
  bool overdue_only = false;
  int64_t limit = 50, offset = 0;
};

// {"items":[Application without traces…],"total"} newest first, within the data scope.
nlohmann::json list_applications(store::Db& db, const Principal& p, const ApplicationFilter& f);
// One application with both traces and its deadline; 404 outside the scope.
nlohmann::json get_application(store::Db& db, const Principal& p, int64_t id);
struct SubmitInput {
  int64_t policy_id = 0;
  std::string subject_kind = "person";
  int64_t subject_id = 0;
  std::string channel = "staff";            // staff | self
  std::optional<std::string> submitted_on;  // today when absent
  std::optional<int64_t> amount_requested_fen;
  std::optional<std::string> note;
};
// Evaluates the policy for the subject and files the application; 400 `not_eligible` (message
// naming the unmet conditions) when the engine says the subject does not qualify, 409
// `duplicate` when the subject already applied for or received it in the period.
nlohmann::json submit_application(store::Db& db, const Principal& p, const SubmitInput& in);
// The first review (submitted → reviewed), with an optional note.
nlohmann::json review_application(store::Db& db, const Principal& p, int64_t id,
                                  const std::optional<std::string>& note);

struct DecisionInput {
  bool approve = false;
  std::optional<std::string> reason;
  std::optional<int64_t> amount_approved_fen;
  std::optional<std::string> decided_on;  // today when absent
};
// Re-evaluates on the decision date and approves (409 `not_eligible` when the engine now says
// no; the amount defaults to the engine's and may not exceed a cap) or rejects (a reason is
// required). The submitter cannot decide their own application (409 `same_person`).
nlohmann::json decide_application(store::Db& db, const Principal& p, int64_t id,
                                  const DecisionInput& in);

struct PaymentInput {
  std::string paid_on;
  std::optional<int64_t> paid_fen;  // the approved amount when absent
  std::string reference;
};
// Records the payment of an approved application (approved → paid).
nlohmann::json pay_application(store::Db& db, const Principal& p, int64_t id,
                               const PaymentInput& in);

// Files one application in the caller's transaction and returns its id; throws store::DbError
// (unique_violation) when the subject has a live one for the policy in the period. For the
// services that file applications (submission, automatic entitlements).
struct NewApplication {
  const CurrentPolicy* policy = nullptr;
  std::string subject_kind;
  int64_t subject_id = 0;
  std::string subject_name, region_code;
  core::Date on;
  std::string channel;
  const rules::Evaluation* evaluation = nullptr;
  std::optional<int64_t> submitted_by, amount_requested_fen;
  std::optional<std::string> note;
};
int64_t insert_application(store::Conn& c, const NewApplication& a);

}  // namespace guiyan::service
