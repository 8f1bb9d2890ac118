#include "service/financing_service.h"

#include <chrono>
#include <utility>
#include <vector>

#include "core/clock.h"
#include "core/date.h"
#include "core/personal_name.h"
#include "core/phone.h"
#include "core/tracking_code.h"
#include "http/api_error.h"
#include "service/audit.h"
#include "service/data_scope.h"
#include "service/loan_product_service.h"
#include "service/masking.h"
#include "service/official_calendar.h"
#include "service/person_service.h"
#include "service/region_filter.h"
#include "service/region_service.h"
#include "store/sql_builder.h"

namespace guiyan::service {
namespace {

using http::bad_request;

const std::vector<std::pair<std::string, std::string>>& financing_statuses() {
  static const std::vector<std::pair<std::string, std::string>> k = {{"submitted", "已提交"},
                                                                     {"accepted", "银行已受理"},
                                                                     {"approved", "已授信"},
                                                                     {"disbursed", "已放款"},
                                                                     {"rejected", "未通过"}};
  return k;
}

std::string financing_label(const std::string& key) {
  for (const auto& [k, label] : financing_statuses()) {
    if (k == key) return label;
  }
  return {};
}

// The statuses a request in `from` may move to.
bool financing_move_allowed(const std::string& from, const std::string& to) {
  if (from == "submitted") return to == "accepted" || to == "rejected";
  if (from == "accepted") return to == "approved" || to == "rejected";
  if (from == "approved") return to == "disbursed";
  return false;
}

bool financing_closed(const std::string& status) {
  return status == "disbursed" || status == "rejected";
}

const char* kFinancingSelect =
    "SELECT f.id, f.code, f.applicant_name, f.phone, f.person_id, f.amount_yuan, f.purpose, "
    "f.product_id, lp.name, f.region_code, COALESCE(r.name, ''), f.status, f.submitted_on, "
    "f.accepted_on, f.approved_on, f.disbursed_on, f.rejected_on, f.due_on, f.created_at, "
    "f.updated_at FROM financing_request f LEFT JOIN loan_product lp ON lp.id = f.product_id "
    "LEFT JOIN region r ON r.code = f.region_code ";

nlohmann::json financing_opt(const store::Row& r, size_t i) {
  return r.is_null(i) ? nlohmann::json() : nlohmann::json(r.text(i));
}

// The date a decision was made (approved, or rejected), or "".
std::string financing_decided_on(const store::Row& r) {
  if (!r.is_null(14)) return r.text(14);
  if (!r.is_null(16)) return r.text(16);
  return {};
}

// The flags of the 15-working-day limit: overdue (undecided past the due date), decided late.
void financing_limit_flags(nlohmann::json& out, const store::Row& r) {
  std::string due = r.text(17), decided = financing_decided_on(r);
  std::string status = r.text(11);
  bool undecided = status == "submitted" || status == "accepted";
  out["decided_on"] = decided.empty() ? nlohmann::json() : nlohmann::json(decided);
  out["overdue"] = undecided && core::today_local() > due;
  out["decided_late"] = !decided.empty() && decided > due;
  auto due_date = core::Date::parse_iso(due);
  out["due_estimated"] = due_date && !official_calendar().covers(due_date->year);
}

nlohmann::json financing_json(const store::Row& r, bool unmask) {
  nlohmann::json out = {{"id", r.i64(0)},
                        {"code", r.text(1)},
                        {"applicant_name", r.text(2)},
                        {"phone", unmask ? r.text(3) : mask_phone(r.text(3))},
                        {"masked", !unmask},
                        {"person_id", r.is_null(4) ? nlohmann::json() : nlohmann::json(r.i64(4))},
                        {"amount_yuan", r.i64(5)},
                        {"purpose", financing_opt(r, 6)},
                        {"product_id", r.is_null(7) ? nlohmann::json() : nlohmann::json(r.i64(7))},
                        {"product_name", financing_opt(r, 8)},
                        {"region_code", r.text(9)},
                        {"region_name", r.text(10)},
                        {"status", r.text(11)},
                        {"status_label", financing_label(r.text(11))},
                        {"submitted_on", r.text(12)},
                        {"accepted_on", financing_opt(r, 13)},
                        {"approved_on", financing_opt(r, 14)},
                        {"disbursed_on", financing_opt(r, 15)},
                        {"rejected_on", financing_opt(r, 16)},
                        {"due_on", r.text(17)},
                        {"created_at", r.text(18)},
                        {"updated_at", r.text(19)}};
  financing_limit_flags(out, r);
  return out;
}

std::optional<store::Row> financing_row(store::Conn& c, int64_t id) {
  return store::query_one(c, std::string(kFinancingSelect) + "WHERE f.id = $1", {id});
}

store::Row financing_in_scope(store::Conn& c, const Principal& p, int64_t id) {
  auto r = financing_row(c, id);
  if (!r || !in_scope(p, r->text(9))) throw http::not_found("融资需求");
  return *r;
}

nlohmann::json financing_moves(store::Conn& c, int64_t id) {
  nlohmann::json moves = nlohmann::json::array();
  for (const auto& m : store::query(c,
                                    "SELECT m.status, m.moved_on, m.note, COALESCE(u.display_name, "
                                    "''), m.recorded_at FROM financing_move m LEFT JOIN app_user u "
                                    "ON u.id = m.recorded_by WHERE m.request_id = $1 ORDER BY m.id",
                                    {id})) {
    moves.push_back({{"status", m.text(0)},
                     {"status_label", financing_label(m.text(0))},
                     {"on", m.text(1)},
                     {"note", financing_opt(m, 2)},
                     {"recorded_by", m.text(3)},
                     {"recorded_at", m.text(4)}});
  }
  return moves;
}

std::string financing_day(const std::string& field, const std::string& text, const char* label) {
  auto d = core::Date::parse_iso(text);
  if (!d) throw bad_request(field, std::string(label) + "应写作 YYYY-MM-DD");
  if (text > core::today_local()) throw bad_request(field, std::string(label) + "不能晚于今天");
  return text;
}

// The last four digits of a phone (of the local number for a landline, extension left out).
std::string financing_last4(const core::PhoneResult& phone) {
  std::string digits = phone.kind == "landline" ? phone.local_number : phone.normalized;
  return digits.size() >= 4 ? digits.substr(digits.size() - 4) : digits;
}

}  // namespace

nlohmann::json financing_vocabulary() {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& [k, label] : financing_statuses()) out.push_back({{"key", k}, {"label", label}});
  return {{"statuses", out}, {"decision_days", kFinancingDecisionDays}};
}

