#include "service/merchant_query.h"

#include <cmath>
#include <map>

#include "core/clock.h"
#include "core/merchant_vocabulary.h"
#include "core/review_cycle.h"
#include "http/api_error.h"
#include "service/child_regions.h"
#include "service/data_scope.h"
#include "service/merchant_service.h"
#include "service/region_service.h"
#include "store/merchant_repo.h"
#include "store/sql_builder.h"
#include "text/tokenize.h"

namespace guiyan::service {
namespace {

using http::bad_request;

// The share of records a region must keep verified within the cycle (seed 002: ≥ 90%).
constexpr double kFreshnessTarget = 0.9;

struct Where {
  store::SqlBuilder sql;
  std::string where;
  std::string region;  // the subtree counted by region
  core::ReviewCycle cycle;
};

// The key of `value` in `terms` (keys, labels and synonyms accepted), or 400 naming `field`.
std::string key_of(const std::vector<core::Term>& terms, const std::string& value,
                   const char* field) {
  auto key = core::find_term(terms, value, true);
  if (!key) throw bad_request(field, std::string("筛选条件“") + field + "”的取值不正确");
  return *key;
}

bool is_section(const std::string& code) {
  return code.size() == 1 && code[0] >= 'A' && code[0] <= 'T';
}

bool is_division(const std::string& code) {
  return code.size() == 2 && std::isdigit(static_cast<unsigned char>(code[0])) &&
         std::isdigit(static_cast<unsigned char>(code[1]));
}

Where build_where(store::Conn& c, const Principal& p, const MerchantQuery& q) {
  Where w;
  auto cycle = core::review_cycle(q.cycle, core::today_local());
  if (!cycle) throw bad_request("cycle", "核实周期应为 month、quarter、half 或 year");
  w.cycle = *cycle;
  w.where = scope_condition(p, w.sql, "m.hometown_code", "m.created_by");
  w.region = q.region.empty() ? p.region_code : q.region;
  if (!q.region.empty()) {
    if (!region_exists(c, q.region)) throw bad_request("region", "区划代码不存在");
    w.where += " AND " + subtree_condition(w.sql, "m.hometown_code", q.region);
  }
  auto in_list = [&](const char* column, const std::string& key) {
    w.where += std::string(" AND (',' || COALESCE(") + column + ", '') || ',') LIKE " +
               w.sql.bind("%," + key + ",%");
  };
  if (!q.category.empty())
    in_list("m.categories", key_of(core::merchant_categories(), q.category, "category"));
  if (!q.tag.empty()) in_list("m.tags", key_of(core::merchant_tags(), q.tag, "tag"));
  auto equals = [&](const char* column, const std::vector<core::Term>& terms,
                    const std::string& value, const char* field) {
    if (value.empty()) return;
    w.where += std::string(" AND ") + column + " = " + w.sql.bind(key_of(terms, value, field));
  };
  equals("m.intention_strength", core::intention_strengths(), q.strength, "strength");
  equals("m.enterprise_size", core::enterprise_sizes(), q.size, "size");
  equals("m.operating_status", core::operating_statuses(), q.operating_status, "operating_status");
  equals("m.influence", core::influence_levels(), q.influence, "influence");
  if (!q.industry.empty()) {
    if (is_section(q.industry)) {
      w.where += " AND m.industry_section = " + w.sql.bind(q.industry);
    } else if (is_division(q.industry)) {
      w.where += " AND m.industry = " + w.sql.bind(q.industry);
    } else {
      throw bad_request("industry", "行业应为国民经济行业分类门类字母或两位大类代码");
    }
  }
  if (q.case_worker == "none") {
    w.where += " AND m.case_worker_id IS NULL";
  } else if (!q.case_worker.empty()) {
    try {
      size_t used = 0;
      int64_t id = std::stoll(q.case_worker, &used);
      if (used != q.case_worker.size()) throw std::invalid_argument("trailing");
      w.where += " AND m.case_worker_id = " + w.sql.bind(id);
    } catch (const std::exception&) {
      throw bad_request("case_worker_id", "服务专员应为用户编号或 none");
    }
  }
  if (q.stale) {
    w.where += " AND (m.verified_on IS NULL OR m.verified_on < " + w.sql.bind(w.cycle.since) + ")";
  }
  if (!q.q.empty()) {
    auto terms = text::query_terms(q.q);
    if (!terms.empty()) {
      if (c.dialect().name == "sqlite") {
        w.where += " AND m.id IN (SELECT rowid FROM merchant_fts WHERE merchant_fts MATCH " +
                   w.sql.bind(text::fts5_match(terms)) + ")";
      } else {
        w.where += " AND m.search_vector @@ to_tsquery('simple', " +
                   w.sql.bind(text::tsquery(terms)) + ")";
      }
    }
  }
  return w;
}

nlohmann::json cycle_json(const core::ReviewCycle& c) {
  return {{"kind", c.kind}, {"since", c.since}, {"until", c.until}, {"label", c.label}};
}

nlohmann::json rate_json(int64_t part, int64_t whole) {
  if (whole == 0) return nullptr;
  return std::round(10000.0 * static_cast<double>(part) / static_cast<double>(whole)) / 10000.0;
}

// Calls fn(child index, row) per group of the filter by child region; the row holds the child
// prefix, the extra columns and the count. The index is -1 for records outside the region (an
// account's grants of other regions, when the filter names none).
void by_child(store::Conn& c, const Where& w, const ChildRegions& kids,
              const std::string& extra_select,
              const std::function<void(int, const store::Row&)>& fn) {
  std::string len = std::to_string(child_code_length(w.region));
  std::string group = "SUBSTR(m.hometown_code, 1, " + len + ")";
  c.run("SELECT " + group + extra_select + ", COUNT(*) FROM merchant m WHERE " + w.where +
            " GROUP BY " + group + (extra_select.empty() ? "" : extra_select),
        w.sql.params(), [&](const store::Row& r) { fn(kids.index_of(r.text(0)), r); });
}

// The children of the filter's region, then the region itself as "（本级）" for records registered
// at the region and not below it, so that the rows add up to the total. (ChildRegions gives a
// code the first group it lies in: the children come first.)
nlohmann::json groups_of(store::Db& db, store::Conn& c, const std::string& region) {
  auto items = region_children(db, region)["items"];
  items.push_back({{"code", region},
                   {"name", region_name(c, region).value_or(region) + "（本级）"},
                   {"has_children", false},
                   {"self", true}});
  return items;
}

// by_region without the region's own row when it counts nothing.
nlohmann::json without_empty_self(nlohmann::json rows) {
  if (!rows.empty() && rows.back()["count"] == 0) rows.erase(rows.size() - 1);
  return rows;
}

// Leaves out the region's own row when nothing is registered at it.
bool skip_row(const nlohmann::json& child, int64_t count) {
  return child.value("self", false) && count == 0;
}

}  // namespace

nlohmann::json list_merchants(store::Db& db, const Principal& p, const MerchantQuery& q) {
  require(p, "merchant:read");
  auto conn = db.acquire();
  Where w = build_where(*conn, p, q);
  auto children = groups_of(db, *conn, w.region);
  ChildRegions kids(children);
  std::vector<int64_t> per_child(kids.codes.size());
  // Every record lies in a child or at the region itself: the groups add up to the total.
  int64_t total = 0;
  by_child(*conn, w, kids, "", [&](int i, const store::Row& r) {
    if (i >= 0) per_child[i] += r.i64(1);
    total += r.i64(1);
  });
  std::string page =
      " ORDER BY m.id DESC LIMIT " + w.sql.bind(q.limit) + " OFFSET " + w.sql.bind(q.offset);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& r : store::query(
           *conn,
           "SELECT " + store::merchant_columns() + " FROM merchant m WHERE " + w.where + page,
           w.sql.params())) {
    items.push_back(merchant_json(store::merchant_from_row(r), false, w.cycle.since));
  }
  return {{"items", items},
          {"total", total},
          {"by_region", without_empty_self(by_region_json(children, per_child))},
          {"cycle", cycle_json(w.cycle)}};
}

