#include "service/person_query.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <unordered_map>

#include "core/clock.h"
#include "core/person_fields.h"
#include "http/api_error.h"
#include "service/case_worker_filter.h"
#include "service/child_regions.h"
#include "service/data_scope.h"
#include "service/person_facets.h"
#include "service/person_next_step.h"
#include "service/person_search_hits.h"
#include "service/person_service.h"
#include "service/region_buckets.h"
#include "service/region_filter.h"
#include "service/region_resolver.h"
#include "service/region_service.h"
#include "service/region_tree.h"
#include "service/search_words.h"
#include "store/person_repo.h"
#include "store/sql_builder.h"
#include "text/tokenize.h"

namespace guiyan::service {
namespace {

using http::bad_request;

// The full-text condition of `terms` ("1=1" when there are none).
std::string search_condition(const store::Dialect& d, store::SqlBuilder& sql,
                             const std::vector<text::QueryTerm>& terms) {
  if (terms.empty()) return "1=1";
  if (d.name == "sqlite") {
    return "p.id IN (SELECT rowid FROM person_fts WHERE person_fts MATCH " +
           sql.bind(text::fts5_match(terms)) + ")";
  }
  return "p.search_vector @@ to_tsquery('simple', " + sql.bind(text::tsquery(terms)) + ")";
}

// Filters find retired terms too: records keep them.
void check_key(const std::vector<core::Term>& terms, const std::string& value, const char* field) {
  if (!value.empty() && !core::find_term(terms, value, true)) {
    throw bad_request(field, std::string("筛选条件“") + field + "”的取值不正确");
  }
}

std::string date_years_ago(int years) {
  auto now = core::now() + std::chrono::hours{8};
  std::chrono::year_month_day ymd{std::chrono::floor<std::chrono::days>(now)};
  auto then = ymd - std::chrono::years{years};
  if (!then.ok()) then = then.year() / then.month() / std::chrono::last;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(then.year()), unsigned(then.month()),
                unsigned(then.day()));
  return buf;
}

// Sets each item's "next_step" (person_next_step.h), null for people without one.
void attach_next_steps(store::Conn& c, nlohmann::json& items) {
  std::vector<int64_t> ids;
  for (const auto& item : items) ids.push_back(item["id"].get<int64_t>());
  auto steps = next_steps_of(c, ids);
  for (auto& item : items) {
    auto it = steps.find(item["id"].get<int64_t>());
    item["next_step"] = it == steps.end() ? nlohmann::json() : it->second;
  }
}

struct Where {
  store::SqlBuilder sql;
  std::string where;
  std::string region;        // the subtree counted by region
  std::string region_token;  // narrows a search to the region it is bounded to ("" for none)
  SearchWords search;        // q as full-text terms, and the places it names
  FacetFilter facets;        // the same filters as stored keys, for PersonFacets
};

// "1990-05-17" → 19900517.
int date_number(const std::string& iso) {
  return std::stoi(iso.substr(0, 4)) * 10000 + std::stoi(iso.substr(5, 2)) * 100 +
         std::stoi(iso.substr(8, 2));
}

Where build_where(store::Db& db, store::Conn& c, const Principal& p, const PersonQuery& q) {
  Where w;
  // People merged into another record are only reachable through their survivor's file.
  w.where =
      scope_condition(p, w.sql, "p.region_code", "p.created_by") + " AND p.merged_into IS NULL";
  w.region = q.region.empty() ? p.region_code : q.region;
  if (!q.region.empty()) {
    check_region_filter(db, c, p, q.region);
    w.where += " AND " + subtree_condition(w.sql, "p.region_code", q.region);
  }
  check_key(core::person_statuses(), q.status, "status");
  check_key(core::funnel_stages(), q.funnel_stage, "funnel_stage");
  check_key(core::help_kinds(), q.help, "help");
  core::Terms brands = core::labour_brands();
  check_key(*brands, q.labour_brand, "labour_brand");
  check_key(core::data_sources(), q.source, "source");
  FacetFilter& f = w.facets;
  if (!q.status.empty()) {
    f.status = *core::find_term(core::person_statuses(), q.status);
    w.where += " AND p.status = " + w.sql.bind(f.status);
  }
  if (!q.funnel_stage.empty()) {
    f.funnel_stage = *core::find_term(core::funnel_stages(), q.funnel_stage);
    w.where += " AND p.funnel_stage = " + w.sql.bind(f.funnel_stage);
  }
  if (!q.labour_brand.empty()) {
    f.labour_brand = *core::find_term(*brands, q.labour_brand, true);
    w.where += " AND p.labour_brand = " + w.sql.bind(f.labour_brand);
  }
  if (!q.source.empty()) {
    f.source = *core::find_term(core::data_sources(), q.source);
    w.where += " AND p.source = " + w.sql.bind(f.source);
  }
  if (!q.help.empty()) {
    f.help = *core::find_term(core::help_kinds(), q.help);
    w.where +=
        " AND (',' || COALESCE(p.help_wanted, '') || ',') LIKE " + w.sql.bind("%," + f.help + ",%");
  }
  if (q.age_min) {
    std::string born = date_years_ago(*q.age_min);
    f.birth_max = date_number(born);
    w.where += " AND p.birth_date <= " + w.sql.bind(born);
  }
  if (q.age_max) {
    std::string born = date_years_ago(*q.age_max + 1);
    f.birth_min = date_number(born);
    w.where += " AND p.birth_date > " + w.sql.bind(born);
  }
  if (!q.home_on.empty()) {
    if (q.home_on.size() != 10 || !core::parse_iso(q.home_on)) {
      throw bad_request("home_on", "日期格式应为 YYYY-MM-DD");
    }
    // Who will be home is not in the ledger: a later day would only repeat today's answer.
    if (q.home_on > core::today_local()) throw bad_request("home_on", "日期不能晚于今天");
    w.where +=
        " AND (SELECT h.status FROM person_status_history h WHERE h.person_id = p.id AND h.since "
        "<= " +
        w.sql.bind(q.home_on) +
        " ORDER BY h.since DESC, h.id DESC LIMIT 1) IN ('returned', 'employed_home', "
        "'started_business')";
  }
  if (auto worker = case_worker_filter(q.case_worker)) {
    f.case_worker = *worker;
    w.where += *worker == 0 ? " AND p.case_worker_id IS NULL"
                            : " AND p.case_worker_id = " + w.sql.bind(*worker);
  }
  if (!q.next_step.empty()) {
    if (q.next_step != "overdue" && q.next_step != "due") {
      throw bad_request("next_step", "跟进筛选应为 overdue（已逾期）或 due（7日内到期，含逾期）");
    }
    core::Date today = core::today_local_date();
    // The next step of each person's latest service record, when its date has come (near).
    w.where +=
        " AND p.id IN (" +
        people_with_next_due(
            q.next_step == "overdue" ? "<" : "<=",
            w.sql.bind(q.next_step == "overdue" ? today.to_iso() : today.plus_days(7).to_iso())) +
        ")";
  }
  if (!q.q.empty()) {
    // The region the list is bounded to, when that is one subtree below the province: its
    // token keeps the search inside the region's hits (the subtree condition stays as well).
    std::string bound = !q.region.empty()                    ? q.region
                        : scope_is_subtree(p, p.region_code) ? p.region_code
                                                             : std::string();
    if (!bound.empty() && region_prefix(bound).size() > 2) {
      w.region_token = "rg" + region_prefix(bound);
    }
    w.search = search_words(shared_region_resolver(db, c), q.q, bound, w.region_token);
    w.where += " AND " + search_condition(c.dialect(), w.sql, w.search.terms);
  }
  return w;
}

// Whether the running tally (person_tally, by township) can give the counts of a filter on
// `region`: nothing but region, status and funnel stage filters it, its children are townships
// or larger, and the account sees that whole subtree, so its data scope adds no condition.
bool tally_answers(const Principal& p, const PersonQuery& q, const std::string& region) {
  if (!q.q.empty() || !q.help.empty() || !q.labour_brand.empty() || !q.source.empty() ||
      q.age_min || q.age_max || !q.home_on.empty() || !q.case_worker.empty() ||
      !q.next_step.empty() || child_code_length(region) > 9) {
    return false;
  }
  // With a region filter the subtree bounds the list; without, the scope itself does.
  return q.region.empty() ? scope_is_subtree(p, region) : sees_subtree(p, region);
}

// Calls fn(child prefix, status, funnel stage, count) for the live people under `region` from
// the tally, optionally of one status and one funnel stage (keys; "" for any).
void tally_counts(store::Conn& c, const std::string& region, const std::string& status,
                  const std::string& stage,
                  const std::function<void(const std::string&, const std::string&,
                                           const std::string&, int64_t)>& fn) {
  store::SqlBuilder sql;
  std::string len = std::to_string(child_code_length(region));
  std::string where = subtree_condition(sql, "t.unit", region);
  if (!status.empty()) where += " AND t.status = " + sql.bind(status);
  if (!stage.empty()) where += " AND t.funnel_stage = " + sql.bind(stage);
  c.run("SELECT SUBSTR(t.unit, 1, " + len + "), t.status, t.funnel_stage, SUM(t.n) FROM " +
            "person_tally t WHERE " + where + " GROUP BY SUBSTR(t.unit, 1, " + len +
            "), t.status, t.funnel_stage",
        sql.params(), [&](const store::Row& r) { fn(r.text(0), r.text(1), r.text(2), r.i64(3)); });
}

// Whether the account sees everything under `region` (so no scope check is needed there).
bool sees_all_of(const Principal& p, const std::string& region) {
  return std::any_of(p.scopes.begin(), p.scopes.end(),
                     [](const ScopeGrant& g) { return g.kind == "all"; }) ||
         (!region.empty() && sees_subtree(p, region));
}

// The page and counts of a list from the in-memory facets: the full-text hits (or every person)
// walked from the newest id down, each checked against the scope and the filters, counted by
// child region, the page's rows then read by id.
nlohmann::json list_from_facets(store::Db& db, store::Conn& c, const Principal& p,
                                const PersonQuery& q, const Where& w,
                                const nlohmann::json& children) {
  auto& facets = db.attachment<PersonFacets>();
  facets.refresh(c);
  std::shared_ptr<const PersonSearchHits::Ids> hits;
  const std::vector<text::QueryTerm>& terms = w.search.terms;
  if (!terms.empty()) {
    hits = db.attachment<PersonSearchHits>().find(
        c, c.dialect().name == "sqlite" ? text::fts5_match(terms) : text::tsquery(terms));
  }
  ChildRegions kids(children);
  int64_t total = 0;
  std::vector<int64_t> per_child(kids.codes.size()), page;
  // Without a search, the running tally may give the counts: the walk then stops at the page.
  bool counted = terms.empty() && tally_answers(p, q, w.region);
  if (counted) {
    tally_counts(c, w.region, w.facets.status, w.facets.funnel_stage,
                 [&](const std::string& key, const std::string&, const std::string&, int64_t n) {
                   total += n;
                   if (int i = kids.index_of(key); i >= 0) per_child[i] += n;
                 });
  }
  // No scope check when the account sees everything the filter can reach.
  RegionBuckets buckets(db.attachment<RegionBucketCache>(), facets, p, kids, w.region,
                        q.region.empty() ? std::string() : region_prefix(q.region),
                        sees_all_of(p, q.region));
  int64_t seen = 0;
  facets.scan(w.facets, hits.get(), [&](int64_t id, const PersonFacets::Entry& e) {
    int32_t b = buckets.of(e);
    if (b == RegionBuckets::kOutside) return true;
    if (seen++ >= q.offset) {
      if (static_cast<int64_t>(page.size()) < q.limit) {
        page.push_back(id);
      } else if (counted) {
        return false;
      }
    }
    if (!counted) {
      ++total;
      if (b >= 0) ++per_child[b];
    }
    return true;
  });
  nlohmann::json items = nlohmann::json::array();
  if (!page.empty()) {
    store::SqlBuilder sql;
    std::string ids = sql.bind_list(page);
    for (const auto& r :
         store::query(c,
                      "SELECT " + store::person_columns() + " FROM person p WHERE p.id IN (" + ids +
                          ") ORDER BY p.id DESC",
                      sql.params())) {
      items.push_back(person_json(store::person_from_row(r), false));
    }
  }
  return {{"items", items}, {"total", total}, {"by_region", by_region_json(children, per_child)}};
}

}  // namespace