nlohmann::json list_financing(store::Db& db, const Principal& p, const FinancingFilter& f) {
  require(p, "loan:read");
  auto conn = db.acquire();
  std::string today = core::today_local();
  store::SqlBuilder sql;
  std::string where = scope_condition(p, sql, "f.region_code");
  if (!f.region.empty()) {
    check_region_filter(db, *conn, p, f.region);
    where += " AND " + subtree_condition(sql, "f.region_code", f.region);
  }
  if (!f.status.empty()) where += " AND f.status = " + sql.bind(f.status);
  // Today inlined (our own YYYY-MM-DD), not bound: the count uses it even when no filter does,
  // and PostgreSQL refuses a bound parameter a statement leaves unused.
  std::string overdue_sql =
      "(f.status IN ('submitted', 'accepted') AND f.due_on < '" + today + "')";
  if (f.overdue) where += *f.overdue ? " AND " + overdue_sql : " AND NOT " + overdue_sql;
  if (!f.q.empty()) {
    std::string like = "%" + f.q + "%";
    where += " AND (f.applicant_name LIKE " + sql.bind(like) + " OR f.code LIKE " + sql.bind(like) +
             " OR f.purpose LIKE " + sql.bind(like) + ")";
  }
  auto counts =
      store::query_one(*conn,
                       "SELECT COUNT(*), COALESCE(SUM(CASE WHEN " + overdue_sql +
                           " THEN 1 ELSE 0 END), 0) FROM financing_request f WHERE " + where,
                       sql.params());
  std::string page = " ORDER BY f.submitted_on DESC, f.id DESC LIMIT " + sql.bind(f.limit) +
                     " OFFSET " + sql.bind(f.offset);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& r :
       store::query(*conn, std::string(kFinancingSelect) + "WHERE " + where + page, sql.params())) {
    items.push_back(financing_json(r, false));
  }
  return {{"items", items}, {"total", counts->i64(0)}, {"overdue", counts->i64(1)}};
}

