#include "service/policy_matches.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <set>

#include "core/clock.h"
#include "http/api_error.h"
#include "rules/policy.h"
#include "service/application_service.h"
#include "service/audit.h"
#include "service/data_scope.h"
#include "service/ledger_file.h"
#include "service/masking.h"
#include "service/official_calendar.h"
#include "service/policy_evaluation.h"
#include "service/policy_service.h"
#include "service/policy_subjects.h"
#include "service/region_filter.h"
#include "store/sql_builder.h"

namespace guiyan::service {
namespace {

using http::bad_request;

struct Found {
  int64_t id;
  std::string region;
  rules::Verdict verdict;
  std::optional<long long> amount_fen;
  std::string summary;
};

// Re-evaluates the policy over `region` (everything, or the subjects changed since the last run
// when that run was of the same version and day) and stores the qualifying ones; rows whose
// verdict, amount and summary did not change are left as they are (their date says since when).
nlohmann::json refresh(store::Conn& c, const CurrentPolicy& cp, const std::string& region) {
  auto started = std::chrono::steady_clock::now();
  const std::string& kind = cp.policy.subject;
  if (!matchable_subject(kind)) {
    throw bad_request("policy_id", "贷款类政策在担保贷款台账中逐笔审核，没有政策找人名单",
                      "not_supported");
  }
  core::Date today = core::today_local_date();
  std::string started_at = core::now_iso();
  store::Tx tx(c);
  auto run = store::query_one(c,
                              "SELECT policy_version, run_on, ran_at FROM policy_match_run "
                              "WHERE policy_id = $1 AND $2 LIKE region_code || '%' "
                              "ORDER BY ran_at DESC LIMIT 1",
                              {cp.id, region});
  bool changes_only = run && run->i64(0) == cp.version && run->text(1) == today.to_iso();

  // What the list holds now in the region, and the awards of this policy there, by subject.
  struct Held {
    std::string region, verdict, summary;
    std::optional<int64_t> amount;
  };
  std::map<int64_t, Held> held;
  std::map<int64_t, std::vector<rules::Award>> awards;
  {
    store::SqlBuilder h;
    std::string hw = "policy_id = " + h.bind(cp.id) + " AND subject_kind = " + h.bind(kind) +
                     " AND " + subtree_condition(h, "region_code", region);
    for (const auto& r : store::query(
             c,
             "SELECT subject_id, region_code, verdict, summary, amount_fen FROM policy_match "
             "WHERE " +
                 hw,
             h.params())) {
      held[r.i64(0)] = {r.text(1), r.text(2), r.text(3), r.opt_i64(4)};
    }
    store::SqlBuilder a;
    std::string aw = "policy_id = " + a.bind(cp.id) + " AND subject_kind = " + a.bind(kind) +
                     " AND status IN ('approved', 'paid') AND " +
                     subtree_condition(a, "region_code", region);
    for (const auto& r : store::query(
             c, "SELECT subject_id, decided_on FROM policy_application WHERE " + aw, a.params())) {
      if (auto d = core::Date::parse_iso(r.text(1))) {
        awards[r.i64(0)].push_back({cp.policy.code, *d});
      }
    }
  }

  std::vector<Found> found;   // qualifying, new or changed
  std::set<int64_t> kept;     // qualifying (changed or not)
  std::vector<int64_t> gone;  // held, and no longer qualifying (or merged away)
  int64_t evaluated = 0;
  std::optional<std::string> since;
  if (changes_only) since = run->text(2);
  // Only the subjects inside both the requested region and the policy's: a city's policy is not
  // evaluated over the whole province, and one of another city not at all.
  const std::string& issued = cp.policy.region;
  std::optional<std::string> scan;
  if (issued.starts_with(region)) {
    scan = issued;
  } else if (region.starts_with(issued)) {
    scan = region;
  }
  if (scan) {
    for_each_policy_subject(c, kind, *scan, since, today,
                            [&](int64_t id, const std::string& where, rules::Situation* situation) {
                              ++evaluated;
                              auto it = held.find(id);
                              if (!situation) {
                                if (it != held.end()) gone.push_back(id);
                                return;
                              }
                              if (auto a = awards.find(id); a != awards.end())
                                situation->awards = a->second;
                              auto e = rules::evaluate(cp.policy, *situation, today);
                              if (e.verdict == rules::Verdict::not_eligible) {
                                if (it != held.end()) gone.push_back(id);
                                return;
                              }
                              kept.insert(id);
                              std::optional<int64_t> amount;
                              if (e.amount_fen) amount = *e.amount_fen;
                              if (it != held.end() && it->second.region == where &&
                                  it->second.verdict == rules::verdict_key(e.verdict) &&
                                  it->second.summary == e.summary && it->second.amount == amount) {
                                return;  // unchanged
                              }
                              found.push_back({id, where, e.verdict, e.amount_fen, e.summary});
                            });
  }
  if (!changes_only) {
    // Subjects held but not met this time (moved out, deleted, no longer qualifying) go too.
    for (const auto& [id, h] : held) {
      if (!kept.count(id)) gone.push_back(id);
    }
    std::sort(gone.begin(), gone.end());
    gone.erase(std::unique(gone.begin(), gone.end()), gone.end());
  }
  for (int64_t id : gone) {
    store::exec(c,
                "DELETE FROM policy_match WHERE policy_id = $1 AND subject_kind = $2 AND "
                "subject_id = $3",
                {cp.id, kind, id});
  }
  std::string day = today.to_iso();
  for (const auto& f : found) {
    store::exec(c,
                "INSERT INTO policy_match (policy_id, subject_kind, subject_id, region_code, "
                "verdict, amount_fen, summary, evaluated_on) VALUES ($1, $2, $3, $4, $5, $6, $7, "
                "$8) ON CONFLICT (policy_id, subject_kind, subject_id) DO UPDATE SET "
                "region_code = excluded.region_code, verdict = excluded.verdict, "
                "amount_fen = excluded.amount_fen, summary = excluded.summary, "
                "evaluated_on = excluded.evaluated_on",
                {cp.id, kind, f.id, f.region, std::string(rules::verdict_key(f.verdict)),
                 f.amount_fen ? store::Value{int64_t{*f.amount_fen}} : store::Value{store::Null{}},
                 f.summary, day});
  }
  store::exec(c,
              "INSERT INTO policy_match_run (policy_id, region_code, policy_version, run_on, "
              "ran_at, evaluated) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (policy_id, "
              "region_code) DO UPDATE SET policy_version = excluded.policy_version, "
              "run_on = excluded.run_on, ran_at = excluded.ran_at, evaluated = excluded.evaluated",
              {cp.id, region, int64_t{cp.version}, day, started_at, evaluated});
  tx.commit();
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                                  started)
                .count();
  return {{"mode", changes_only ? "changes" : "full"}, {"evaluated", evaluated}, {"ms", ms}};
}

// The list's WHERE (alias m, person p): the policy, the region, the filter, and no live
// application for the policy in the current period (nor a pending one).
std::string list_where(store::SqlBuilder& sql, const Principal& p, const CurrentPolicy& cp,
                       const std::string& region, const MatchFilter& f) {
  std::string where = "m.policy_id = " + sql.bind(cp.id) +
                      " AND m.subject_kind = " + sql.bind(cp.policy.subject) + " AND " +
                      subtree_condition(sql, "m.region_code", region) + " AND " +
                      scope_condition(p, sql, "m.region_code");
  if (f.verdict == "eligible" || f.verdict == "unknown") {
    where += " AND m.verdict = " + sql.bind(f.verdict);
  } else if (f.verdict != "all") {
    throw bad_request("verdict", "verdict 应为 eligible、unknown 或 all");
  }
  // "applied": those with an application under way instead of those without.
  bool applied = f.work_status == "applied";
  if (!f.work_status.empty() && !applied) {
    if (f.work_status != "open" && f.work_status != "contacted" && f.work_status != "declined") {
      throw bad_request("work_status", "处理状态应为 open、contacted、declined 或 applied");
    }
    where += " AND m.work_status = " + sql.bind(f.work_status);
  }
  std::string period = cp.policy.period == "once"   ? "once"
                       : cp.policy.period == "year" ? std::to_string(core::today_local_date().year)
                                                    : "";
  where += std::string(applied ? " AND" : " AND NOT") +
           " EXISTS (SELECT 1 FROM policy_application a WHERE a.policy_id = m.policy_id "
           "AND a.subject_kind = m.subject_kind AND a.subject_id = m.subject_id AND (a.status IN "
           "('submitted', 'reviewed')";
  if (!period.empty()) {
    where += " OR (a.status <> 'rejected' AND a.period_key = " + sql.bind(period) + ")";
  }
  where += "))";
  return where;
}

// The list's SELECT for a subject kind (alias m; the person, or the venture and its founder).
std::string match_select(const std::string& kind) {
  if (kind == "venture") {
    return "SELECT m.subject_id, v.name, m.region_code, COALESCE(r.name, ''), fp.phone, "
           "m.verdict, m.amount_fen, m.summary, m.work_status, m.work_note, "
           "COALESCE(u.display_name, ''), m.work_at, m.evaluated_on FROM policy_match m "
           "JOIN venture v ON v.id = m.subject_id LEFT JOIN person fp ON fp.id = (SELECT "
           "MIN(f.person_id) FROM venture_founder f WHERE f.venture_id = v.id) "
           "LEFT JOIN region r ON r.code = m.region_code "
           "LEFT JOIN app_user u ON u.id = m.work_by ";
  }
  return "SELECT m.subject_id, p.name, m.region_code, COALESCE(r.name, ''), p.phone, m.verdict, "
         "m.amount_fen, m.summary, m.work_status, m.work_note, COALESCE(u.display_name, ''), "
         "m.work_at, m.evaluated_on FROM policy_match m JOIN person p ON p.id = m.subject_id "
         "LEFT JOIN region r ON r.code = m.region_code LEFT JOIN app_user u ON u.id = m.work_by ";
}

const char* work_name(const std::string& s) {
  return s == "contacted" ? "已联系" : s == "declined" ? "不申请" : "待联系";
}

// The region the matches are worked out and listed for: the filter, checked (an unknown code or
// one outside the scope refused before any matching is worked out), or the account's own.
std::string region_of(store::Db& db, store::Conn& c, const Principal& p, const MatchFilter& f) {
  std::string region = f.region.empty() ? p.region_code : f.region;
  if (region.empty() || region.find_first_not_of("0123456789") != std::string::npos) {
    throw bad_request("region", "地区代码不正确");
  }
  if (!f.region.empty()) check_region_filter(db, c, p, f.region);
  return region;
}

}  // namespace

