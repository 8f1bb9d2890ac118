#include "service/loan_service.h"

#include <cmath>
#include <map>
#include <utility>
#include <vector>

#include "core/clock.h"
#include "core/date.h"
#include "core/subsidy_schedule.h"
#include "http/api_error.h"
#include "rules/policy.h"
#include "service/audit.h"
#include "service/data_scope.h"
#include "service/person_service.h"
#include "service/policy_service.h"
#include "service/policy_subjects.h"
#include "service/region_filter.h"
#include "service/region_service.h"
#include "store/sql_builder.h"

namespace guiyan::service {
namespace {

using http::bad_request;
using LoanChoices = std::vector<std::pair<std::string, std::string>>;

const LoanChoices& loan_kinds() {
  static const LoanChoices k = {
      {"individual", "个人"}, {"partnership", "合伙创业"}, {"small_firm", "小微企业"}};
  return k;
}

const LoanChoices& loan_statuses() {
  static const LoanChoices k = {
      {"active", "正常还款"}, {"repaid", "已结清"}, {"overdue", "逾期"}, {"compensated", "已代偿"}};
  return k;
}

std::string loan_label(const LoanChoices& choices, const std::string& key) {
  for (const auto& [k, label] : choices) {
    if (k == key) return label;
  }
  return {};
}

nlohmann::json loan_choices_json(const LoanChoices& choices) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& [k, label] : choices) out.push_back({{"key", k}, {"label", label}});
  return out;
}

// 450 → "4.50".
std::string loan_percent(int64_t bp) {
  char text[32];
  std::snprintf(text, sizeof text, "%lld.%02lld", static_cast<long long>(bp / 100),
                static_cast<long long>(bp % 100));
  return text;
}

std::string loan_yuan_text(int64_t fen) {
  char text[48];
  std::snprintf(text, sizeof text, "%lld.%02lld元", static_cast<long long>(fen / 100),
                static_cast<long long>(fen % 100));
  return text;
}

const char* kLoanSelect =
    "SELECT l.id, l.person_id, COALESCE(p.name, ''), l.venture_id, l.borrower_kind, l.guarantor, "
    "l.bank, l.amount_yuan, l.rate_bp, l.contract_on, l.term_months, l.region_code, "
    "COALESCE(r.name, ''), l.status, l.verdict, l.needs_review, l.cap_bp, l.share_bp, l.notes, "
    "l.created_at, l.updated_at, (SELECT COALESCE(SUM(s.amount_fen), 0) FROM loan_subsidy s "
    "WHERE s.loan_id = l.id), l.policy_id, l.policy_version, l.trace "
    "FROM loan l JOIN person p ON p.id = l.person_id LEFT JOIN region r ON r.code = "
    "l.region_code ";

core::SubsidyTerms loan_terms(const store::Row& r) {
  core::SubsidyTerms t;
  t.principal_yuan = r.i64(7);
  t.rate_bp = static_cast<int>(r.i64(8));
  t.cap_bp = static_cast<int>(r.opt_i64(16).value_or(0));
  t.share_bp = static_cast<int>(r.opt_i64(17).value_or(0));
  t.contract_on = core::Date::parse_iso(r.text(9)).value_or(core::Date{2000, 1, 1});
  t.term_months = static_cast<int>(r.i64(10));
  return t;
}

