// Loan products of partner banks 合作银行贷款产品: each offered in a region and the regions below
// it, so an account sees the products of its scope and those offered above its own region (a
// city's product reaches its counties); it changes only those within its scope.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "service/principal.h"
#include "store/db.h"

namespace guiyan::service {

struct LoanProductInput {
  std::optional<std::string> bank, name, target_group, rate_description, term_description,
      guarantee, region_code, source;
  std::optional<int64_t> max_amount_wan;
  bool clear_max_amount = false;  // max_amount_wan: null was sent
  std::optional<bool> active;
};

struct LoanProductFilter {
  std::string q, region;  // region: products offered there (issued there or above)
  std::optional<bool> active;
  int64_t limit = 50, offset = 0;
};

// {"items":[LoanProduct…],"total"} by region and name (loan:read).
nlohmann::json list_loan_products(store::Db& db, const Principal& p, const LoanProductFilter& f);
// Adds a product offered in a region within the account's scope (loan:write); audited.
nlohmann::json create_loan_product(store::Db& db, const Principal& p, const LoanProductInput& in);
// Changes a product within the account's scope (loan:write; 404 when not visible, 403 when
// visible but offered above the account's scope); audited.
nlohmann::json update_loan_product(store::Db& db, const Principal& p, int64_t id,
                                   const LoanProductInput& in);
// The product's name when the account may see it (for financing requests); 400 on `field`
// otherwise.
std::string visible_loan_product(store::Conn& c, const Principal& p, int64_t id,
                                 const std::string& field);

}  // namespace guiyan::service