bool matchable_subject(const std::string& subject) {
  return subject == "person" || subject == "venture";
}

nlohmann::json refresh_policy_matches(store::Db& db, int64_t policy_id, const std::string& region) {
  auto conn = db.acquire();
  auto cp = current_policy(*conn, policy_id);
  return refresh(*conn, *cp, region);
}

nlohmann::json policy_matches_api(store::Db& db, const Principal& p, int64_t policy_id,
                                  const MatchFilter& f) {
  require(p, "policy:read");
  require(p, "application:read");
  auto conn = db.acquire();
  std::string region = region_of(db, *conn, p, f);
  auto cp = current_policy(*conn, policy_id);
  auto run = refresh(*conn, *cp, region);
  store::SqlBuilder sql;
  std::string where = list_where(sql, p, *cp, region, f);
  int64_t total =
      store::query_int(*conn, "SELECT COUNT(*) FROM policy_match m WHERE " + where, sql.params());
  nlohmann::json counts = {{"open", 0}, {"contacted", 0}, {"declined", 0}, {"applied", 0}};
  {
    store::SqlBuilder cs;
    MatchFilter all = f;
    all.work_status.clear();
    std::string cw = list_where(cs, p, *cp, region, all);
    for (const auto& r : store::query(*conn,
                                      "SELECT m.work_status, COUNT(*) FROM policy_match m WHERE " +
                                          cw + " GROUP BY m.work_status",
                                      cs.params())) {
      counts[r.text(0)] = r.i64(1);
    }
    store::SqlBuilder as;
    all.work_status = "applied";
    counts["applied"] = store::query_int(
        *conn, "SELECT COUNT(*) FROM policy_match m WHERE " + list_where(as, p, *cp, region, all),
        as.params());
  }
  std::string page = " ORDER BY m.region_code, m.subject_id LIMIT " + sql.bind(f.limit) +
                     " OFFSET " + sql.bind(f.offset);
  nlohmann::json items = nlohmann::json::array();
  bool unmask = false;  // the worklist shows masked phones; the person file unmasks (audited)
  for (const auto& r : store::query(
           *conn, match_select(cp->policy.subject) + "WHERE " + where + page, sql.params())) {
    items.push_back(
        {{"subject",
          {{"kind", cp->policy.subject},
           {"id", r.i64(0)},
           {"name", r.text(1)},
           {"region_code", r.text(2)},
           {"region_name", r.text(3)},
           {"phone", unmask ? r.text(4) : mask_phone(r.text(4))}}},
         {"verdict", r.text(5)},
         {"amount_fen", r.is_null(6) ? nlohmann::json() : nlohmann::json(r.i64(6))},
         {"summary", r.text(7)},
         {"work_status", r.text(8)},
         {"work_status_name", f.work_status == "applied" ? "已申请" : work_name(r.text(8))},
         {"work_note", r.is_null(9) ? nlohmann::json() : nlohmann::json(r.text(9))},
         {"work_by_name", r.text(10)},
         {"work_at", r.is_null(11) ? nlohmann::json() : nlohmann::json(r.text(11))},
         {"evaluated_on", r.text(12)}});
  }
  return {{"policy",
           {{"id", cp->id},
            {"code", cp->policy.code},
            {"name", cp->policy.name},
            {"version", cp->version}}},
          {"region", region},
          {"run", run},
          {"counts", counts},
          {"items", std::move(items)},
          {"total", total}};
}

