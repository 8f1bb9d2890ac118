// The indicators 目标指标 of data/indicators.toml: what each figure counts, from which records,
// over which period, and its default target. Checked when read: a bad definition stops the start.
#pragma once

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "service/indicator_records.h"

namespace guiyan::service {

enum class IndicatorPeriod { year, to_year_end, previous_year_end, quarter_at, none };

struct IndicatorFilter {
  std::string field;  // a field of the record set
  bool at_least = false;
  std::string text;  // the value, as text (numbers compared as numbers when at_least)
  double number = 0;
};

struct Indicator {
  std::string code, name, unit;
  const IndicatorRecordSet* records = nullptr;  // null: a ratio, or entered figures only
  std::string date;                             // the record set's date expression
  IndicatorPeriod period = IndicatorPeriod::none;
  std::string measure;   // count | distinct | sum
  std::string sum_expr;  // for sum: the field's SQL expression
  std::vector<IndicatorFilter> filters;
  std::string numerator, denominator;             // a ratio of two indicators
  bool official = false;                          // a region may enter the official figure
  std::optional<double> target;                   // the default target for every region
  std::map<std::string, double> target_by_level;  // or by level: province, city, county, township
  bool is_ratio() const { return !numerator.empty(); }
  bool entered_only() const { return !records && !is_ratio(); }
};

struct IndicatorError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Parses the definitions (the TOML text); throws IndicatorError naming the indicator and field.
std::vector<Indicator> read_indicators(const std::string& toml_text);

// The shipped definitions (data/indicators.toml, embedded), read once.
const std::vector<Indicator>& indicator_catalogue();

// The indicator with `code` in the catalogue, or nullptr.
const Indicator* find_indicator(const std::string& code);

// The default target of `ind` for a region of `level` (1 province … 4 township), if any.
std::optional<double> default_target(const Indicator& ind, int level);

// The yearly minimum of held events at `level` (city, county, township): the default target of
// events_<level> for a region of that level (seed 001: city 4, county 6), if any.
std::optional<int> event_yearly_minimum(const std::string& level);

// The period's wording in Chinese ("当年", "截至年末" …).
std::string period_label(IndicatorPeriod p);

}  // namespace guiyan::service