nlohmann::json merchant_classification(store::Db& db, const Principal& p, const std::string& by,
                                       const MerchantQuery& q) {
  require(p, "merchant:read");
  auto conn = db.acquire();
  Where w = build_where(*conn, p, q);
  nlohmann::json groups = nlohmann::json::array();
  int64_t total = 0;
  if (by == "region") {
    auto children = groups_of(db, *conn, w.region);
    ChildRegions kids(children);
    std::vector<int64_t> counts(kids.codes.size());
    by_child(*conn, w, kids, "", [&](int i, const store::Row& r) {
      if (i >= 0) counts[i] += r.i64(1);
    });
    for (size_t i = 0; i < counts.size(); ++i) {
      total += counts[i];
      if (skip_row(children[i], counts[i])) continue;
      nlohmann::json drill = nullptr;
      if (children[i].value("has_children", false)) {
        drill = {{"by", "region"}, {"region", children[i]["code"]}};
      }
      groups.push_back({{"key", children[i]["code"]},
                        {"label", children[i]["name"]},
                        {"count", counts[i]},
                        {"drill", drill}});
    }
  } else if (by == "industry") {
    // Sections, or within one section its divisions (records with only the letter: "未细分").
    // A division filter has one group, itself.
    bool within = is_section(q.industry) || is_division(q.industry);
    std::string key_sql = within ? "m.industry" : "m.industry_section";
    std::map<std::string, std::string> names;
    conn->run("SELECT code, name FROM industry", {},
              [&](const store::Row& r) { names[r.text(0)] = r.text(1); });
    for (const auto& r : store::query(*conn,
                                      "SELECT " + key_sql +
                                          " AS k, COUNT(*) FROM merchant m "
                                          "WHERE " +
                                          w.where + " GROUP BY k ORDER BY k",
                                      w.sql.params())) {
      std::string key = r.text(0);
      total += r.i64(1);
      std::string label = key.empty()                                   ? "未填写行业"
                          : is_section(q.industry) && key == q.industry ? "未细分到大类"
                          : names.count(key)                            ? names[key]
                                                                        : key;
      nlohmann::json drill = nullptr;
      if (!within && is_section(key)) drill = {{"by", "industry"}, {"industry", key}};
      groups.push_back({{"key", key.empty() ? nlohmann::json() : nlohmann::json(key)},
                        {"label", label},
                        {"count", r.i64(1)},
                        {"drill", drill}});
    }
  } else if (by == "intention") {
    std::map<std::string, int64_t> counts;
    for (const auto& r : store::query(*conn,
                                      "SELECT m.intention_strength, COUNT(*) FROM merchant m "
                                      "WHERE " +
                                          w.where + " GROUP BY m.intention_strength",
                                      w.sql.params())) {
      counts[r.text(0)] = r.i64(1);
    }
    for (const auto& t : core::intention_strengths()) {
      total += counts[t.key];
      groups.push_back({{"key", t.key},
                        {"label", t.label},
                        {"count", counts[t.key]},
                        {"drill", {{"by", "industry"}, {"strength", t.key}}}});
    }
  } else {
    throw bad_request("by",
                      "分类方式应为 industry（行业）、region（地区）或 intention（投资意向）");
  }
  return {{"by", by}, {"region", w.region}, {"total", total}, {"groups", groups}};
}