nlohmann::json get_financing(store::Db& db, const Principal& p, int64_t id, bool unmask) {
  require(p, "loan:read");
  if (unmask) require(p, "person:unmask");
  auto conn = db.acquire();
  auto row = financing_in_scope(*conn, p, id);
  if (unmask) {
    store::Tx tx(*conn);
    audit(*conn, Actor::of(p),
          {"view_unmasked",
           "financing",
           std::to_string(id),
           row.text(9),
           nullptr,
           {{"fields", {"phone"}}}});
    tx.commit();
  }
  auto out = financing_json(row, unmask);
  out["moves"] = financing_moves(*conn, id);
  return out;
}

nlohmann::json create_financing(store::Db& db, const Principal& p, const FinancingInput& in) {
  require(p, "loan:write");
  auto conn = db.acquire();
  std::optional<store::PersonRow> person;
  if (in.person_id) {
    try {
      person = person_in_scope(*conn, p, *in.person_id);
    } catch (const http::ApiError&) {
      throw bad_request("person_id", "人员不存在或不在您的数据范围内");
    }
  }
  std::string name =
      core::normalize_personal_name(in.applicant_name.value_or(person ? person->text("name") : ""));
  if (name.empty()) throw bad_request("applicant_name", "请填写申请人姓名");
  std::string phone_text = in.phone.value_or(person ? person->text("phone") : "");
  if (phone_text.empty()) throw bad_request("phone", "请填写申请人联系电话");
  auto phone = core::check_phone(phone_text);
  if (!phone.valid) throw bad_request("phone", phone.reason);
  if (!in.amount_yuan || *in.amount_yuan <= 0) {
    throw bad_request("amount_yuan", "请填写融资金额（元，正整数）");
  }
  std::string region = in.region_code.value_or(person ? person->text("region_code") : "");
  if (region.empty()) throw bad_request("region_code", "请选择申请人所在地区");
  if (!region_exists(*conn, region)) {
    throw bad_request("region_code", "行政区划代码“" + region + "”不存在");
  }
  if (!in_scope(p, region)) {
    throw bad_request("region_code", "所选区划不在您的管理范围内", "out_of_scope");
  }
  if (in.product_id) visible_loan_product(*conn, p, *in.product_id, "product_id");
  std::string submitted =
      financing_day("submitted_on", in.submitted_on.value_or(core::today_local()), "提交日期");
  auto due = official_calendar().add_working_days(*core::Date::parse_iso(submitted),
                                                  kFinancingDecisionDays);
  store::Tx tx(*conn);
  std::string now = core::now_iso();
  int64_t id = 0;
  // A code already taken (one chance in 2^60 per pair) just draws another.
  for (int attempt = 0; id == 0; ++attempt) {
    std::string code = core::new_tracking_code();
    if (store::query_int(*conn, "SELECT COUNT(*) FROM financing_request WHERE code = $1", {code}) >
        0) {
      if (attempt > 5) throw std::runtime_error("无法生成查询码");
      continue;
    }
    id = store::query_int(
        *conn,
        "INSERT INTO financing_request (code, applicant_name, phone, phone_last4, person_id, "
        "amount_yuan, purpose, product_id, region_code, status, submitted_on, due_on, "
        "created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, "
        "'submitted', $10, $11, $12, $13, $13) RETURNING id",
        {code, name, phone.normalized, financing_last4(phone), store::nullable(in.person_id),
         *in.amount_yuan, store::nullable(in.purpose), store::nullable(in.product_id), region,
         submitted, due.to_iso(), p.user_id, now});
  }
  store::exec(*conn,
              "INSERT INTO financing_move (request_id, status, moved_on, note, recorded_by, "
              "recorded_at) VALUES ($1, 'submitted', $2, NULL, $3, $4)",
              {id, submitted, p.user_id, now});
  auto row = *financing_row(*conn, id);
  auto after = financing_json(row, false);
  audit(*conn, Actor::of(p), {"create", "financing", std::to_string(id), region, nullptr, after});
  tx.commit();
  // The applicant is told the code once, with the full phone they gave.
  after["moves"] = financing_moves(*conn, id);
  return after;
}