std::string export_policy_matches(store::Db& db, const Principal& p, int64_t policy_id,
                                  const MatchFilter& f, const std::string& format) {
  require(p, "policy:read");
  require(p, "application:read");
  auto conn = db.acquire();
  std::string region = region_of(db, *conn, p, f);
  auto cp = current_policy(*conn, policy_id);
  refresh(*conn, *cp, region);
  store::SqlBuilder sql;
  std::string where = list_where(sql, p, *cp, region, f);
  using io::CellKind;
  LedgerFile file(
      format, "政策找人",
      {cp->policy.subject == "venture" ? "主体名称" : "姓名", "所在地", "联系电话", "评估结论",
       "可享金额（元）", "说明", "处理状态", "处理说明", "处理人", "评估日期"},
      {CellKind::text, CellKind::text, CellKind::text, CellKind::text, CellKind::number,
       CellKind::text, CellKind::text, CellKind::text, CellKind::text, CellKind::text});
  conn->run(
      match_select(cp->policy.subject) + "WHERE " + where + " ORDER BY m.region_code, m.subject_id",
      sql.params(), [&](const store::Row& r) {
        std::string amount;
        if (!r.is_null(6)) amount = std::to_string(r.i64(6) / 100);
        file.row({r.text(1), r.text(3), mask_phone(r.text(4)),
                  r.text(5) == "eligible" ? "符合" : "待核实", amount, r.text(7),
                  work_name(r.text(8)), r.text(9), r.text(10), r.text(12)});
      });
  int64_t rows = file.rows();
  std::string path = file.close();
  store::Tx tx(*conn);
  audit(*conn, Actor::of(p),
        {"export",
         "policy_match",
         std::to_string(policy_id),
         region,
         nullptr,
         {{"rows", rows}, {"format", format}, {"verdict", f.verdict}}});
  tx.commit();
  return path;
}

