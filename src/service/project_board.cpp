#include "service/project_board.h"

#include <array>
#include <cmath>
#include <map>

#include "core/clock.h"
#include "core/project_vocabulary.h"
#include "http/api_error.h"
#include "service/data_scope.h"
#include "service/region_filter.h"
#include "store/sql_builder.h"

namespace guiyan::service {
namespace {

using http::bad_request;

// The promised reduction of approval time against the baseline year.
constexpr double kApprovalTarget = 0.2;

struct Scope {
  store::SqlBuilder sql;
  std::string where;  // on project p
  std::string region;
};

// The scope and region condition on the table aliased `alias` (project p, or project_stage e,
// whose rows carry the project's region and creator).
Scope scope_of(store::Db& db, store::Conn& c, const Principal& p, const std::string& region_in,
               const std::string& alias = "p") {
  Scope s;
  s.region = region_in.empty() ? p.region_code : region_in;
  s.where = scope_condition(p, s.sql, alias + ".region_code", alias + ".created_by");
  if (!region_in.empty()) {
    check_region_filter(db, c, p, region_in);
    s.where += " AND " + subtree_condition(s.sql, alias + ".region_code", region_in);
  }
  return s;
}

// Days between two YYYY-MM-DD text columns, in the connection's dialect.
std::string days_between(const store::Dialect& d, const std::string& from, const std::string& to) {
  if (d.name == "sqlite") return "(julianday(" + to + ") - julianday(" + from + "))";
  return "(CAST(" + to + " AS DATE) - CAST(" + from + " AS DATE))";
}

nlohmann::json ratio(double part, double whole) {
  if (whole == 0) return nullptr;
  return std::round(10000.0 * part / whole) / 10000.0;
}

nlohmann::json round1(double v, bool present) {
  if (!present) return nullptr;
  return std::round(v * 10.0) / 10.0;
}

void check_year(int year, const char* field) {
  if (year < 2000 || year > 2100) throw bad_request(field, "年份应在2000到2100之间");
}

}  // namespace

nlohmann::json project_board(store::Db& db, const Principal& p, const std::string& region, int year,
                             ListPlan plan) {
  require(p, "project:read");
  check_year(year, "year");
  auto conn = db.acquire();
  Scope s = scope_of(db, *conn, p, region);
  std::string from = std::to_string(year) + "-01-01", to = std::to_string(year) + "-12-31";
  struct Stage {
    int64_t now = 0, now_amount = 0, now_major = 0, reached = 0, reached_amount = 0;
    double days = 0;
    int64_t timed = 0;
  };
  std::map<std::string, Stage> st;
  // The stages listed so the board index is read stage by stage, already grouped.
  auto stage_list = [](store::SqlBuilder& sql) {
    std::string list;
    for (const auto& t : core::project_stages())
      list += (list.empty() ? "" : ", ") + sql.bind(t.key);
    return list;
  };
  store::SqlBuilder nq = s.sql;
  std::string now_stages = stage_list(nq);
  conn->run(
      "SELECT p.stage, COUNT(*), COALESCE(SUM(p.amount_wan), 0), SUM(CASE WHEN "
      "p.amount_wan >= 10000 THEN 1 ELSE 0 END) FROM project p WHERE p.stage IN (" +
          now_stages + ") AND " + s.where + " GROUP BY p.stage",
      nq.params(), [&](const store::Row& r) {
        Stage& x = st[r.text(0)];
        x.now = r.i64(1);
        x.now_amount = r.i64(2);
        x.now_major = r.i64(3);
      });
  // Stages reached in the year, their amounts, the days spent in them and the major projects
  // signed. From the tally when it answers: the account sees the whole subtree (with a region
  // filter) or its scope is one (without), and that region is a county or larger (the tally
  // counts by county).
  int64_t major_count = 0, major_amount = 0;
  auto take = [&](const store::Row& r) {
    Stage& x = st[r.text(0)];
    x.reached = r.i64(1);
    x.reached_amount = r.i64(2);
    x.days = r.is_null(3) ? 0 : r.f64(3);
    x.timed = r.i64(4);
    if (r.text(0) == "signed") {
      major_count = r.i64(5);
      major_amount = r.i64(6);
    }
  };
  bool tally = plan == ListPlan::best && region_prefix(s.region).size() <= 6 &&
               (region.empty() ? scope_is_subtree(p, s.region) : sees_subtree(p, s.region));
  if (tally) {
    // The stages listed: the tally's key leads with the stage, so each stage's months are read
    // in one range, already grouped.
    store::SqlBuilder tq;
    std::string m0 = tq.bind(std::to_string(year) + "-01"),
                m1 = tq.bind(std::to_string(year) + "-12");
    std::string tally_stages = stage_list(tq);
    conn->run(
        "SELECT t.stage, SUM(t.entries), SUM(t.amount_wan), SUM(t.days), SUM(t.timed), "
        "SUM(t.major), SUM(t.major_amount_wan) FROM project_stage_tally t WHERE t.stage IN (" +
            tally_stages + ") AND t.month >= " + m0 + " AND t.month <= " + m1 + " AND " +
            subtree_condition(tq, "t.unit", s.region) + " GROUP BY t.stage",
        tq.params(), take);
  } else {
    // One pass over the year's range of each stage in the stage table's board index, which
    // carries the project's region, amount and creator and each entry's days (from its dated
    // entry to the dated entry of the next stage; days before dropping the project do not count).
    Scope e = scope_of(db, *conn, p, region, "e");
    store::SqlBuilder yq = e.sql;
    std::string y0 = yq.bind(from), y1 = yq.bind(to);
    std::string year_stages = stage_list(yq);
    const std::string timed = "e.days_in_stage IS NOT NULL AND e.left_to <> 'dropped'";
    conn->run("SELECT e.stage, COUNT(*), COALESCE(SUM(e.amount_wan), 0), SUM(CASE WHEN " + timed +
                  " THEN e.days_in_stage END), SUM(CASE WHEN " + timed +
                  " THEN 1 ELSE 0 END), SUM(CASE WHEN e.amount_wan >= 10000 THEN 1 ELSE 0 END), "
                  "COALESCE(SUM(CASE WHEN e.amount_wan >= 10000 THEN e.amount_wan END), 0) "
                  "FROM project_stage e WHERE e.stage IN (" +
                  year_stages + ") AND e.entered_on >= " + y0 + " AND e.entered_on <= " + y1 +
                  " AND " + e.where + " GROUP BY e.stage",
              yq.params(), take);
  }
  nlohmann::json stages = nlohmann::json::array();
  const auto& terms = core::project_stages();
  for (size_t i = 0; i + 1 < terms.size(); ++i) {
    const Stage& x = st[terms[i].key];
    nlohmann::json conversion = nullptr;
    if (i + 2 < terms.size()) {
      conversion =
          ratio(static_cast<double>(st[terms[i + 1].key].reached), static_cast<double>(x.reached));
    }
    stages.push_back(
        {{"stage", terms[i].key},
         {"label", terms[i].label},
         {"current", x.now},
         {"current_amount_wan", x.now_amount},
         {"current_major", x.now_major},
         {"reached_in_year", x.reached},
         {"reached_amount_wan", x.reached_amount},
         {"conversion_to_next", conversion},
         {"avg_days", round1(x.timed ? x.days / static_cast<double>(x.timed) : 0, x.timed > 0)},
         {"timed_projects", x.timed}});
  }
  store::SqlBuilder fq = s.sql;
  std::string f0 = fq.bind(from), f1 = fq.bind(to);
  int64_t funds = store::query_int(
      *conn,
      "SELECT COALESCE(SUM(f.amount_wan), 0) FROM project_funding f JOIN project p ON p.id = "
      "f.project_id WHERE " +
          s.where + " AND f.arrived_on >= " + f0 + " AND f.arrived_on <= " + f1,
      fq.params());
  const Stage& dropped = st["dropped"];
  return {{"region", s.region},
          {"year", year},
          {"stages", stages},
          {"dropped", {{"current", dropped.now}, {"in_year", dropped.reached}}},
          {"major_signed", {{"count", major_count}, {"amount_wan", major_amount}}},
          {"funds_arrived_wan", funds}};
}

nlohmann::json approval_times(store::Db& db, const Principal& p, const std::string& region,
                              int year, int baseline) {
  require(p, "project:read");
  check_year(year, "year");
  check_year(baseline, "baseline");
  auto conn = db.acquire();
  Scope s = scope_of(db, *conn, p, region);
  // kind → (year: days, count; baseline: days, count)
  std::map<std::string, std::array<double, 4>> by_kind;
  for (int which : {0, 1}) {
    int y = which == 0 ? year : baseline;
    store::SqlBuilder q = s.sql;
    std::string a = q.bind(std::to_string(y) + "-01-01"), b = q.bind(std::to_string(y) + "-12-31");
    conn->run("SELECT m.kind, SUM(" +
                  days_between(conn->dialect(), "m.started_on", "m.finished_on") +
                  "), COUNT(*) FROM project_milestone m JOIN project p ON p.id = m.project_id "
                  "WHERE " +
                  s.where + " AND m.finished_on >= " + a + " AND m.finished_on <= " + b +
                  " GROUP BY m.kind",
              q.params(), [&](const store::Row& r) {
                auto& v = by_kind[r.text(0)];
                v[which * 2] += r.f64(1);
                v[which * 2 + 1] += static_cast<double>(r.i64(2));
              });
  }
  auto entry = [&](const std::array<double, 4>& v) {
    bool now = v[1] > 0, before = v[3] > 0;
    double avg = now ? v[0] / v[1] : 0, base = before ? v[2] / v[3] : 0;
    nlohmann::json reduction =
        now && before && base > 0 ? ratio(base - avg, base) : nlohmann::json();
    return nlohmann::json{
        {"avg_days", round1(avg, now)},
        {"count", static_cast<int64_t>(v[1])},
        {"baseline_avg_days", round1(base, before)},
        {"baseline_count", static_cast<int64_t>(v[3])},
        {"reduction", reduction},
        {"meets_target", reduction.is_null()
                             ? nlohmann::json()
                             : nlohmann::json(reduction.get<double>() >= kApprovalTarget)}};
  };
  nlohmann::json kinds = nlohmann::json::array();
  std::array<double, 4> all{};
  for (const auto& t : core::milestone_kinds()) {
    auto it = by_kind.find(t.key);
    if (it == by_kind.end()) continue;
    for (size_t i = 0; i < 4; ++i) all[i] += it->second[i];
    auto e = entry(it->second);
    e["kind"] = t.key;
    e["label"] = t.label;
    kinds.push_back(e);
  }
  return {{"region", s.region},   {"year", year},
          {"baseline", baseline}, {"target_reduction", kApprovalTarget},
          {"kinds", kinds},       {"overall", entry(all)}};
}

}  // namespace guiyan::service
