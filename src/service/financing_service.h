// Financing requests 融资需求: an applicant's request for a loan, passed to a bank and followed
// submitted 已提交 → accepted 银行已受理 → approved 已授信 → disbursed 已放款, or rejected
// 未通过, each step dated. A decision (approved or rejected) is due within 15 working days of
// submission (core/work_calendar.h). The applicant follows it without an account by its tracking
// code and the last four digits of their phone; failed lookups are counted in the database, per
// code and per client address, so that every server refuses the same guesses.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "service/principal.h"
#include "store/db.h"

namespace guiyan::service {

// Working days from submission within which a decision is due.
inline constexpr int kFinancingDecisionDays = 15;
// Failed public lookups allowed within an hour for one code, and for one client address.
inline constexpr int kFinancingFailuresPerCode = 5;
inline constexpr int kFinancingFailuresPerIp = 20;

struct FinancingInput {
  std::optional<std::string> applicant_name, phone, purpose, region_code, submitted_on;
  std::optional<int64_t> person_id, amount_yuan, product_id;
};

struct FinancingFilter {
  std::string q, region, status;
  std::optional<bool> overdue;
  int64_t limit = 50, offset = 0;
};

// {"items":[Financing…],"total","overdue"} newest first (loan:read); phones masked.
nlohmann::json list_financing(store::Db& db, const Principal& p, const FinancingFilter& f);
// One request with its moves (loan:read; unmask needs person:unmask and is audited).
nlohmann::json get_financing(store::Db& db, const Principal& p, int64_t id, bool unmask);
// Registers a request with a new tracking code (loan:write); audited.
nlohmann::json create_financing(store::Db& db, const Principal& p, const FinancingInput& in);
// Moves a request to its next status on a date (loan:write): 400 naming the field when the move
// or the date is not allowed, 409 when the request is closed already; audited.
nlohmann::json move_financing(store::Db& db, const Principal& p, int64_t id,
                              const std::string& status, const std::optional<std::string>& on,
                              const std::optional<std::string>& note);
// The public lookup: status and dates only, when `phone4` matches; 404 otherwise (the same for an
// unknown code), 429 once the code or the address has failed too often within the hour.
nlohmann::json public_financing(store::Db& db, const std::string& code, const std::string& phone4,
                                const std::string& ip);
// {"statuses":[{key,label}]}.
nlohmann::json financing_vocabulary();

}  // namespace guiyan::service
