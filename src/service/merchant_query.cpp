#include "service/merchant_query.h"

#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

#include "core/clock.h"
#include "core/merchant_vocabulary.h"
#include "core/review_cycle.h"
#include "http/api_error.h"
#include "service/case_worker_filter.h"
#include "service/child_regions.h"
#include "service/data_scope.h"
#include "service/merchant_facets.h"
#include "service/merchant_service.h"
#include "service/region_filter.h"
#include "service/region_resolver.h"
#include "service/region_service.h"
#include "service/region_tree.h"
#include "service/search_words.h"
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
  std::string region;          // the subtree counted by region
  bool region_filter = false;  // the query names the region (else the account's own)
  bool region_exact = false;   // … and only records registered at it, not below
  core::ReviewCycle cycle;
  MerchantFilter facets;         // the same filters as stored keys, for MerchantFacets
  std::string fts;               // the FTS5 MATCH expression of q ("" for none)
  std::set<std::string> places;  // the regions a word of q names (their merchants match too)
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

Where build_where(store::Db& db, store::Conn& c, const Principal& p, const MerchantQuery& q) {
  Where w;
  auto cycle = core::review_cycle(q.cycle, core::today_local());
  if (!cycle) throw bad_request("cycle", "核实周期应为 month、quarter、half 或 year");
  w.cycle = *cycle;
  w.where = scope_condition(p, w.sql, "m.hometown_code", "m.created_by");
  w.region = q.region.empty() ? p.region_code : q.region;
  if (!q.region.empty()) {
    check_region_filter(db, c, p, q.region);
    w.where += " AND " + subtree_condition(w.sql, "m.hometown_code", q.region);
    w.region_filter = true;
    if (q.region_exact) {
      w.region_exact = true;
      w.where += " AND m.hometown_code = " + w.sql.bind(q.region);
    }
  }
  MerchantFilter& f = w.facets;
  auto in_list = [&](const char* column, const std::string& key) {
    w.where += std::string(" AND (',' || COALESCE(") + column + ", '') || ',') LIKE " +
               w.sql.bind("%," + key + ",%");
  };
  if (!q.category.empty()) {
    f.category = key_of(core::merchant_categories(), q.category, "category");
    in_list("m.categories", f.category);
  }
  if (!q.tag.empty()) {
    f.tag = key_of(core::merchant_tags(), q.tag, "tag");
    in_list("m.tags", f.tag);
  }
  auto equals = [&](const char* column, const std::vector<core::Term>& terms,
                    const std::string& value, const char* field, std::string* key) {
    if (value.empty()) return;
    *key = key_of(terms, value, field);
    w.where += std::string(" AND ") + column + " = " + w.sql.bind(*key);
  };
  equals("m.intention_strength", core::intention_strengths(), q.strength, "strength", &f.strength);
  equals("m.enterprise_size", core::enterprise_sizes(), q.size, "size", &f.size);
  equals("m.operating_status", core::operating_statuses(), q.operating_status, "operating_status",
         &f.operating_status);
  equals("m.influence", core::influence_levels(), q.influence, "influence", &f.influence);
  if (!q.industry.empty()) {
    if (is_section(q.industry)) {
      f.section = q.industry;
      w.where += " AND m.industry_section = " + w.sql.bind(q.industry);
    } else if (is_division(q.industry)) {
      f.division = q.industry;
      w.where += " AND m.industry = " + w.sql.bind(q.industry);
    } else {
      throw bad_request("industry", "行业应为国民经济行业分类门类字母或两位大类代码");
    }
  }
  if (auto worker = case_worker_filter(q.case_worker)) {
    f.case_worker = *worker;
    w.where += *worker == 0 ? " AND m.case_worker_id IS NULL"
                            : " AND m.case_worker_id = " + w.sql.bind(*worker);
  }
  if (q.stale) {
    f.stale_before = date_number(w.cycle.since);
    w.where += " AND (m.verified_on IS NULL OR m.verified_on < " + w.sql.bind(w.cycle.since) + ")";
  }
  if (!q.q.empty()) {
    auto search = search_words(shared_region_resolver(db, c), q.q, w.region, "");
    const auto& terms = search.terms;
    w.places = std::move(search.places);
    if (!terms.empty()) {
      if (c.dialect().name == "sqlite") {
        w.fts = text::fts5_match(terms);
        w.where += " AND m.id IN (SELECT rowid FROM merchant_fts WHERE merchant_fts MATCH " +
                   w.sql.bind(w.fts) + ")";
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

// The children of the filter's region, then the region itself as "（本级）" for records registered
// at the region and not below it, so that the rows add up to the total. (ChildRegions gives a
// code the first group it lies in: the children come first.)
nlohmann::json groups_of(store::Db& db, store::Conn& c, const std::string& region) {
  auto items = region_children(db, c, region)["items"];
  const std::string& name = region_tree(db, c).name(region);
  items.push_back({{"code", region},
                   {"name", (name.empty() ? region : name) + "（本级）"},
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

// What a count groups matching records by, besides nothing.
enum class Dim {
  child,         // the child region (or the region itself)
  section,       // industry section
  industry,      // industry code as stored
  strength,      // intention strength
  child_fresh,   // child region and whether verified within the cycle
  worker_fresh,  // case worker and whether verified within the cycle
};

// One group: its child region index (-1: outside the region's children and itself; only for
// the child dimensions), its key (section, industry, strength or case worker id; "" for none),
// whether fresh (the fresh dimensions), and how many records.
struct Group {
  int child = -1;
  std::string key;
  bool fresh = false;
  int64_t count = 0;
};

// A page of a list collected while counting: the newest ids matching, after `offset`.
struct Page {
  int64_t offset = 0, limit = 0;
  std::vector<int64_t> ids;
};

// The counts of the records matching the query, grouped by `dim`, from SQL.
std::vector<Group> count_sql(store::Conn& c, const Where& w, const ChildRegions& kids, Dim dim) {
  store::SqlBuilder sql = w.sql;  // this statement's parameters: the filter's, then its own
  std::string len = std::to_string(child_code_length(w.region));
  std::string child = "SUBSTR(m.hometown_code, 1, " + len + ")";
  // Bound only when used: every bound parameter must appear in the statement.
  auto fresh = [&] {
    return "CASE WHEN m.verified_on >= " + sql.bind(w.cycle.since) + " THEN 1 ELSE 0 END";
  };
  std::vector<std::string> cols;
  switch (dim) {
    case Dim::child:
      cols = {child};
      break;
    case Dim::section:
      cols = {"COALESCE(m.industry_section, '')"};
      break;
    case Dim::industry:
      cols = {"COALESCE(m.industry, '')"};
      break;
    case Dim::strength:
      cols = {"m.intention_strength"};
      break;
    case Dim::child_fresh:
      cols = {child, fresh()};
      break;
    case Dim::worker_fresh:
      cols = {"COALESCE(m.case_worker_id, 0)", fresh()};
      break;
  }
  std::string list;
  for (const auto& col : cols) list += (list.empty() ? "" : ", ") + col;
  std::vector<Group> out;
  bool by_child = dim == Dim::child || dim == Dim::child_fresh;
  c.run("SELECT " + list + ", COUNT(*) FROM merchant m WHERE " + w.where + " GROUP BY " + list,
        sql.params(), [&](const store::Row& r) {
          Group g;
          size_t i = 0;
          if (by_child) {
            g.child = kids.index_of(r.text(i++));
          } else {
            g.key = r.text(i++);
            if (g.key == "0" && dim == Dim::worker_fresh) g.key = "";
          }
          if (dim == Dim::child_fresh || dim == Dim::worker_fresh) g.fresh = r.i64(i++) == 1;
          g.count = r.i64(i);
          out.push_back(g);
        });
  return out;
}

// The same counts from the in-memory index (SQLite), and the page when asked for.
std::vector<Group> count_facets(store::Db& db, store::Conn& c, const Principal& p, const Where& w,
                                const ChildRegions& kids, Dim dim, Page* page) {
  auto& facets = db.attachment<MerchantFacets>();
  facets.refresh(c);
  std::vector<int64_t> hits;
  if (!w.fts.empty()) {
    c.first_column_int64("SELECT rowid FROM merchant_fts WHERE merchant_fts MATCH $1", {w.fts},
                         hits);
    std::sort(hits.begin(), hits.end(), std::greater<>());
  }
  auto in_region = [&](const std::string& code) {
    if (!w.region_filter) return true;
    return w.region_exact ? code == w.region : region_within(code, w.region);
  };
  // Per region index: -2 not yet known, -3 not visible, else the child index (-1 for none).
  std::vector<int> memo(facets.region_count(), -2);
  bool own_records = false;
  for (const auto& g : p.scopes) own_records |= g.kind == "own_records";
  std::string since_text = w.cycle.since;
  uint32_t since = date_number(since_text);
  // Counts by (child + 1 or key index) * 2 + fresh in a flat vector; case workers (any id) in a
  // hash map. A string key per record would cost more than the whole scan.
  bool by_child = dim == Dim::child || dim == Dim::child_fresh;
  std::vector<int64_t> flat((by_child ? kids.codes.size() + 1 : facets.key_count()) * 2);
  std::unordered_map<uint64_t, int64_t> workers;
  int64_t seen = 0;
  facets.scan(w.facets, w.fts.empty() ? nullptr : &hits,
              [&](int64_t id, const MerchantFacets::Entry& e) {
                int& m = memo[e.region];
                if (m == -2) {
                  const std::string& code = facets.region_code(e.region);
                  bool visible = in_scope(p, code) && in_region(code);
                  m = visible ? kids.index_of(code) : -3;
                }
                if (m == -3) {
                  // Outside the region grants: visible only as the account's own records, and
                  // only when no region filter leaves them out.
                  if (!own_records || e.owner != p.user_id) return true;
                  const std::string& code = facets.region_code(e.region);
                  if (!in_region(code)) return true;
                }
                if (page && seen++ >= page->offset &&
                    static_cast<int64_t>(page->ids.size()) < page->limit) {
                  page->ids.push_back(id);
                }
                size_t fresh = e.verified >= since ? 1 : 0;
                switch (dim) {
                  case Dim::child:
                  case Dim::child_fresh: {
                    int child = m >= -1 ? m : kids.index_of(facets.region_code(e.region));
                    flat[static_cast<size_t>(child + 1) * 2 + (dim == Dim::child ? 0 : fresh)]++;
                    break;
                  }
                  case Dim::section:
                    flat[size_t{e.section} * 2]++;
                    break;
                  case Dim::industry:
                    flat[size_t{e.industry} * 2]++;
                    break;
                  case Dim::strength:
                    flat[size_t{e.strength} * 2]++;
                    break;
                  case Dim::worker_fresh:
                    workers[uint64_t{e.worker} * 2 + fresh]++;
                    break;
                }
                return true;
              });
  std::vector<Group> out;
  for (size_t i = 0; i < flat.size(); ++i) {
    if (!flat[i]) continue;
    Group g;
    g.fresh = i % 2 == 1;
    g.count = flat[i];
    if (by_child) {
      g.child = static_cast<int>(i / 2) - 1;
    } else {
      g.key = facets.key(static_cast<uint16_t>(i / 2));
    }
    out.push_back(g);
  }
  for (const auto& [k, n] : workers) {
    uint64_t worker = k / 2;
    out.push_back({-1, worker ? std::to_string(worker) : "", k % 2 == 1, n});
  }
  return out;
}

// The counts of the records matching the query grouped by `dim`: from the in-memory index where
// it serves (SQLite, plan best), else from SQL. `page`, when given and the index served, is
// filled with the page's ids; otherwise it is left empty and the caller reads the page in SQL.
std::vector<Group> count(store::Db& db, store::Conn& c, const Principal& p, Where& w,
                         const ChildRegions& kids, Dim dim, ListPlan plan, Page* page = nullptr) {
  if (plan == ListPlan::best && c.dialect().name == "sqlite") {
    return count_facets(db, c, p, w, kids, dim, page);
  }
  return count_sql(c, w, kids, dim);
}

}  // namespace

nlohmann::json list_merchants(store::Db& db, const Principal& p, const MerchantQuery& q,
                              ListPlan plan) {
  require(p, "merchant:read");
  auto conn = db.acquire();
  Where w = build_where(db, *conn, p, q);
  auto children = groups_of(db, *conn, w.region);
  ChildRegions kids(children);
  std::vector<int64_t> per_child(kids.codes.size());
  Page page{q.offset, q.limit, {}};
  // Every record lies in a child or at the region itself (or, through other grants, outside).
  int64_t total = 0;
  for (const auto& g : count(db, *conn, p, w, kids, Dim::child, plan, &page)) {
    if (g.child >= 0) per_child[static_cast<size_t>(g.child)] += g.count;
    total += g.count;
  }
  nlohmann::json items = nlohmann::json::array();
  auto add = [&](const store::Row& r) {
    items.push_back(merchant_json(store::merchant_from_row(r), false, w.cycle.since));
  };
  bool from_index = plan == ListPlan::best && conn->dialect().name == "sqlite";
  if (from_index) {
    if (!page.ids.empty()) {
      store::SqlBuilder sql;
      std::string in = sql.bind_list(page.ids);
      conn->run("SELECT " + store::merchant_columns() + " FROM merchant m WHERE m.id IN (" + in +
                    ") ORDER BY m.id DESC",
                sql.params(), add);
    }
  } else {
    std::string sql_page =
        " ORDER BY m.id DESC LIMIT " + w.sql.bind(q.limit) + " OFFSET " + w.sql.bind(q.offset);
    conn->run(
        "SELECT " + store::merchant_columns() + " FROM merchant m WHERE " + w.where + sql_page,
        w.sql.params(), add);
  }
  attach_region_paths(db, *conn, items, "hometown_code", "hometown_path");
  return {{"items", items},
          {"total", total},
          {"by_region", without_empty_self(by_region_json(children, per_child))},
          {"places", places_json(region_tree(db, *conn), w.places)},
          {"cycle", cycle_json(w.cycle)}};
}

nlohmann::json merchant_classification(store::Db& db, const Principal& p, const std::string& by,
                                       const MerchantQuery& q, ListPlan plan) {
  require(p, "merchant:read");
  if (by != "region" && by != "industry" && by != "intention") {
    throw bad_request("by",
                      "分类方式应为 industry（行业）、region（地区）或 intention（投资意向）");
  }
  auto conn = db.acquire();
  Where w = build_where(db, *conn, p, q);
  nlohmann::json groups = nlohmann::json::array();
  int64_t total = 0;
  if (by == "region") {
    auto children = groups_of(db, *conn, w.region);
    ChildRegions kids(children);
    std::vector<int64_t> counts(kids.codes.size());
    for (const auto& g : count(db, *conn, p, w, kids, Dim::child, plan)) {
      if (g.child >= 0) counts[static_cast<size_t>(g.child)] += g.count;
    }
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
    std::map<std::string, std::string> names;
    conn->run("SELECT code, name FROM industry", {},
              [&](const store::Row& r) { names[r.text(0)] = r.text(1); });
    std::map<std::string, int64_t> counts;
    ChildRegions none(nlohmann::json::array());
    for (const auto& g :
         count(db, *conn, p, w, none, within ? Dim::industry : Dim::section, plan)) {
      counts[g.key] += g.count;
    }
    for (const auto& [key, n] : counts) {
      total += n;
      std::string label = key.empty()                                   ? "未填写行业"
                          : is_section(q.industry) && key == q.industry ? "未细分到大类"
                          : names.count(key)                            ? names[key]
                                                                        : key;
      nlohmann::json drill = nullptr;
      if (!within && is_section(key)) drill = {{"by", "industry"}, {"industry", key}};
      groups.push_back({{"key", key.empty() ? nlohmann::json() : nlohmann::json(key)},
                        {"label", label},
                        {"count", n},
                        {"drill", drill}});
    }
  } else {
    std::map<std::string, int64_t> counts;
    ChildRegions none(nlohmann::json::array());
    for (const auto& g : count(db, *conn, p, w, none, Dim::strength, plan))
      counts[g.key] += g.count;
    for (const auto& t : core::intention_strengths()) {
      total += counts[t.key];
      groups.push_back({{"key", t.key},
                        {"label", t.label},
                        {"count", counts[t.key]},
                        {"drill", {{"by", "industry"}, {"strength", t.key}}}});
    }
  }
  return {{"by", by}, {"region", w.region}, {"total", total}, {"groups", groups}};
}

nlohmann::json merchant_freshness(store::Db& db, const Principal& p, const MerchantQuery& q,
                                  ListPlan plan) {
  require(p, "merchant:read");
  auto conn = db.acquire();
  Where w = build_where(db, *conn, p, q);
  auto children = groups_of(db, *conn, w.region);
  ChildRegions kids(children);
  std::vector<int64_t> all(kids.codes.size()), fresh(kids.codes.size());
  for (const auto& g : count(db, *conn, p, w, kids, Dim::child_fresh, plan)) {
    if (g.child < 0) continue;
    all[static_cast<size_t>(g.child)] += g.count;
    if (g.fresh) fresh[static_cast<size_t>(g.child)] += g.count;
  }
  auto meets = [](const nlohmann::json& rate) {
    return rate.is_null() ? nlohmann::json()
                          : nlohmann::json(rate.get<double>() >= kFreshnessTarget);
  };
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
                    {"meets_target", meets(rate)}});
  }
  // Stale records per case worker ("" key: nobody assigned), most stale first.
  std::map<std::string, std::pair<int64_t, int64_t>> per_worker;  // key → (total, stale)
  for (const auto& g : count(db, *conn, p, w, kids, Dim::worker_fresh, plan)) {
    auto& [n, stale] = per_worker[g.key];
    n += g.count;
    if (!g.fresh) stale += g.count;
  }
  std::map<int64_t, std::string> names;
  conn->run("SELECT id, display_name FROM app_user", {},
            [&](const store::Row& r) { names[r.i64(0)] = r.text(1); });
  std::vector<std::tuple<int64_t, int64_t, std::string>> order;  // -stale, worker id, key
  for (const auto& [key, v] : per_worker) {
    order.emplace_back(-v.second, key.empty() ? 0 : std::stoll(key), key);
  }
  std::sort(order.begin(), order.end());
  nlohmann::json workers = nlohmann::json::array();
  for (const auto& [neg_stale, id, key] : order) {
    const auto& [n, stale] = per_worker[key];
    workers.push_back({{"case_worker_id", key.empty() ? nlohmann::json() : nlohmann::json(id)},
                       {"case_worker_name", key.empty() ? "未分配" : names[id]},
                       {"total", n},
                       {"stale", stale}});
  }
  nlohmann::json rate = rate_json(verified, total);
  return {{"region", w.region},
          {"cycle", cycle_json(w.cycle)},
          {"target", kFreshnessTarget},
          {"total",
           {{"total", total},
            {"verified", verified},
            {"stale", total - verified},
            {"rate", rate},
            {"meets_target", meets(rate)}}},
          {"children", rows},
          {"case_workers", workers}};
}

void for_each_merchant(store::Db& db, const Principal& p, const MerchantQuery& q,
                       const std::function<void(const store::Row&)>& fn) {
  require(p, "merchant:read");
  auto conn = db.acquire();
  Where w = build_where(db, *conn, p, q);
  conn->stream("SELECT " + store::merchant_columns() + " FROM merchant m WHERE " + w.where +
                   " ORDER BY m.id DESC",
               w.sql.params(), fn);
}

}  // namespace guiyan::service