nlohmann::json move_financing(store::Db& db, const Principal& p, int64_t id,
                              const std::string& status, const std::optional<std::string>& on,
                              const std::optional<std::string>& note) {
  require(p, "loan:write");
  if (financing_label(status).empty() || status == "submitted") {
    throw bad_request("status", "状态应为 accepted、approved、disbursed 或 rejected");
  }
  std::string day = financing_day("on", on.value_or(core::today_local()), "日期");
  if (status == "rejected" && (!note || note->empty())) {
    throw bad_request("note", "请填写未通过的原因");
  }
  auto conn = db.acquire();
  store::Tx tx(*conn);
  auto row = financing_in_scope(*conn, p, id);
  std::string from = row.text(11);
  if (financing_closed(from)) {
    throw http::ApiError(409, "closed", "该融资需求已办结（" + financing_label(from) + "）");
  }
  if (!financing_move_allowed(from, status)) {
    throw bad_request("status", "“" + financing_label(from) + "”之后不能直接改为“" +
                                    financing_label(status) + "”");
  }
  std::string last = store::query_one(*conn,
                                      "SELECT MAX(moved_on) FROM financing_move WHERE "
                                      "request_id = $1",
                                      {id})
                         ->text(0);
  if (day < last) throw bad_request("on", "日期不能早于上一步（" + last + "）");
  auto before = financing_json(row, false);
  std::string column = status + "_on";  // one of the fixed statuses above
  store::exec(*conn,
              "UPDATE financing_request SET status = $2, " + column +
                  " = $3, updated_at = $4 WHERE id = $1",
              {id, status, day, core::now_iso()});
  store::exec(*conn,
              "INSERT INTO financing_move (request_id, status, moved_on, note, recorded_by, "
              "recorded_at) VALUES ($1, $2, $3, $4, $5, $6)",
              {id, status, day, store::nullable(note), p.user_id, core::now_iso()});
  auto after_row = *financing_row(*conn, id);
  auto after = financing_json(after_row, false);
  audit(*conn, Actor::of(p), {"move", "financing", std::to_string(id), row.text(9), before, after});
  tx.commit();
  after["moves"] = financing_moves(*conn, id);
  return after;
}

nlohmann::json public_financing(store::Db& db, const std::string& typed_code,
                                const std::string& phone4, const std::string& ip) {
  auto code = core::normalize_tracking_code(typed_code);
  std::string key = code.value_or(typed_code.substr(0, 40));
  auto now = core::now();
  std::string since = core::to_iso(now - std::chrono::hours(1));
  std::string stale = core::to_iso(now - std::chrono::hours(24));
  auto conn = db.acquire();
  auto too_many = [&] {
    return store::query_int(*conn,
                            "SELECT COUNT(*) FROM financing_lookup_failure WHERE code = $1 "
                            "AND at >= $2",
                            {key, since}) >= kFinancingFailuresPerCode ||
           store::query_int(*conn,
                            "SELECT COUNT(*) FROM financing_lookup_failure WHERE ip = $1 AND "
                            "at >= $2",
                            {ip, since}) >= kFinancingFailuresPerIp;
  };
  if (too_many()) {
    throw http::ApiError(429, "too_many_attempts",
                         "查询失败次数过多，请一小时后再试，或联系经办窗口");
  }
  std::optional<store::Row> row;
  if (code) {
    row = store::query_one(*conn, std::string(kFinancingSelect) + "WHERE f.code = $1", {*code});
  }
  bool ok = row && phone4.size() == 4 &&
            store::query_int(*conn,
                             "SELECT COUNT(*) FROM financing_request WHERE id = $1 AND "
                             "phone_last4 = $2",
                             {row->i64(0), phone4}) > 0;
  if (!ok) {
    store::Tx tx(*conn);
    store::exec(*conn, "INSERT INTO financing_lookup_failure (at, ip, code) VALUES ($1, $2, $3)",
                {core::to_iso(now), ip, key});
    store::exec(*conn,
                "DELETE FROM financing_lookup_failure WHERE (code = $1 OR ip = $2) AND at < $3",
                {key, ip, stale});
    tx.commit();
    throw http::ApiError(404, "not_found", "查询码或手机号后四位不正确");
  }
  nlohmann::json out = {{"code", row->text(1)},
                        {"status", row->text(11)},
                        {"status_label", financing_label(row->text(11))},
                        {"submitted_on", row->text(12)},
                        {"accepted_on", financing_opt(*row, 13)},
                        {"approved_on", financing_opt(*row, 14)},
                        {"disbursed_on", financing_opt(*row, 15)},
                        {"rejected_on", financing_opt(*row, 16)},
                        {"due_on", row->text(17)}};
  return out;
}

}  // namespace guiyan::service