nlohmann::json list_people(store::Db& db, const Principal& p, const PersonQuery& q, ListPlan plan) {
  require(p, "person:read");
  auto conn = db.acquire();
  Where w = build_where(db, *conn, p, q);
  auto children = region_children(db, *conn, w.region)["items"];
  // The facets hold neither the status history a "home on date D" filter reads nor the service
  // records: those lists are answered in SQL (the next steps falling due are few, and indexed).
  if (plan == ListPlan::best && q.home_on.empty() && q.next_step.empty()) {
    auto out = list_from_facets(db, *conn, p, q, w, children);
    attach_next_steps(*conn, out["items"]);
    attach_region_paths(db, *conn, out["items"], "region_code", "region_path");
    out["places"] = places_json(region_tree(db, *conn), w.search.places);
    return out;
  }
  // The total and the counts per child region of the filter's region, in one grouped query.
  int64_t total = 0;
  size_t len = child_code_length(w.region);
  ChildRegions kids(children);
  std::vector<int64_t> per_child(kids.codes.size());
  auto add = [&](const std::string& key, int64_t n) {
    total += n;
    if (int i = kids.index_of(key); i >= 0) per_child[i] += n;
  };
  if (tally_answers(p, q, w.region)) {
    auto key_of = [](const std::vector<core::Term>& terms, const std::string& v) {
      return v.empty() ? v : *core::find_term(terms, v);
    };
    tally_counts(*conn, w.region, key_of(core::person_statuses(), q.status),
                 key_of(core::funnel_stages(), q.funnel_stage),
                 [&](const std::string& key, const std::string&, const std::string&, int64_t n) {
                   add(key, n);
                 });
  } else {
    for (const auto& r :
         store::query(*conn,
                      "SELECT SUBSTR(p.region_code, 1, " + std::to_string(len) +
                          "), COUNT(*) FROM person p WHERE " + w.where +
                          " GROUP BY SUBSTR(p.region_code, 1, " + std::to_string(len) + ")",
                      w.sql.params())) {
      add(r.text(0), r.i64(1));
    }
  }
  std::string page =
      " ORDER BY p.id DESC LIMIT " + w.sql.bind(q.limit) + " OFFSET " + w.sql.bind(q.offset);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& r : store::query(
           *conn, "SELECT " + store::person_columns() + " FROM person p WHERE " + w.where + page,
           w.sql.params())) {
    items.push_back(person_json(store::person_from_row(r), false));
  }
  attach_next_steps(*conn, items);
  attach_region_paths(db, *conn, items, "region_code", "region_path");
  return {{"items", items},
          {"total", total},
          {"by_region", by_region_json(children, per_child)},
          {"places", places_json(region_tree(db, *conn), w.search.places)}};
}

