// Indicators against targets for a region and year (PRODUCT.md §6): the actual computed live from
// the records (or the official figure a region entered, where the indicator allows it), the
// target (entered, or the definition's default), completion, the child regions ranked, the monthly
// series, and the records behind a figure.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "service/principal.h"
#include "store/db.h"

namespace guiyan::service {

// {"items":[{code,name,unit,kind,period,period_label,official,default_targets}]}: the catalogue.
nlohmann::json indicator_catalogue_json();

// One indicator's figures for `region` (default the account's) and `year` (indicator:read; the
// region must lie within the account's data scope); 404 for an unknown code.
nlohmann::json indicator_figures_api(store::Db& db, const Principal& p, const std::string& code,
                                     const std::string& region, int year);

// Every indicator's figures for the region and year, in catalogue order (indicator:read).
nlohmann::json all_indicator_figures(store::Db& db, const Principal& p, const std::string& region,
                                     int year);

// {"items":[{id,title,region_code,region_name,date,amount,link}],"total","label"}: the records
// behind an indicator's figure for the region (or `child` of it) and year, `month` (1–12) narrowing
// to that month's figure; a ratio lists its numerator's records (indicator:read).
nlohmann::json indicator_records_api(store::Db& db, const Principal& p, const std::string& code,
                                     const std::string& region, int year, int month, int64_t limit,
                                     int64_t offset);

// {indicator_code, indicator_name, unit, actual, target, completion} of `code` for the whole of
// `region` in `year` against `target` (or the indicator's target there when absent); null for an
// unknown code or region. No scope check: the caller has decided the account may see the figure
// (a task's units see the progress of the task they are named on).
nlohmann::json indicator_progress(store::Db& db, store::Conn& c, const std::string& code,
                                  const std::string& region, int year,
                                  std::optional<double> target);

// Computes the current year's figures of every top region (the province's dashboard) into the
// cache, so that a leader's first look does not wait for them: asks the probes, calls settle(),
// which must wait at least IndicatorCache::kSettle (figures computed sooner are not kept) and
// return false to give up, then computes what the cache does not hold, asking go_on() before
// each indicator (false: stop there). A server calls it in the background at start and every
// few minutes (figures are kept at most IndicatorCache::kMaxAge).
void warm_indicator_figures(store::Db& db, const std::function<bool()>& settle,
                            const std::function<bool()>& go_on);

// The region a figure request is about: `region` or the account's, checked to exist and to lie
// within the account's scope (403 out_of_scope otherwise); the year checked to be 2000–2100.
std::string figure_region(store::Conn& c, const Principal& p, const std::string& region, int year);

}  // namespace guiyan::service
