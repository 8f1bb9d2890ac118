// The counts come from the in-memory index (service/merchant_facets) on SQLite, from SQL
// otherwise or with ListPlan::sql; both give the same answers (merchant_facets_test).
// Listing and searching the merchant library, its three-level classification (by industry, by
// region, by investment intention) and its freshness (动态更新率) by region and case worker.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "service/facet_support.h"
#include "service/principal.h"
#include "store/db.h"

namespace guiyan::service {

struct MerchantQuery {
  std::string q;       // name, enterprise, credit code, phone or its last 4, city, chamber …
  std::string region;  // hometown subtree; default: the account's region
  bool region_exact = false;  // only records registered at `region` itself, not below it
  std::string category;       // a category key (entrepreneur, alumnus …)
  std::string tag;            // a tag key (ambassador …)
  std::string industry;       // a section letter (its divisions included) or a division
  std::string strength;       // an intention strength key
  std::string size;           // an enterprise size key
  std::string operating_status;
  std::string influence;
  std::string case_worker;  // a user id, or "none" for records nobody is assigned
  bool stale = false;       // only records not verified within the cycle
  std::string cycle;        // month | quarter (default) | half | year
  int64_t limit = 50;
  int64_t offset = 0;
};

// {"items":[Merchant (masked)],"total","by_region":[{code,name,count}],"cycle"} (merchant:read),
// newest first. Throws 400 for a malformed filter.
nlohmann::json list_merchants(store::Db& db, const Principal& p, const MerchantQuery& q,
                              ListPlan plan = ListPlan::best);

// Counts of the records matching `q` grouped `by` industry (sections, or the divisions of the
// section q.industry names), region (children of q.region) or intention (strengths), each group
// with the filter that drills into it (merchant:read).
nlohmann::json merchant_classification(store::Db& db, const Principal& p, const std::string& by,
                                       const MerchantQuery& q, ListPlan plan = ListPlan::best);

// Per child region of q.region: records, those verified within the cycle, the rate and
// whether it reaches the 90% target; and per case worker the stale records (merchant:read).
nlohmann::json merchant_freshness(store::Db& db, const Principal& p, const MerchantQuery& q,
                                  ListPlan plan = ListPlan::best);

// Calls fn for every merchant matching the query (no paging), newest first, streaming; the row
// is selected with store::merchant_columns() (merchant:read).
void for_each_merchant(store::Db& db, const Principal& p, const MerchantQuery& q,
                       const std::function<void(const store::Row&)>& fn);

}  // namespace guiyan::service