nlohmann::json loan_json(const store::Row& r) {
  auto terms = loan_terms(r);
  auto months = core::subsidy_schedule(terms);
  std::string today = core::today_local();
  int64_t total = 0, fallen_due = 0;
  for (const auto& m : months) {
    total += m.subsidy_fen;
    if (m.to.to_iso() <= today) fallen_due += m.subsidy_fen;
  }
  int64_t paid = r.i64(21);
  return {{"id", r.i64(0)},
          {"person_id", r.i64(1)},
          {"person_name", r.text(2)},
          {"venture_id", r.is_null(3) ? nlohmann::json() : nlohmann::json(r.i64(3))},
          {"borrower_kind", r.text(4)},
          {"borrower_kind_label", loan_label(loan_kinds(), r.text(4))},
          {"guarantor", r.opt_text(5) ? nlohmann::json(r.text(5)) : nlohmann::json()},
          {"bank", r.text(6)},
          {"amount_yuan", r.i64(7)},
          {"rate_bp", r.i64(8)},
          {"rate_percent", loan_percent(r.i64(8))},
          {"contract_on", r.text(9)},
          {"term_months", r.i64(10)},
          {"maturity_on", core::add_months(terms.contract_on, terms.term_months).to_iso()},
          {"region_code", r.text(11)},
          {"region_name", r.text(12)},
          {"status", r.text(13)},
          {"status_label", loan_label(loan_statuses(), r.text(13))},
          {"verdict", r.text(14)},
          {"needs_review", r.i64(15) != 0},
          {"cap_bp", r.is_null(16) ? nlohmann::json() : nlohmann::json(r.i64(16))},
          {"share_bp", r.is_null(17) ? nlohmann::json() : nlohmann::json(r.i64(17))},
          {"subsidy_rate_bp", core::subsidised_rate_bp(terms)},
          {"notes", r.opt_text(18) ? nlohmann::json(r.text(18)) : nlohmann::json()},
          {"subsidy_total_fen", total},
          {"subsidy_fallen_due_fen", fallen_due},
          {"subsidy_paid_fen", paid},
          {"subsidy_outstanding_fen", fallen_due - paid},
          {"created_at", r.text(19)},
          {"updated_at", r.text(20)}};
}

std::optional<store::Row> loan_row(store::Conn& c, int64_t id) {
  return store::query_one(c, std::string(kLoanSelect) + "WHERE l.id = $1", {id});
}

store::Row loan_in_scope(store::Conn& c, const Principal& p, int64_t id) {
  auto r = loan_row(c, id);
  if (!r || !in_scope(p, r->text(11))) throw http::not_found("贷款");
  return *r;
}

// The schedule with what was paid against each month, and the payments.
nlohmann::json loan_detail(store::Conn& c, const store::Row& r) {
  auto out = loan_json(r);
  int64_t id = r.i64(0);
  std::map<int64_t, int64_t> paid_by_month;
  nlohmann::json payments = nlohmann::json::array();
  for (const auto& s : store::query(c,
                                    "SELECT id, month, amount_fen, paid_on, reference, "
                                    "recorded_at FROM loan_subsidy WHERE loan_id = $1 "
                                    "ORDER BY paid_on, id",
                                    {id})) {
    paid_by_month[s.i64(1)] += s.i64(2);
    payments.push_back({{"id", s.i64(0)},
                        {"month", s.i64(1)},
                        {"amount_fen", s.i64(2)},
                        {"paid_on", s.text(3)},
                        {"reference", s.opt_text(4) ? nlohmann::json(s.text(4)) : nlohmann::json()},
                        {"recorded_at", s.text(5)}});
  }
  std::string today = core::today_local();
  nlohmann::json months = nlohmann::json::array();
  int64_t interest = 0;
  for (const auto& m : core::subsidy_schedule(loan_terms(r))) {
    int64_t paid = paid_by_month[m.month];
    interest += m.interest_fen;
    months.push_back({{"month", m.month},
                      {"from", m.from.to_iso()},
                      {"to", m.to.to_iso()},
                      {"fallen_due", m.to.to_iso() <= today},
                      {"interest_fen", m.interest_fen},
                      {"subsidy_fen", m.subsidy_fen},
                      {"paid_fen", paid},
                      {"outstanding_fen", m.subsidy_fen - paid}});
  }
  out["schedule"] = {{"assumption", "按月付息、到期一次还本（不计提前还款）"},
                     {"interest_fen", interest},
                     {"months", std::move(months)}};
  out["subsidies"] = std::move(payments);
  out["check"] = r.is_null(24) ? nlohmann::json() : nlohmann::json::parse(r.text(24));
  return out;
}