void for_each_person(store::Db& db, const Principal& p, const PersonQuery& q,
                     const std::function<void(const store::Row&)>& fn) {
  require(p, "person:read");
  auto conn = db.acquire();
  Where w = build_where(db, *conn, p, q);
  conn->stream("SELECT " + store::person_columns() + " FROM person p WHERE " + w.where +
                   " ORDER BY p.id DESC",
               w.sql.params(), fn);
}

nlohmann::json people_stats(store::Db& db, const Principal& p, const std::string& region_in,
                            ListPlan plan) {
  require(p, "person:read");
  std::string region = region_in.empty() ? p.region_code : region_in;
  auto conn = db.acquire();
  if (!region_tree(db, *conn).holds(region)) throw http::not_found("行政区划");
  if (!region_in.empty()) check_region_filter(db, *conn, p, region_in);
  store::SqlBuilder sql;
  std::string where = scope_condition(p, sql, "p.region_code", "p.created_by") + " AND " +
                      subtree_condition(sql, "p.region_code", region) +
                      " AND p.merged_into IS NULL";
  size_t len = child_code_length(region);
  auto children = region_children(db, *conn, region)["items"];
  struct Counts {
    std::map<std::string, int64_t> status, funnel;
    int64_t total = 0;
  };
  std::map<std::string, Counts> per;
  ChildRegions kids(children);
  auto add = [&](const std::string& key, const std::string& status, const std::string& stage,
                 int64_t n) {
    int i = kids.index_of(key);
    if (i < 0) return;
    Counts& c = per[kids.codes[i]];
    c.status[status] += n;
    c.funnel[stage] += n;
    c.total += n;
  };
  PersonQuery only_region;
  only_region.region = region;
  if (tally_answers(p, only_region, region)) {
    tally_counts(*conn, region, "", "", add);
  } else if (plan == ListPlan::best) {
    // An account that sees only part of the subtree: every live person in the list index,
    // checked against the scope, counted by child, status and funnel stage.
    auto& facets = db.attachment<PersonFacets>();
    facets.refresh(*conn);
    RegionBuckets buckets(db.attachment<RegionBucketCache>(), facets, p, kids, region,
                          region_prefix(region), sees_all_of(p, region));
    std::unordered_map<uint64_t, int64_t> cells;  // child << 32 | status << 16 | stage
    facets.scan(FacetFilter{}, nullptr, [&](int64_t, const PersonFacets::Entry& e) {
      if (int32_t b = buckets.of(e); b >= 0) {
        ++cells[uint64_t(b) << 32 | uint64_t(e.status) << 16 | e.stage];
      }
      return true;
    });
    std::vector<std::string> keys = facets.key_names();
    for (const auto& [cell, n] : cells) {
      add(kids.codes[cell >> 32], keys[(cell >> 16) & 0xffff], keys[cell & 0xffff], n);
    }
  } else {
    for (const auto& r :
         store::query(*conn,
                      "SELECT SUBSTR(p.region_code, 1, " + std::to_string(len) +
                          "), p.status, p.funnel_stage, COUNT(*) FROM person p WHERE " + where +
                          " GROUP BY SUBSTR(p.region_code, 1, " + std::to_string(len) +
                          "), p.status, p.funnel_stage",
                      sql.params())) {
      add(r.text(0), r.text(1), r.text(2), r.i64(3));
    }
  }
  auto rate = [](int64_t part, int64_t whole) -> nlohmann::json {
    if (whole == 0) return nullptr;
    return std::round(10000.0 * static_cast<double>(part) / static_cast<double>(whole)) / 10000.0;
  };
  nlohmann::json rows = nlohmann::json::array();
  Counts all;
  for (const auto& child : children) {
    std::string code = child["code"];
    Counts& c = per[code];
    nlohmann::json status = nlohmann::json::object(), funnel = nlohmann::json::object();
    for (const auto& s : core::person_statuses()) status[s.key] = c.status[s.key];
    for (const auto& f : core::funnel_stages()) funnel[f.key] = c.funnel[f.key];
    // The funnel is cumulative: a landed person was contacted and identified too.
    int64_t landed = c.funnel["landed"], contacted = c.funnel["contacted"] + landed,
            identified = c.funnel["identified"] + contacted;
    rows.push_back(
        {{"code", code},
         {"name", child["name"]},
         {"total", c.total},
         {"status", status},
         {"funnel", funnel},
         {"reached", {{"identified", identified}, {"contacted", contacted}, {"landed", landed}}},
         {"contact_rate", rate(contacted, identified)},
         {"landing_rate", rate(landed, contacted)}});
    for (auto& [k, v] : c.status) all.status[k] += v;
    for (auto& [k, v] : c.funnel) all.funnel[k] += v;
    all.total += c.total;
  }
  int64_t landed = all.funnel["landed"], contacted = all.funnel["contacted"] + landed,
          identified = all.funnel["identified"] + contacted;
  return {{"region", region},
          {"children", rows},
          {"total",
           {{"count", all.total},
            {"reached", {{"identified", identified}, {"contacted", contacted}, {"landed", landed}}},
            {"contact_rate", rate(contacted, identified)},
            {"landing_rate", rate(landed, contacted)}}}};
}

}  // namespace guiyan::service
