#include "service/application_service.h"

#include <algorithm>

#include "core/clock.h"
#include "core/text.h"
#include "http/api_error.h"
#include "rules/policy.h"
#include "service/audit.h"
#include "service/data_scope.h"
#include "service/official_calendar.h"
#include "service/person_service.h"
#include "service/policy_evaluation.h"
#include "service/policy_service.h"
#include "service/policy_subjects.h"
#include "service/region_filter.h"
#include "service/venture_service.h"
#include "store/sql_builder.h"

namespace guiyan::service {
namespace {

using http::ApiError;
using http::bad_request;

const char* status_name(const std::string& status) {
  if (status == "submitted") return "待初审";
  if (status == "reviewed") return "待审批";
  if (status == "approved") return "已批准待发放";
  if (status == "rejected") return "已驳回";
  if (status == "paid") return "已发放";
  return "";
}

const char* channel_name(const std::string& channel) {
  if (channel == "self") return "本人申请";
  if (channel == "automatic") return "免申即享";
  return "代为申请";
}

core::Date date_or_today(const std::optional<std::string>& text, const std::string& field,
                         const std::string& label) {
  if (!text) return core::today_local_date();
  auto d = core::Date::parse_iso(*text);
  if (!d) throw bad_request(field, label + "应写作 YYYY-MM-DD");
  if (core::today_local_date() < *d) throw bad_request(field, label + "不能晚于今天");
  return *d;
}

// The subject, checked against the account's scope (404 outside, as for a missing record).
PolicySubject subject_in_scope(store::Conn& c, const Principal& p, const std::string& kind,
                               int64_t id, core::Date on) {
  if (kind == "person") person_in_scope(c, p, id);  // throws 404 outside the scope
  if (kind == "venture") {
    require(p, "venture:read");
    venture_in_scope(c, p, id, false);
  }
  auto subject = load_policy_subject(c, kind, id, on);
  if (!subject) throw http::not_found(kind == "person" ? "人员" : "经营主体");
  return std::move(*subject);
}

std::optional<std::string> period_key(const rules::Policy& policy, core::Date on) {
  if (policy.period == "once") return std::string("once");
  if (policy.period == "year") return std::to_string(on.year);
  return std::nullopt;
}

// "…：不满足（…）；…" of the unmet conditions, for a refusal.
std::string unmet(const rules::Evaluation& e) {
  std::string text;
  for (const auto& c : e.conditions) {
    if (c.result != rules::Verdict::not_eligible) continue;
    if (!text.empty()) text += "；";
    text += c.sentence;
  }
  return text;
}

const char* kApplicationColumns =
    "SELECT a.id, a.policy_id, a.policy_code, a.policy_version, p.name, p.kind, a.subject_kind, "
    "a.subject_id, a.subject_name, a.region_code, COALESCE(r.name, ''), a.status, a.channel, "
    "a.submitted_on, COALESCE(su.display_name, ''), a.submission_verdict, a.amount_requested_fen, "
    "a.note, a.reviewed_on, COALESCE(ru.display_name, ''), a.review_note, a.decided_on, "
    "COALESCE(du.display_name, ''), a.decision_verdict, a.decision_reason, "
    "a.amount_approved_fen, a.payout_due_on, a.paid_on, a.paid_fen, a.payment_reference, "
    "a.submitted_by, a.submission_trace, a.decision_trace "
    "FROM policy_application a JOIN policy p ON p.id = a.policy_id "
    "LEFT JOIN region r ON r.code = a.region_code "
    "LEFT JOIN app_user su ON su.id = a.submitted_by "
    "LEFT JOIN app_user ru ON ru.id = a.reviewed_by "
    "LEFT JOIN app_user du ON du.id = a.decided_by ";

nlohmann::json opt_json(const store::Row& r, size_t i, bool integer = false) {
  if (r.is_null(i)) return nullptr;
  return integer ? nlohmann::json(r.i64(i)) : nlohmann::json(r.text(i));
}

nlohmann::json application_json(const store::Row& r, bool with_traces) {
  std::string status = r.text(11);
  auto due = core::Date::parse_iso(r.text(26));
  bool overdue = status == "approved" && due && *due < core::today_local_date();
  nlohmann::json out = {{"id", r.i64(0)},
                        {"policy",
                         {{"id", r.i64(1)},
                          {"code", r.text(2)},
                          {"version", r.i64(3)},
                          {"name", r.text(4)},
                          {"kind", r.text(5)}}},
                        {"subject",
                         {{"kind", r.text(6)},
                          {"id", r.i64(7)},
                          {"name", r.text(8)},
                          {"region_code", r.text(9)},
                          {"region_name", r.text(10)}}},
                        {"status", status},
                        {"status_name", status_name(status)},
                        {"channel", r.text(12)},
                        {"channel_name", channel_name(r.text(12))},
                        {"submitted_on", r.text(13)},
                        {"submitted_by_name", r.text(14)},
                        {"submission_verdict", r.text(15)},
                        {"amount_requested_fen", opt_json(r, 16, true)},
                        {"note", opt_json(r, 17)},
                        {"reviewed_on", opt_json(r, 18)},
                        {"reviewed_by_name", r.text(19)},
                        {"review_note", opt_json(r, 20)},
                        {"decided_on", opt_json(r, 21)},
                        {"decided_by_name", r.text(22)},
                        {"decision_verdict", opt_json(r, 23)},
                        {"decision_reason", opt_json(r, 24)},
                        {"amount_approved_fen", opt_json(r, 25, true)},
                        {"payout_due_on", opt_json(r, 26)},
                        {"payout_overdue", overdue},
                        {"paid_on", opt_json(r, 27)},
                        {"paid_fen", opt_json(r, 28, true)},
                        {"payment_reference", opt_json(r, 29)}};
  if (due) {
    out["payout_due_estimated"] = !official_calendar().covers(due->year);
    if (status == "approved") {
      out["payout_working_days_left"] =
          official_calendar().working_days_between(core::today_local_date(), *due);
    }
  }
  if (with_traces) {
    out["submission"] = nlohmann::json::parse(r.text(31));
    out["decision"] = r.is_null(32) ? nlohmann::json() : nlohmann::json::parse(r.text(32));
  }
  return out;
}

// The application row, inside the scope; 404 otherwise.
store::Row must_find(store::Conn& c, const Principal& p, int64_t id) {
  auto r = store::query_one(c, std::string(kApplicationColumns) + "WHERE a.id = $1", {id});
  if (!r || !in_scope(p, r->text(9))) throw http::not_found("政策申请");
  return *r;
}

void require_status(const store::Row& r, std::initializer_list<const char*> allowed,
                    const std::string& action) {
  std::string status = r.text(11);
  for (const char* s : allowed) {
    if (status == s) return;
  }
  throw ApiError(409, "wrong_status",
                 std::string("该申请当前为“") + status_name(status) + "”，不能" + action, "status");
}

}  // namespace

int64_t insert_application(store::Conn& c, const NewApplication& a) {
  std::string now = core::now_iso();
  auto trace = evaluation_json(*a.policy, *a.evaluation);
  return store::query_int(
      c,
      "INSERT INTO policy_application (policy_id, policy_code, policy_version, subject_kind, "
      "subject_id, subject_name, region_code, period_key, status, channel, submitted_on, "
      "submitted_by, submission_verdict, submission_trace, amount_requested_fen, note, "
      "created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'submitted', $9, $10, "
      "$11, $12, $13, $14, $15, $16, $16) RETURNING id",
      {a.policy->id, a.policy->policy.code, int64_t{a.policy->version}, a.subject_kind,
       a.subject_id, a.subject_name, a.region_code,
       store::nullable(period_key(a.policy->policy, a.on)), a.channel, a.on.to_iso(),
       store::nullable(a.submitted_by), std::string(rules::verdict_key(a.evaluation->verdict)),
       trace.dump(), store::nullable(a.amount_requested_fen), store::nullable(a.note), now});
}

nlohmann::json list_applications(store::Db& db, const Principal& p, const ApplicationFilter& f) {
  require(p, "application:read");
  auto conn = db.acquire();
  store::SqlBuilder sql;
  std::string where = scope_condition(p, sql, "a.region_code");
  if (!f.region.empty()) {
    check_region_filter(db, *conn, p, f.region);
    where += " AND " + subtree_condition(sql, "a.region_code", f.region);
  }
  if (!f.status.empty()) {
    std::string list;
    for (const auto& one : core::split(f.status, ',')) {
      if (!*status_name(one)) throw bad_request("status", "申请状态“" + one + "”不正确");
      list += (list.empty() ? "" : ", ") + sql.bind(one);
    }
    where += " AND a.status IN (" + list + ")";
  }
  if (f.policy_id) where += " AND a.policy_id = " + sql.bind(*f.policy_id);
  if (f.person_id) {
    where += " AND a.subject_kind = 'person' AND a.subject_id = " + sql.bind(*f.person_id);
  }
  if (f.venture_id) {
    where += " AND a.subject_kind = 'venture' AND a.subject_id = " + sql.bind(*f.venture_id);
  }
  if (!f.q.empty()) where += " AND a.subject_name LIKE " + sql.bind("%" + f.q + "%");
  if (f.overdue_only) {
    where += " AND a.status = 'approved' AND a.payout_due_on < " +
             sql.bind(core::today_local_date().to_iso());
  }
  int64_t total = store::query_int(
      *conn, "SELECT COUNT(*) FROM policy_application a WHERE " + where, sql.params());
  std::string page =
      " ORDER BY a.id DESC LIMIT " + sql.bind(f.limit) + " OFFSET " + sql.bind(f.offset);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& r : store::query(
           *conn, std::string(kApplicationColumns) + "WHERE " + where + page, sql.params())) {
    items.push_back(application_json(r, false));
  }
  return {{"items", std::move(items)}, {"total", total}};
}