// A number the policy's (or the shared) parameters hold on `on` in `region`.
std::optional<double> loan_parameter(const rules::Policy& policy, const std::string& name,
                                     core::Date on, const std::string& region) {
  for (const auto& set : {policy.parameters, policy.shared_parameters}) {
    if (!set) continue;
    auto it = set->find(name);
    if (it == set->end()) continue;
    const auto* v = it->second.at(on, region);
    if (v && v->value.is_number()) return v->value.as_number();
    return std::nullopt;
  }
  return std::nullopt;
}

struct LoanCheck {
  std::string verdict;
  nlohmann::json trace;
  std::optional<int64_t> policy_id, policy_version, cap_bp, share_bp;
  std::string warning;
};

struct LoanTermsIn {
  int64_t person_id = 0, except_id = 0;
  std::string kind, region;
  int64_t amount_yuan = 0, rate_bp = 0, term_months = 0;
  core::Date contract_on;
};

// What a failed condition means, said the way a clerk tells the applicant, and its field.
std::pair<std::string, std::string> loan_refusal(const rules::ConditionResult& c,
                                                 const rules::Policy& policy, const LoanTermsIn& t,
                                                 std::optional<int64_t> cap_bp) {
  const std::string& label = c.label;
  auto has = [&](const char* word) { return label.find(word) != std::string::npos; };
  if (has("累计") || has("次")) {
    auto max = loan_parameter(policy, "max_loans", t.contract_on, t.region);
    std::string n = max ? std::to_string(std::llround(*max)) : std::string("规定");
    return {"累计获贷已达" + n + "次", "person_id"};
  }
  if (has("利率")) {
    std::string cap = cap_bp ? "（上限 " + loan_percent(*cap_bp) + "%）" : std::string();
    return {"利率超过合同签订日LPR+150BP上限" + cap, "rate_bp"};
  }
  if (has("金额")) {
    return {"贷款金额超过" + loan_label(loan_kinds(), t.kind) + "贷款额度上限", "amount_yuan"};
  }
  if (has("返乡")) return {"借款人不是返乡创业人员（按合同签订日的人员状态）", "person_id"};
  if (has("有效期")) return {"合同签订日不在政策有效期内", "contract_on"};
  if (has("地区")) return {"借款人所在地不在政策适用地区内", "region_code"};
  return {c.sentence, ""};
}