nlohmann::json confirm_entitlements(store::Db& db, const Principal& p, int64_t policy_id,
                                    const std::string& region_text,
                                    const std::optional<std::vector<int64_t>>& person_ids) {
  require(p, "application:decide");
  MatchFilter f;
  f.region = region_text;
  auto conn = db.acquire();
  std::string region = region_of(db, *conn, p, f);
  auto cp = current_policy(*conn, policy_id);
  if (cp->policy.award != "automatic") {
    throw bad_request("policy_id", "“" + cp->policy.name + "”不是免申即享政策，请走申请审批",
                      "not_automatic");
  }
  refresh(*conn, *cp, region);
  store::SqlBuilder sql;
  std::string where = list_where(sql, p, *cp, region, f);
  std::vector<int64_t> ids;
  conn->first_column_int64(
      "SELECT m.subject_id FROM policy_match m WHERE " + where + " ORDER BY m.subject_id",
      sql.params(), ids);
  if (person_ids) {
    std::set<int64_t> wanted(person_ids->begin(), person_ids->end());
    std::erase_if(ids, [&](int64_t id) { return !wanted.count(id); });
  }
  core::Date today = core::today_local_date();
  std::string due = official_calendar().add_working_days(today, kPayoutWorkingDays).to_iso();
  nlohmann::json created = nlohmann::json::array(), skipped = nlohmann::json::array();
  store::Tx tx(*conn);
  for (int64_t id : ids) {
    auto subject = load_policy_subject(*conn, cp->policy.subject, id, today);
    if (!subject) continue;
    auto e = rules::evaluate(cp->policy, subject->situation, today);
    std::string reason = e.verdict != rules::Verdict::eligible
                             ? "今日评估结论为“" + std::string(rules::verdict_word(e.verdict)) + "”"
                         : !e.amount_fen && cp->policy.amount ? std::string("金额未定，需人工核定")
                                                              : std::string();
    if (!reason.empty()) {
      skipped.push_back({{"person_id", id}, {"name", subject->name}, {"reason", reason}});
      continue;
    }
    int64_t app = insert_application(
        *conn, {cp.get(), cp->policy.subject, id, subject->name, subject->region_code, today,
                "automatic", &e, p.user_id, std::nullopt, std::nullopt});
    auto trace = evaluation_json(*cp, e);
    store::exec(*conn,
                "UPDATE policy_application SET status = 'approved', reviewed_on = $1, "
                "reviewed_by = $2, decided_on = $1, decided_by = $2, decision_verdict = $3, "
                "decision_trace = $4, amount_approved_fen = $5, payout_due_on = $6, "
                "decision_reason = $7 WHERE id = $8",
                {today.to_iso(), p.user_id, std::string("eligible"), trace.dump(),
                 e.amount_fen ? store::Value{int64_t{*e.amount_fen}} : store::Value{store::Null{}},
                 due, std::string("免申即享，批量确认"), app});
    audit(*conn, Actor::of(p),
          {"approve",
           "policy_application",
           std::to_string(app),
           subject->region_code,
           nullptr,
           {{"status", "approved"},
            {"channel", "automatic"},
            {"policy", cp->policy.code},
            {"amount_approved_fen",
             e.amount_fen ? nlohmann::json(*e.amount_fen) : nlohmann::json()}}});
    created.push_back(app);
  }
  tx.commit();
  return {{"created", created.size()}, {"application_ids", created}, {"skipped", skipped}};
}

