// The actual of an indicator with records, for a region and year: in total, per child region and
// per month, straight from the records (SQL on the record set the indicator names).
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "service/indicator_catalogue.h"
#include "store/db.h"
#include "store/sql_builder.h"

namespace guiyan::service {

struct IndicatorScope {
  std::string region;  // the region whose subtree counts
  int year = 0;
  std::string today;                  // YYYY-MM-DD: bounds "this quarter" in the current year
  std::vector<std::string> children;  // the child regions figures are broken down by
};

struct IndicatorTally {
  double total = 0;
  std::vector<double> children;                  // per child of the scope, in its order
  std::optional<std::array<double, 12>> months;  // per month (running total for to_year_end)
};

// The first and last dates (YYYY-MM-DD; first empty: no lower bound) of the records `ind` counts
// for `year`, or the as-of date (both equal) for a snapshot.
std::pair<std::string, std::string> indicator_period(const Indicator& ind, int year,
                                                     const std::string& today);

// The SQL condition (bound into `sql`) on ind.records->from selecting the records the indicator
// counts in the scope's region subtree and period; `month` (1–12, 0 all) narrows a dated
// indicator to the records behind that month's figure.
std::string indicator_condition(const Indicator& ind, const IndicatorScope& scope,
                                store::SqlBuilder& sql, int month = 0);

// Computes the indicator (one with records, not a ratio) for the scope.
IndicatorTally tally_indicator(store::Conn& c, const Indicator& ind, const IndicatorScope& scope);

}  // namespace guiyan::service