LoanCheck check_loan(store::Conn& c, const LoanTermsIn& t) {
  LoanCheck out;
  auto policy = current_policy_by_code(c, "guaranteed_loan");
  if (!policy) {
    out.verdict = "unknown";
    out.warning = "未找到创业担保贷款政策（guaranteed_loan），贷款未经政策校验，待核实";
    return out;
  }
  out.policy_id = policy->id;
  out.policy_version = policy->version;
  const auto& pol = policy->policy;
  auto lpr = loan_parameter(pol, "lpr_1y", t.contract_on, t.region);
  auto markup = loan_parameter(pol, "rate_markup_percent", t.contract_on, t.region);
  if (lpr && markup) out.cap_bp = std::llround(*lpr * 100) + std::llround(*markup * 100);
  if (auto share = loan_parameter(pol, "treasury_share", t.contract_on, t.region)) {
    out.share_bp = std::llround(*share * 10000);
  }

  using rules::Value;
  rules::Situation s;
  s.set("loan.region", Value::of(t.region));
  s.set("loan.borrower_kind", Value::of(t.kind));
  s.set("loan.amount_wan", Value::of(static_cast<double>(t.amount_yuan) / 10000.0));
  s.set("loan.rate_percent", Value::of(static_cast<double>(t.rate_bp) / 100.0));
  s.set("loan.contract_on", Value::of(t.contract_on));
  s.set("loan.term_months", Value::of(static_cast<double>(t.term_months)));
  if (auto person = person_situation(c, t.person_id, t.contract_on)) {
    if (auto slot = rules::field_slot("person.returnee")) {
      s.set("borrower.returnee", person->at(*slot));
    }
  }
  int64_t previous = store::query_int(
      c, "SELECT COUNT(*) FROM loan WHERE person_id = $1 AND id <> $2 AND contract_on <= $3",
      {t.person_id, t.except_id, t.contract_on.to_iso()});
  s.set("borrower.previous_loans", Value::of(static_cast<double>(previous)));

  auto e = rules::evaluate(pol, s, t.contract_on);
  nlohmann::json conditions = nlohmann::json::array();
  for (const auto& cond : e.conditions) {
    conditions.push_back({{"label", cond.label},
                          {"result", rules::verdict_key(cond.result)},
                          {"sentence", cond.sentence}});
  }
  out.verdict = rules::verdict_key(e.verdict);
  out.trace = {{"policy", {{"id", policy->id}, {"code", pol.code}, {"version", policy->version}}},
               {"date", t.contract_on.to_iso()},
               {"previous_loans", previous},
               {"verdict", out.verdict},
               {"summary", e.summary},
               {"conditions", std::move(conditions)}};
  if (e.verdict == rules::Verdict::not_eligible) {
    std::string message, field;
    for (const auto& cond : e.conditions) {
      if (cond.result != rules::Verdict::not_eligible) continue;
      auto [why, f] = loan_refusal(cond, pol, t, out.cap_bp);
      message += (message.empty() ? "" : "；") + why;
      if (field.empty()) field = f;
    }
    throw http::ApiError(400, "not_eligible", "不符合创业担保贷款条件：" + message, field);
  }
  if (e.verdict == rules::Verdict::unknown) {
    std::string missing;
    for (const auto& cond : e.conditions) {
      if (cond.result == rules::Verdict::unknown) {
        missing += (missing.empty() ? "" : "；") + cond.label;
      }
    }
    out.warning = "政策条件无法判断（缺少数据），已登记并标记待核实：" + missing;
  }
  return out;
}

core::Date loan_date(const std::string& field, const std::string& text, const char* label) {
  auto d = core::Date::parse_iso(text);
  if (!d) throw bad_request(field, std::string(label) + "应写作 YYYY-MM-DD");
  if (text > core::today_local()) throw bad_request(field, std::string(label) + "不能晚于今天");
  return *d;
}

void validate_loan(store::Conn& c, const Principal& p, const LoanInput& in) {
  if (in.borrower_kind && loan_label(loan_kinds(), *in.borrower_kind).empty()) {
    throw bad_request("borrower_kind",
                      "借款主体应为 individual（个人）、partnership（合伙创业）或 "
                      "small_firm（小微企业）");
  }
  if (in.status && loan_label(loan_statuses(), *in.status).empty()) {
    throw bad_request("status", "贷款状态不正确");
  }
  if (in.amount_yuan && (*in.amount_yuan <= 0 || *in.amount_yuan > 100000000)) {
    throw bad_request("amount_yuan", "贷款金额（元）应为正整数");
  }
  if (in.rate_bp && (*in.rate_bp <= 0 || *in.rate_bp > 5000)) {
    throw bad_request("rate_bp", "年利率以基点计（4.50% 写作 450），应在1到5000之间");
  }
  if (in.term_months && (*in.term_months < 1 || *in.term_months > 360)) {
    throw bad_request("term_months", "贷款期限应为1到360个月");
  }
  if (in.contract_on) loan_date("contract_on", *in.contract_on, "合同签订日期");
  if (in.region_code) {
    if (!region_exists(c, *in.region_code)) {
      throw bad_request("region_code", "行政区划代码“" + *in.region_code + "”不存在");
    }
    if (!in_scope(p, *in.region_code)) {
      throw bad_request("region_code", "所选区划不在您的管理范围内", "out_of_scope");
    }
  }
  if (in.venture_id && *in.venture_id <= 0) throw bad_request("venture_id", "经营主体编号不正确");
}

}  // namespace

nlohmann::json loan_vocabulary() {
  return {{"borrower_kinds", loan_choices_json(loan_kinds())},
          {"statuses", loan_choices_json(loan_statuses())}};
}

