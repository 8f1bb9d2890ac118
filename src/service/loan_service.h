// The guaranteed start-up loan ledger 创业担保贷款台账: each loan checked against the shipped
// guaranteed_loan policy when it is saved (refused when not eligible, flagged when the check
// cannot decide), its interest-subsidy schedule 贴息计划 (core/subsidy_schedule.h) and the
// subsidies paid against it. The data scope applies to the loan's region.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "service/principal.h"
#include "store/db.h"

namespace guiyan::service {

struct LoanInput {
  std::optional<int64_t> person_id, venture_id;
  bool clear_venture = false;  // venture_id: null was sent
  std::optional<std::string> borrower_kind, guarantor, bank, contract_on, region_code, status,
      notes;
  std::optional<int64_t> amount_yuan, rate_bp, term_months;
};

struct LoanFilter {
  std::string q, region, status, borrower_kind, bank, contract_from, contract_to;
  std::optional<int64_t> person_id;
  std::optional<bool> needs_review;
  int64_t limit = 50, offset = 0;
};

struct SubsidyInput {
  std::optional<int64_t> month, amount_fen;
  std::optional<std::string> paid_on, reference;
};

// {"items":[Loan…],"total","totals":{"amount_yuan","subsidy_due_fen","subsidy_paid_fen"}} of the
// loans in scope, newest contract first (loan:read).
nlohmann::json list_loans(store::Db& db, const Principal& p, const LoanFilter& f);
// One loan with its check, schedule and payments (loan:read); 404 outside the scope.
nlohmann::json get_loan(store::Db& db, const Principal& p, int64_t id);
// Registers a loan after checking it with the guaranteed_loan policy (loan:write): 400
// not_eligible naming the failed condition; a check that cannot decide saves it flagged.
nlohmann::json create_loan(store::Db& db, const Principal& p, const LoanInput& in);
// Changes a loan (loan:write); changed terms are checked again. The borrower never changes.
nlohmann::json update_loan(store::Db& db, const Principal& p, int64_t id, const LoanInput& in);
// Records a subsidy paid for one month of the schedule (loan:write); at most what is still due
// for that month. Answers the loan as get_loan does.
nlohmann::json add_loan_subsidy(store::Db& db, const Principal& p, int64_t id,
                                const SubsidyInput& in);
// {"borrower_kinds","statuses"}: the keys and labels of the ledger's vocabularies.
nlohmann::json loan_vocabulary();

}  // namespace guiyan::service