nlohmann::json set_match_work(store::Db& db, const Principal& p, int64_t policy_id,
                              int64_t subject_id, const std::string& work_status,
                              const std::optional<std::string>& note) {
  require(p, "application:write");
  if (work_status != "open" && work_status != "contacted" && work_status != "declined") {
    throw bad_request("work_status",
                      "处理状态应为 open（待联系）、contacted（已联系）或 declined（不申请）");
  }
  auto conn = db.acquire();
  std::string kind = current_policy(*conn, policy_id)->policy.subject;
  store::Tx tx(*conn);
  auto row = store::query_one(*conn,
                              "SELECT region_code, work_status, work_note FROM policy_match "
                              "WHERE policy_id = $1 AND subject_kind = $2 AND subject_id = $3",
                              {policy_id, kind, subject_id});
  if (!row || !in_scope(p, row->text(0))) throw http::not_found("名单中的人员");
  std::string now = core::now_iso();
  store::exec(*conn,
              "UPDATE policy_match SET work_status = $1, work_note = $2, work_by = $3, "
              "work_at = $4 WHERE policy_id = $5 AND subject_kind = $6 AND subject_id = $7",
              {work_status, store::nullable(note), p.user_id, now, policy_id, kind, subject_id});
  audit(*conn, Actor::of(p),
        {"update",
         "policy_match",
         std::to_string(policy_id) + ":" + std::to_string(subject_id),
         row->text(0),
         {{"work_status", row->text(1)}, {"work_note", row->is_null(2) ? "" : row->text(2)}},
         {{"work_status", work_status}, {"work_note", note ? *note : ""}}});
  tx.commit();
  return {{"policy_id", policy_id},
          {"subject_id", subject_id},
          {"work_status", work_status},
          {"work_status_name", work_name(work_status)},
          {"work_note", note ? nlohmann::json(*note) : nlohmann::json()},
          {"work_at", now}};
}

}  // namespace guiyan::service