nlohmann::json list_loans(store::Db& db, const Principal& p, const LoanFilter& f) {
  require(p, "loan:read");
  auto conn = db.acquire();
  store::SqlBuilder sql;
  std::string where = scope_condition(p, sql, "l.region_code");
  if (!f.region.empty()) {
    check_region_filter(db, *conn, p, f.region);
    where += " AND " + subtree_condition(sql, "l.region_code", f.region);
  }
  for (auto [column, value] :
       {std::pair{"l.status", &f.status}, std::pair{"l.borrower_kind", &f.borrower_kind},
        std::pair{"l.bank", &f.bank}}) {
    if (!value->empty()) where += std::string(" AND ") + column + " = " + sql.bind(*value);
  }
  if (f.person_id) where += " AND l.person_id = " + sql.bind(*f.person_id);
  if (!f.contract_from.empty()) where += " AND l.contract_on >= " + sql.bind(f.contract_from);
  if (!f.contract_to.empty()) where += " AND l.contract_on <= " + sql.bind(f.contract_to);
  if (f.needs_review) where += " AND l.needs_review = " + sql.bind(int64_t{*f.needs_review});
  if (!f.q.empty()) {
    std::string like = "%" + f.q + "%";
    where += " AND (p.name LIKE " + sql.bind(like) + " OR l.bank LIKE " + sql.bind(like) +
             " OR l.guarantor LIKE " + sql.bind(like) + ")";
  }
  auto totals = store::query_one(*conn,
                                 "SELECT COUNT(*), COALESCE(SUM(l.amount_yuan), 0) FROM loan l "
                                 "JOIN person p ON p.id = l.person_id WHERE " +
                                     where,
                                 sql.params());
  std::string page = " ORDER BY l.contract_on DESC, l.id DESC LIMIT " + sql.bind(f.limit) +
                     " OFFSET " + sql.bind(f.offset);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& r :
       store::query(*conn, std::string(kLoanSelect) + "WHERE " + where + page, sql.params())) {
    items.push_back(loan_json(r));
  }
  return {
      {"items", items}, {"total", totals->i64(0)}, {"totals", {{"amount_yuan", totals->i64(1)}}}};
}

nlohmann::json get_loan(store::Db& db, const Principal& p, int64_t id) {
  require(p, "loan:read");
  auto conn = db.acquire();
  return loan_detail(*conn, loan_in_scope(*conn, p, id));
}

nlohmann::json create_loan(store::Db& db, const Principal& p, const LoanInput& in) {
  require(p, "loan:write");
  if (!in.person_id) throw bad_request("person_id", "请选择借款人（人员库中的人员）");
  if (!in.borrower_kind) throw bad_request("borrower_kind", "请选择借款主体");
  if (!in.bank) throw bad_request("bank", "请填写贷款银行");
  if (!in.amount_yuan) throw bad_request("amount_yuan", "请填写贷款金额（元）");
  if (!in.rate_bp) throw bad_request("rate_bp", "请填写年利率（基点）");
  if (!in.contract_on) throw bad_request("contract_on", "请填写合同签订日期");
  if (!in.term_months) throw bad_request("term_months", "请填写贷款期限（月）");
  auto conn = db.acquire();
  validate_loan(*conn, p, in);
  store::Tx tx(*conn);
  store::PersonRow person;
  try {
    person = person_in_scope(*conn, p, *in.person_id);
  } catch (const http::ApiError&) {
    throw bad_request("person_id", "借款人不存在或不在您的数据范围内");
  }
  if (person.merged_into)
    throw bad_request("person_id", "该人员已合并到其他记录，请选择合并后的记录");
  LoanTermsIn t;
  t.person_id = person.id;
  t.kind = *in.borrower_kind;
  t.region = in.region_code.value_or(person.text("region_code"));
  if (!in_scope(p, t.region)) {
    throw bad_request("region_code", "请选择您管理范围内的贷款经办地区", "out_of_scope");
  }
  t.amount_yuan = *in.amount_yuan;
  t.rate_bp = *in.rate_bp;
  t.term_months = *in.term_months;
  t.contract_on = *core::Date::parse_iso(*in.contract_on);
  auto check = check_loan(*conn, t);
  std::string now = core::now_iso();
  int64_t id = store::query_int(
      *conn,
      "INSERT INTO loan (person_id, venture_id, borrower_kind, guarantor, bank, amount_yuan, "
      "rate_bp, contract_on, term_months, region_code, status, verdict, needs_review, policy_id, "
      "policy_version, cap_bp, share_bp, trace, notes, created_by, created_at, updated_at) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, "
      "$19, $20, $21, $21) RETURNING id",
      {t.person_id,
       store::nullable(in.venture_id),
       t.kind,
       store::nullable(in.guarantor),
       *in.bank,
       t.amount_yuan,
       t.rate_bp,
       t.contract_on.to_iso(),
       t.term_months,
       t.region,
       in.status.value_or("active"),
       check.verdict,
       int64_t{check.verdict != "eligible"},
       store::nullable(check.policy_id),
       store::nullable(check.policy_version),
       store::nullable(check.cap_bp),
       store::nullable(check.share_bp),
       check.trace.is_null() ? store::Value{store::Null{}} : store::Value{check.trace.dump()},
       store::nullable(in.notes),
       p.user_id,
       now});
  auto after = loan_json(*loan_row(*conn, id));
  audit(*conn, Actor::of(p), {"create", "loan", std::to_string(id), t.region, nullptr, after});
  auto out = loan_detail(*conn, *loan_row(*conn, id));
  tx.commit();
  out["warning"] = check.warning.empty() ? nlohmann::json() : nlohmann::json(check.warning);
  return out;
}