nlohmann::json get_application(store::Db& db, const Principal& p, int64_t id) {
  require(p, "application:read");
  auto conn = db.acquire();
  return application_json(must_find(*conn, p, id), true);
}

nlohmann::json submit_application(store::Db& db, const Principal& p, const SubmitInput& in) {
  require(p, "application:write");
  if (in.channel != "staff" && in.channel != "self") {
    throw bad_request("channel", "申请方式应为 staff（代为申请）或 self（本人申请）");
  }
  if (in.subject_kind != "person" && in.subject_kind != "venture") {
    throw bad_request("subject_kind", "申请对象应为人员或经营主体");
  }
  if (in.amount_requested_fen && *in.amount_requested_fen <= 0) {
    throw bad_request("amount_requested_fen", "申请金额应大于0");
  }
  core::Date on = date_or_today(in.submitted_on, "submitted_on", "申请日期");
  auto conn = db.acquire();
  auto cp = current_policy(*conn, in.policy_id);
  if (cp->policy.subject != in.subject_kind) {
    throw bad_request("policy_id",
                      "该政策的申请对象是" +
                          std::string(cp->policy.subject == "venture" ? "经营主体" : "贷款") +
                          "，不是个人");
  }
  auto subject = subject_in_scope(*conn, p, in.subject_kind, in.subject_id, on);
  auto evaluation = rules::evaluate(cp->policy, subject.situation, on);
  if (evaluation.verdict == rules::Verdict::not_eligible) {
    throw ApiError(400, "not_eligible", "不符合“" + cp->policy.name + "”：" + unmet(evaluation),
                   "policy_id");
  }
  store::Tx tx(*conn);
  int64_t id = 0;
  try {
    id = insert_application(
        *conn, {cp.get(), subject.kind, subject.id, subject.name, subject.region_code, on,
                in.channel, &evaluation, p.user_id, in.amount_requested_fen, in.note});
  } catch (const store::DbError& e) {
    if (e.kind() != store::DbErrorKind::unique_violation) throw;
    throw ApiError(409, "duplicate",
                   subject.name + "已申请或已享受“" + cp->policy.name + "”" +
                       (cp->policy.period == "year" ? "（本年度）" : "") + "，不能重复申请",
                   "policy_id");
  }
  audit(*conn, Actor::of(p),
        {"create",
         "policy_application",
         std::to_string(id),
         subject.region_code,
         nullptr,
         {{"policy", cp->policy.code},
          {"subject", subject.kind + ":" + std::to_string(subject.id)},
          {"verdict", rules::verdict_key(evaluation.verdict)},
          {"channel", in.channel}}});
  tx.commit();
  return application_json(must_find(*conn, p, id), true);
}