nlohmann::json merchant_freshness(store::Db& db, const Principal& p, const MerchantQuery& q) {
  require(p, "merchant:read");
  auto conn = db.acquire();
  Where w = build_where(*conn, p, q);
  auto children = groups_of(db, *conn, w.region);
  ChildRegions kids(children);
  std::vector<int64_t> all(kids.codes.size()), fresh(kids.codes.size());
  std::string since = w.sql.bind(w.cycle.since);
  std::string fresh_sql = ", CASE WHEN m.verified_on >= " + since + " THEN 1 ELSE 0 END";
  by_child(*conn, w, kids, fresh_sql, [&](int i, const store::Row& r) {
    if (i < 0) return;
    all[i] += r.i64(2);
    if (r.i64(1) == 1) fresh[i] += r.i64(2);
  });
  nlohmann::json rows = nlohmann::json::array();
  int64_t total = 0, verified = 0;
  for (size_t i = 0; i < all.size(); ++i) {
    total += all[i];
    verified += fresh[i];
    if (skip_row(children[i], all[i])) continue;
    nlohmann::json rate = rate_json(fresh[i], all[i]);
    rows.push_back({{"code", children[i]["code"]},
                    {"name", children[i]["name"]},
                    {"total", all[i]},
                    {"verified", fresh[i]},
                    {"stale", all[i] - fresh[i]},
                    {"rate", rate},
                    {"meets_target",
                     rate.is_null() ? nlohmann::json()
                                    : nlohmann::json(rate.get<double>() >= kFreshnessTarget)}});
  }
  // Stale records per case worker (null: nobody assigned), most stale first.
  nlohmann::json workers = nlohmann::json::array();
  for (const auto& r : store::query(
           *conn,
           "SELECT m.case_worker_id, COALESCE(u.display_name, ''), COUNT(*), SUM(CASE WHEN "
           "m.verified_on IS NULL OR m.verified_on < " +
               since +
               " THEN 1 ELSE 0 END) AS s FROM "
               "merchant m LEFT JOIN app_user u ON u.id = m.case_worker_id WHERE " +
               w.where +
               " GROUP BY m.case_worker_id, u.display_name ORDER BY s DESC, m.case_worker_id",
           w.sql.params())) {
    workers.push_back(
        {{"case_worker_id", r.opt_i64(0) ? nlohmann::json(*r.opt_i64(0)) : nlohmann::json()},
         {"case_worker_name", r.is_null(0) ? "未分配" : r.text(1)},
         {"total", r.i64(2)},
         {"stale", r.i64(3)}});
  }
  nlohmann::json rate = rate_json(verified, total);
  return {
      {"region", w.region},
      {"cycle", cycle_json(w.cycle)},
      {"target", kFreshnessTarget},
      {"total",
       {{"total", total},
        {"verified", verified},
        {"stale", total - verified},
        {"rate", rate},
        {"meets_target", rate.is_null() ? nlohmann::json()
                                        : nlohmann::json(rate.get<double>() >= kFreshnessTarget)}}},
      {"children", rows},
      {"case_workers", workers}};
}

void for_each_merchant(store::Db& db, const Principal& p, const MerchantQuery& q,
                       const std::function<void(const store::Row&)>& fn) {
  require(p, "merchant:read");
  auto conn = db.acquire();
  Where w = build_where(*conn, p, q);
  conn->run("SELECT " + store::merchant_columns() + " FROM merchant m WHERE " + w.where +
                " ORDER BY m.id DESC",
            w.sql.params(), fn);
}

}  // namespace guiyan::service