nlohmann::json update_loan(store::Db& db, const Principal& p, int64_t id, const LoanInput& in) {
  require(p, "loan:write");
  if (in.person_id) throw bad_request("person_id", "借款人不能修改；如登记有误，请另行登记");
  auto conn = db.acquire();
  validate_loan(*conn, p, in);
  store::Tx tx(*conn);
  auto row = loan_in_scope(*conn, p, id);
  auto before = loan_json(row);
  LoanTermsIn t;
  t.person_id = row.i64(1);
  t.except_id = id;
  t.kind = in.borrower_kind.value_or(row.text(4));
  t.region = in.region_code.value_or(row.text(11));
  t.amount_yuan = in.amount_yuan.value_or(row.i64(7));
  t.rate_bp = in.rate_bp.value_or(row.i64(8));
  t.term_months = in.term_months.value_or(row.i64(10));
  t.contract_on = *core::Date::parse_iso(in.contract_on.value_or(row.text(9)));
  bool terms_changed = t.kind != row.text(4) || t.region != row.text(11) ||
                       t.amount_yuan != row.i64(7) || t.rate_bp != row.i64(8) ||
                       t.term_months != row.i64(10) || t.contract_on.to_iso() != row.text(9);
  LoanCheck check;
  if (terms_changed) {
    check = check_loan(*conn, t);
    store::exec(
        *conn,
        "UPDATE loan SET verdict = $2, needs_review = $3, policy_id = $4, "
        "policy_version = $5, cap_bp = $6, share_bp = $7, trace = $8 WHERE id = $1",
        {id, check.verdict, int64_t{check.verdict != "eligible"}, store::nullable(check.policy_id),
         store::nullable(check.policy_version), store::nullable(check.cap_bp),
         store::nullable(check.share_bp),
         check.trace.is_null() ? store::Value{store::Null{}} : store::Value{check.trace.dump()}});
    // Payments beyond the new schedule's months would be left without a month.
    if (store::query_int(*conn,
                         "SELECT COUNT(*) FROM loan_subsidy WHERE loan_id = $1 AND "
                         "month > $2",
                         {id, t.term_months}) > 0) {
      throw bad_request("term_months", "已有超出新期限月份的贴息拨付记录，不能缩短期限");
    }
  }
  store::Value venture = in.clear_venture ? store::Value{store::Null{}}
                         : in.venture_id  ? store::Value{*in.venture_id}
                         : row.is_null(3) ? store::Value{store::Null{}}
                                          : store::Value{row.i64(3)};
  auto keep = [&](const std::optional<std::string>& v, size_t col) -> store::Value {
    if (v) return v->empty() ? store::Value{store::Null{}} : store::Value{*v};
    return row.is_null(col) ? store::Value{store::Null{}} : store::Value{row.text(col)};
  };
  store::exec(*conn,
              "UPDATE loan SET venture_id = $2, borrower_kind = $3, guarantor = $4, bank = $5, "
              "amount_yuan = $6, rate_bp = $7, contract_on = $8, term_months = $9, "
              "region_code = $10, status = $11, notes = $12, updated_at = $13 WHERE id = $1",
              {id, venture, t.kind, keep(in.guarantor, 5), in.bank.value_or(row.text(6)),
               t.amount_yuan, t.rate_bp, t.contract_on.to_iso(), t.term_months, t.region,
               in.status.value_or(row.text(13)), keep(in.notes, 18), core::now_iso()});
  auto after_row = *loan_row(*conn, id);
  auto after = loan_json(after_row);
  audit(*conn, Actor::of(p), {"update", "loan", std::to_string(id), t.region, before, after});
  auto out = loan_detail(*conn, after_row);
  tx.commit();
  out["warning"] = check.warning.empty() ? nlohmann::json() : nlohmann::json(check.warning);
  return out;
}