nlohmann::json review_application(store::Db& db, const Principal& p, int64_t id,
                                  const std::optional<std::string>& note) {
  require(p, "application:write");
  auto conn = db.acquire();
  store::Tx tx(*conn);
  auto row = must_find(*conn, p, id);
  require_status(row, {"submitted"}, "初审");
  std::string now = core::now_iso();
  store::exec(*conn,
              "UPDATE policy_application SET status = 'reviewed', reviewed_on = $1, "
              "reviewed_by = $2, review_note = $3, updated_at = $4 WHERE id = $5",
              {core::today_local_date().to_iso(), p.user_id, store::nullable(note), now, id});
  audit(*conn, Actor::of(p),
        {"review",
         "policy_application",
         std::to_string(id),
         row.text(9),
         {{"status", "submitted"}},
         {{"status", "reviewed"}, {"note", note ? *note : ""}}});
  tx.commit();
  return application_json(must_find(*conn, p, id), true);
}

nlohmann::json decide_application(store::Db& db, const Principal& p, int64_t id,
                                  const DecisionInput& in) {
  require(p, "application:decide");
  core::Date on = date_or_today(in.decided_on, "decided_on", "审批日期");
  auto conn = db.acquire();
  store::Tx tx(*conn);
  auto row = must_find(*conn, p, id);
  require_status(row, {"reviewed"}, "审批（须先初审）");
  if (!row.is_null(30) && row.i64(30) == p.user_id) {
    throw ApiError(409, "same_person", "不能审批本人提交的申请，请由其他工作人员审批");
  }
  if (on < *core::Date::parse_iso(row.text(13))) {
    throw bad_request("decided_on", "审批日期不能早于申请日期");
  }
  auto cp = current_policy(*conn, row.i64(1));
  auto subject = load_policy_subject(*conn, row.text(6), row.i64(7), on);
  if (!subject) throw ApiError(409, "subject_gone", "申请对象的记录已不存在或已合并");
  // The application itself is not yet an award: evaluate as if it were not there.
  auto evaluation = rules::evaluate(cp->policy, subject->situation, on);
  auto trace = evaluation_json(*cp, evaluation);
  std::string now = core::now_iso();
  nlohmann::json after;
  if (in.approve) {
    if (evaluation.verdict == rules::Verdict::not_eligible) {
      throw ApiError(409, "not_eligible",
                     "审批日不符合“" + cp->policy.name + "”：" + unmet(evaluation));
    }
    std::optional<int64_t> amount = in.amount_approved_fen;
    if (!amount && !evaluation.amount_is_cap) amount = evaluation.amount_fen;
    if (!amount && evaluation.amount_is_cap && !row.is_null(16)) {
      amount = std::min<int64_t>(row.i64(16), evaluation.amount_fen.value_or(row.i64(16)));
    }
    if (cp->policy.amount && !amount) {
      throw bad_request("amount_approved_fen", "请填写批准金额（政策未给出确定金额）");
    }
    if (amount && *amount <= 0) throw bad_request("amount_approved_fen", "批准金额应大于0");
    if (amount && evaluation.amount_is_cap && evaluation.amount_fen &&
        *amount > *evaluation.amount_fen) {
      throw bad_request("amount_approved_fen", "批准金额超过政策上限");
    }
    auto due = official_calendar().add_working_days(on, kPayoutWorkingDays);
    store::exec(
        *conn,
        "UPDATE policy_application SET status = 'approved', decided_on = $1, "
        "decided_by = $2, decision_verdict = $3, decision_trace = $4, "
        "decision_reason = $5, amount_approved_fen = $6, payout_due_on = $7, "
        "updated_at = $8 WHERE id = $9",
        {on.to_iso(), p.user_id, std::string(rules::verdict_key(evaluation.verdict)), trace.dump(),
         store::nullable(in.reason), store::nullable(amount), due.to_iso(), now, id});
    after = {{"status", "approved"},
             {"amount_approved_fen", amount ? nlohmann::json(*amount) : nlohmann::json()},
             {"payout_due_on", due.to_iso()}};
  } else {
    if (!in.reason || in.reason->empty()) throw bad_request("reason", "驳回须填写理由");
    store::exec(*conn,
                "UPDATE policy_application SET status = 'rejected', decided_on = $1, "
                "decided_by = $2, decision_verdict = $3, decision_trace = $4, "
                "decision_reason = $5, updated_at = $6 WHERE id = $7",
                {on.to_iso(), p.user_id, std::string(rules::verdict_key(evaluation.verdict)),
                 trace.dump(), *in.reason, now, id});
    after = {{"status", "rejected"}, {"reason", *in.reason}};
  }
  audit(*conn, Actor::of(p),
        {in.approve ? "approve" : "reject",
         "policy_application",
         std::to_string(id),
         row.text(9),
         {{"status", "reviewed"}},
         after});
  tx.commit();
  return application_json(must_find(*conn, p, id), true);
}

