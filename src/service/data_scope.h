// The one data-scope filter every list and read goes through.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "service/principal.h"
#include "store/sql_builder.h"

namespace guiyan::service {

// The code prefix shared by a region and everything below it ("421000" → "4210",
// "420000" → "42", "421022" → "421022", 9- and 12-digit codes → themselves).
std::string region_prefix(std::string_view code);

// True when `code` is `ancestor` or lies below it.
bool region_within(std::string_view code, std::string_view ancestor);

// An SQL condition (never empty; "1=1" for unrestricted) that keeps rows whose
// `region_column` lies in the principal's scope, or whose `owner_column` is the principal for
// "own records" (rows without an owner column are then not visible). Binds into `sql`.
std::string scope_condition(const Principal& p, store::SqlBuilder& sql,
                            std::string_view region_column, std::string_view owner_column = {});

// The same rule for one record in memory.
bool in_scope(const Principal& p, std::string_view region_code,
              std::optional<int64_t> owner_id = std::nullopt);

// Whether the account sees every record of `region` and below (a filter on that subtree then
// needs no scope condition).
bool sees_subtree(const Principal& p, std::string_view region);

// Whether the records the account sees, owner grants included, are exactly those of `region`
// and below: nothing in it hidden, nothing outside it shown.
bool scope_is_subtree(const Principal& p, std::string_view region);

// Whether a record of `region` or below can be in the account's scope: false when a filter on
// that region could only ever list nothing (another county's code for a county clerk). Own
// records reach every region: their owner may have entered them anywhere.
bool scope_reaches(const Principal& p, std::string_view region);

// A condition limiting `region_column` to `region` and below (for a region filter in a list).
std::string subtree_condition(store::SqlBuilder& sql, std::string_view region_column,
                              std::string_view region);

}  // namespace guiyan::service
