// SQL for the merchant and talent library: merchant rows, intention history and contacts.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "store/db.h"

namespace guiyan::store {

struct MerchantRow {
  int64_t id = 0;
  std::map<std::string, Value> fields;  // every editable field by name (core/merchant_fields)
  std::optional<int64_t> case_worker_id, verified_by, created_by;
  std::optional<std::string> verified_on;
  std::string case_worker_name, hometown_name, verified_by_name;
  std::string created_at, updated_at;
  // The text value of a field, or "" when NULL or absent.
  std::string text(const std::string& name) const;
};

// The SELECT list (alias m) that merchant_from_row reads.
std::string merchant_columns();
// Reads a row selected with merchant_columns().
MerchantRow merchant_from_row(const Row& r);

// One merchant by id, or nullopt.
std::optional<MerchantRow> find_merchant(Conn& c, int64_t id);
// The id of the merchant whose enterprise has this credit code, or nullopt.
std::optional<int64_t> merchant_id_by_credit_code(Conn& c, const std::string& credit_code);
// Up to 5 ids, oldest first, of the merchants with this name and phone other than `except`:
// the same person. With a credit code, records holding another code are other enterprises and
// left out.
std::vector<int64_t> merchant_ids_by_name_phone(Conn& c, const std::string& name,
                                                const std::string& phone,
                                                const std::string& credit_code,
                                                std::optional<int64_t> except = std::nullopt);

// Inserts a merchant with the given field values, case worker, verification date and search
// tokens (SQLite's full-text index follows by trigger); returns the id.
int64_t insert_merchant(Conn& c, const std::map<std::string, Value>& fields,
                        std::optional<int64_t> case_worker_id, const std::string& verified_on,
                        int64_t by, const std::string& now, const std::string& search_tokens);
// Sets the given fields (system columns allowed: case_worker_id, verified_on, verified_by)
// and the search tokens on a merchant.
void update_merchant(Conn& c, int64_t id, const std::map<std::string, Value>& fields,
                     const std::string& now, const std::string& search_tokens);

}  // namespace guiyan::store
