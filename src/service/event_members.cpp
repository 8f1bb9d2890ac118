// The invitees of events and their check-in, and the projects signed at events
// (event_service.h).
#include <algorithm>

#include "core/clock.h"
#include "core/date.h"
#include "http/api_error.h"
#include "service/audit.h"
#include "service/data_scope.h"
#include "service/event_service.h"

namespace guiyan::service {
namespace {

using http::bad_request;

void audit_event_member(store::Conn& c, const Principal& p, const std::string& action,
                        const nlohmann::json& event, nlohmann::json before, nlohmann::json after) {
  audit(c, Actor::of(p),
        {action, "event", std::to_string(event["id"].get<int64_t>()),
         event["region_code"].get<std::string>(), std::move(before), std::move(after)});
}

// 400 unless each id is a record of `table` in scope (and, for people, not merged away).
void check_invitable(store::Conn& c, const Principal& p, const std::vector<int64_t>& ids,
                     bool merchants) {
  const char* field = merchants ? "merchant_ids" : "person_ids";
  for (int64_t id : ids) {
    auto r = store::query_one(
        c,
        merchants ? "SELECT hometown_code, created_by, NULL FROM merchant WHERE id = $1"
                  : "SELECT region_code, created_by, merged_into FROM person WHERE id = $1",
        {id});
    std::string what = merchants ? "楚商楚才记录编号 " : "人员编号 ";
    if (!r || !in_scope(p, r->text(0), r->opt_i64(1))) {
      throw bad_request(field, what + std::to_string(id) + " 不存在或不在您的数据范围内");
    }
    if (!r->is_null(2)) {
      throw bad_request(field, what + std::to_string(id) + " 已合并到编号 " + r->text(2) +
                                   "，请选择合并后的人员");
    }
  }
}

// The invitee row (id, merchant_id, person_id, checked_in_at) of the event, or 404.
store::Row event_invitee_row(store::Conn& c, int64_t event_id, int64_t invitee_id) {
  auto r = store::query_one(c,
                            "SELECT id, merchant_id, person_id, checked_in_at FROM event_invitee "
                            "WHERE id = $1 AND event_id = $2",
                            {invitee_id, event_id});
  if (!r) throw http::not_found("受邀对象");
  return *r;
}

nlohmann::json invitee_audit_form(const store::Row& r) {
  return {{"invitee_id", r.i64(0)},
          {"merchant_id", r.is_null(1) ? nlohmann::json() : nlohmann::json(r.i64(1))},
          {"person_id", r.is_null(2) ? nlohmann::json() : nlohmann::json(r.i64(2))},
          {"checked_in_at", r.is_null(3) ? nlohmann::json() : nlohmann::json(r.text(3))}};
}

}  // namespace

nlohmann::json add_event_invitees(store::Db& db, const Principal& p, int64_t id,
                                  const std::vector<int64_t>& merchant_ids,
                                  const std::vector<int64_t>& person_ids) {
  require(p, "event:write");
  if (merchant_ids.empty() && person_ids.empty()) {
    throw bad_request("merchant_ids", "请选择要邀请的楚商楚才或返乡人员", "required");
  }
  if (merchant_ids.size() + person_ids.size() > 500) {
    throw bad_request("merchant_ids", "一次最多邀请500人");
  }
  auto conn = db.acquire();
  store::Tx tx(*conn);
  auto event = event_in_scope(*conn, p, id, false);
  if (event["status"] == "cancelled") {
    throw http::ApiError(409, "cancelled", "活动已取消，不能再邀请", "status");
  }
  check_invitable(*conn, p, merchant_ids, true);
  check_invitable(*conn, p, person_ids, false);
  std::string now = core::now_iso();
  int64_t added = 0, skipped = 0;
  nlohmann::json audit_added = {{"merchant_ids", nlohmann::json::array()},
                                {"person_ids", nlohmann::json::array()}};
  for (bool merchants : {true, false}) {
    std::vector<int64_t> ids = merchants ? merchant_ids : person_ids;
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    const char* column = merchants ? "merchant_id" : "person_id";
    for (int64_t who : ids) {
      if (store::query_one(*conn,
                           std::string("SELECT 1 FROM event_invitee WHERE event_id = $1 AND ") +
                               column + " = $2",
                           {id, who})) {
        ++skipped;
        continue;
      }
      store::exec(*conn,
                  std::string("INSERT INTO event_invitee (event_id, ") + column +
                      ", invited_by, invited_at) VALUES ($1, $2, $3, $4)",
                  {id, who, p.user_id, now});
      audit_added[merchants ? "merchant_ids" : "person_ids"].push_back(who);
      ++added;
    }
  }
  if (added > 0) audit_event_member(*conn, p, "invite", event, nullptr, audit_added);
  auto out = event_in_scope(*conn, p, id, true);
  tx.commit();
  out["added"] = added;
  out["skipped"] = skipped;
  return out;
}

nlohmann::json remove_event_invitee(store::Db& db, const Principal& p, int64_t id,
                                    int64_t invitee_id) {
  require(p, "event:write");
  auto conn = db.acquire();
  store::Tx tx(*conn);
  auto event = event_in_scope(*conn, p, id, false);
  auto row = event_invitee_row(*conn, id, invitee_id);
  if (!row.is_null(3)) {
    throw http::ApiError(409, "checked_in", "该受邀对象已签到，请先撤销签到再移除", "invitee_id");
  }
  store::exec(*conn, "DELETE FROM event_invitee WHERE id = $1", {invitee_id});
  audit_event_member(*conn, p, "uninvite", event, invitee_audit_form(row), nullptr);
  auto out = event_in_scope(*conn, p, id, true);
  tx.commit();
  return out;
}

nlohmann::json set_event_check_in(store::Db& db, const Principal& p, int64_t id, int64_t invitee_id,
                                  bool checked_in) {
  require(p, "event:write");
  auto conn = db.acquire();
  store::Tx tx(*conn);
  auto event = event_in_scope(*conn, p, id, false);
  auto row = event_invitee_row(*conn, id, invitee_id);
  if (checked_in) {
    if (event["status"] == "cancelled") {
      throw http::ApiError(409, "cancelled", "活动已取消，不能签到", "status");
    }
    if (event["held_on"].get<std::string>() > core::today_local()) {
      throw http::ApiError(
          409, "not_yet",
          "活动尚未举办（举办日期 " + event["held_on"].get<std::string>() + "），不能签到",
          "held_on");
    }
  }
  if (checked_in == !row.is_null(3)) {
    auto out = event_in_scope(*conn, p, id, true);
    tx.commit();
    return out;  // already so: nothing to record
  }
  if (checked_in) {
    store::exec(*conn,
                "UPDATE event_invitee SET checked_in_at = $2, checked_in_by = $3 WHERE id = $1",
                {invitee_id, core::now_iso(), p.user_id});
  } else {
    store::exec(*conn,
                "UPDATE event_invitee SET checked_in_at = NULL, checked_in_by = NULL WHERE id = $1",
                {invitee_id});
  }
  auto after = event_invitee_row(*conn, id, invitee_id);
  audit_event_member(*conn, p, checked_in ? "check_in" : "undo_check_in", event,
                     invitee_audit_form(row), invitee_audit_form(after));
  auto out = event_in_scope(*conn, p, id, true);
  tx.commit();
  return out;
}

nlohmann::json add_event_outcome(store::Db& db, const Principal& p, int64_t id,
                                 const OutcomeInput& in) {
  require(p, "event:write");
  if (!in.project_id)
    throw bad_request("project_id", "请选择签约项目（招商项目库中的项目）", "required");
  if (in.amount_wan && (*in.amount_wan <= 0 || *in.amount_wan > 100000000)) {
    throw bad_request("amount_wan", "签约金额（万元）应为正整数");
  }
  if (in.signed_on && !core::Date::parse_iso(*in.signed_on)) {
    throw bad_request("signed_on", "签约日期应写作 YYYY-MM-DD");
  }
  auto conn = db.acquire();
  store::Tx tx(*conn);
  auto event = event_in_scope(*conn, p, id, false);
  if (event["status"] == "cancelled") {
    throw http::ApiError(409, "cancelled", "活动已取消，不能登记签约成果", "status");
  }
  auto project = store::query_one(
      *conn, "SELECT region_code, created_by, amount_wan, name FROM project WHERE id = $1",
      {*in.project_id});
  if (!project || !in_scope(p, project->text(0), project->opt_i64(1))) {
    throw bad_request("project_id", "招商项目编号 " + std::to_string(*in.project_id) +
                                        " 不存在或不在您的数据范围内");
  }
  if (store::query_one(*conn, "SELECT 1 FROM event_outcome WHERE event_id = $1 AND project_id = $2",
                       {id, *in.project_id})) {
    throw http::ApiError(409, "duplicate",
                         "项目“" + project->text(3) + "”已登记为本次活动的签约成果", "project_id");
  }
  std::string signed_on = in.signed_on.value_or(event["held_on"].get<std::string>());
  if (signed_on > core::today_local()) throw bad_request("signed_on", "签约日期不能晚于今天");
  std::optional<int64_t> amount = in.amount_wan ? in.amount_wan : project->opt_i64(2);
  int64_t outcome = store::query_int(
      *conn,
      "INSERT INTO event_outcome (event_id, project_id, signed_on, amount_wan, notes, "
      "recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
      {id, *in.project_id, signed_on, store::nullable(amount), store::nullable(in.notes), p.user_id,
       core::now_iso()});
  audit_event_member(*conn, p, "add_outcome", event, nullptr,
                     {{"outcome_id", outcome},
                      {"project_id", *in.project_id},
                      {"signed_on", signed_on},
                      {"amount_wan", amount ? nlohmann::json(*amount) : nlohmann::json()},
                      {"notes", in.notes ? nlohmann::json(*in.notes) : nlohmann::json()}});
  auto out = event_in_scope(*conn, p, id, true);
  tx.commit();
  return out;
}

nlohmann::json remove_event_outcome(store::Db& db, const Principal& p, int64_t id,
                                    int64_t outcome_id) {
  require(p, "event:write");
  auto conn = db.acquire();
  store::Tx tx(*conn);
  auto event = event_in_scope(*conn, p, id, false);
  auto r = store::query_one(*conn,
                            "SELECT project_id, signed_on, amount_wan, notes FROM event_outcome "
                            "WHERE id = $1 AND event_id = $2",
                            {outcome_id, id});
  if (!r) throw http::not_found("签约成果");
  store::exec(*conn, "DELETE FROM event_outcome WHERE id = $1", {outcome_id});
  audit_event_member(*conn, p, "remove_outcome", event,
                     {{"outcome_id", outcome_id},
                      {"project_id", r->i64(0)},
                      {"signed_on", r->text(1)},
                      {"amount_wan", r->is_null(2) ? nlohmann::json() : nlohmann::json(r->i64(2))},
                      {"notes", r->is_null(3) ? nlohmann::json() : nlohmann::json(r->text(3))}},
                     nullptr);
  auto out = event_in_scope(*conn, p, id, true);
  tx.commit();
  return out;
}

}  // namespace guiyan::service