nlohmann::json add_loan_subsidy(store::Db& db, const Principal& p, int64_t id,
                                const SubsidyInput& in) {
  require(p, "loan:write");
  if (!in.month) throw bad_request("month", "请填写贴息所属月份（第几期）");
  if (!in.amount_fen) throw bad_request("amount_fen", "请填写拨付金额（分）");
  if (*in.amount_fen <= 0) throw bad_request("amount_fen", "拨付金额应为正数（分）");
  std::string paid_on = in.paid_on.value_or(core::today_local());
  loan_date("paid_on", paid_on, "拨付日期");
  auto conn = db.acquire();
  store::Tx tx(*conn);
  auto row = loan_in_scope(*conn, p, id);
  auto months = core::subsidy_schedule(loan_terms(row));
  if (*in.month < 1 || *in.month > static_cast<int64_t>(months.size())) {
    throw bad_request("month",
                      "月份应在1到" + std::to_string(months.size()) + "之间（贴息计划的期数）");
  }
  const auto& m = months[static_cast<size_t>(*in.month - 1)];
  int64_t paid = store::query_int(
      *conn,
      "SELECT COALESCE(SUM(amount_fen), 0) FROM loan_subsidy WHERE loan_id = $1 AND month = $2",
      {id, *in.month});
  if (paid + *in.amount_fen > m.subsidy_fen) {
    throw bad_request("amount_fen", "超过第" + std::to_string(*in.month) +
                                        "期未拨付的贴息（应贴息 " + loan_yuan_text(m.subsidy_fen) +
                                        "，已拨付 " + loan_yuan_text(paid) + "）");
  }
  if (paid_on < row.text(9)) throw bad_request("paid_on", "拨付日期不能早于合同签订日期");
  int64_t sid = store::query_int(
      *conn,
      "INSERT INTO loan_subsidy (loan_id, month, amount_fen, paid_on, reference, recorded_by, "
      "recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
      {id, *in.month, *in.amount_fen, paid_on, store::nullable(in.reference), p.user_id,
       core::now_iso()});
  nlohmann::json entry = {
      {"subsidy_id", sid},
      {"month", *in.month},
      {"amount_fen", *in.amount_fen},
      {"paid_on", paid_on},
      {"reference", in.reference ? nlohmann::json(*in.reference) : nlohmann::json()}};
  audit(*conn, Actor::of(p),
        {"record_subsidy", "loan", std::to_string(id), row.text(11), nullptr, entry});
  auto out = loan_detail(*conn, *loan_row(*conn, id));
  tx.commit();
  return out;
}

}  // namespace guiyan::service