nlohmann::json pay_application(store::Db& db, const Principal& p, int64_t id,
                               const PaymentInput& in) {
  require(p, "application:write");
  core::Date on = date_or_today(in.paid_on, "paid_on", "发放日期");
  if (in.reference.empty()) throw bad_request("reference", "请填写发放凭证号");
  auto conn = db.acquire();
  store::Tx tx(*conn);
  auto row = must_find(*conn, p, id);
  require_status(row, {"approved"}, "登记发放");
  if (on < *core::Date::parse_iso(row.text(21))) {
    throw bad_request("paid_on", "发放日期不能早于审批日期");
  }
  std::optional<int64_t> paid = in.paid_fen;
  if (!paid && !row.is_null(25)) paid = row.i64(25);
  if (!paid || *paid <= 0) throw bad_request("paid_fen", "请填写发放金额");
  if (!row.is_null(25) && *paid > row.i64(25)) {
    throw bad_request("paid_fen", "发放金额超过批准金额");
  }
  store::exec(*conn,
              "UPDATE policy_application SET status = 'paid', paid_on = $1, paid_fen = $2, "
              "payment_reference = $3, updated_at = $4 WHERE id = $5",
              {on.to_iso(), *paid, in.reference, core::now_iso(), id});
  audit(*conn, Actor::of(p),
        {"pay",
         "policy_application",
         std::to_string(id),
         row.text(9),
         {{"status", "approved"}},
         {{"status", "paid"},
          {"paid_fen", *paid},
          {"paid_on", on.to_iso()},
          {"reference", in.reference}}});
  tx.commit();
  return application_json(must_find(*conn, p, id), true);
}

}  // namespace guiyan::service
