#include "service/event_service.h"

#include "core/clock.h"
#include "core/date.h"
#include "core/event_vocabulary.h"
#include "core/project_vocabulary.h"
#include "http/api_error.h"
#include "service/audit.h"
#include "service/data_scope.h"
#include "service/indicator_catalogue.h"
#include "service/masking.h"
#include "service/region_filter.h"
#include "service/region_service.h"
#include "store/sql_builder.h"

namespace guiyan::service {
namespace {

using http::bad_request;

nlohmann::json event_terms_json(const std::vector<core::Term>& terms) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& t : terms) out.push_back({{"key", t.key}, {"label", t.label}});
  return out;
}

nlohmann::json event_opt_text(const store::Row& r, size_t i) {
  return r.is_null(i) ? nlohmann::json() : nlohmann::json(r.text(i));
}

nlohmann::json event_opt_int(const store::Row& r, size_t i) {
  return r.is_null(i) ? nlohmann::json() : nlohmann::json(r.i64(i));
}

const char* kEventSelect =
    "SELECT e.id, e.region_code, COALESCE(r.name, ''), e.level, e.type, e.festival, e.title, "
    "e.held_on, e.place, e.organiser, e.status, e.notes, e.created_by, e.created_at, "
    "e.updated_at, (SELECT COUNT(*) FROM event_invitee i WHERE i.event_id = e.id), "
    "(SELECT COUNT(*) FROM event_invitee i WHERE i.event_id = e.id AND i.checked_in_at IS NOT "
    "NULL), (SELECT COUNT(*) FROM event_outcome o WHERE o.event_id = e.id), (SELECT "
    "COALESCE(SUM(o.amount_wan), 0) FROM event_outcome o WHERE o.event_id = e.id) "
    "FROM event e LEFT JOIN region r ON r.code = e.region_code ";

nlohmann::json event_row_json(const store::Row& r) {
  std::string festival = r.is_null(5) ? std::string() : r.text(5);
  return {{"id", r.i64(0)},
          {"region_code", r.text(1)},
          {"region_name", r.text(2)},
          {"level", r.text(3)},
          {"level_label", core::term_label(core::event_levels(), r.text(3))},
          {"type", r.text(4)},
          {"type_label", core::term_label(core::event_types(), r.text(4))},
          {"festival", festival.empty() ? nlohmann::json() : nlohmann::json(festival)},
          {"festival_label",
           festival.empty() ? nlohmann::json()
                            : nlohmann::json(core::term_label(core::event_festivals(), festival))},
          {"title", r.text(6)},
          {"held_on", r.text(7)},
          {"place", event_opt_text(r, 8)},
          {"organiser", event_opt_text(r, 9)},
          {"status", r.text(10)},
          {"status_label", core::term_label(core::event_statuses(), r.text(10))},
          {"notes", event_opt_text(r, 11)},
          {"created_by", event_opt_int(r, 12)},
          {"created_at", r.text(13)},
          {"updated_at", r.text(14)},
          {"invitee_count", r.i64(15)},
          {"checked_in_count", r.i64(16)},
          {"outcome_count", r.i64(17)},
          {"signed_amount_wan", r.i64(18)}};
}

// The fields of an event the audit log keeps (no counts: invitees and outcomes log their own).
nlohmann::json event_audit_form(const nlohmann::json& e) {
  nlohmann::json j = nlohmann::json::object();
  for (const char* k : {"region_code", "level", "type", "festival", "title", "held_on", "place",
                        "organiser", "status", "notes"}) {
    j[k] = e[k];
  }
  return j;
}

// The invitees of an event: merchants and people with their names and masked phones, or a
// placeholder for a record outside the account's scope.
nlohmann::json event_invitees_json(store::Conn& c, const Principal& p, int64_t id) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& r : store::query(
           c,
           "SELECT i.id, i.merchant_id, i.person_id, i.checked_in_at, i.invited_at, m.name, "
           "m.enterprise_name, m.phone, m.hometown_code, m.created_by, COALESCE(rm.name, ''), "
           "pe.name, pe.phone, pe.region_code, pe.created_by, COALESCE(rp.name, ''), "
           "COALESCE(u.display_name, '') FROM event_invitee i LEFT JOIN merchant m ON m.id = "
           "i.merchant_id LEFT JOIN region rm ON rm.code = m.hometown_code LEFT JOIN person pe "
           "ON pe.id = i.person_id LEFT JOIN region rp ON rp.code = pe.region_code LEFT JOIN "
           "app_user u ON u.id = i.checked_in_by WHERE i.event_id = $1 ORDER BY i.id",
           {id})) {
    bool merchant = !r.is_null(1);
    size_t base = merchant ? 8 : 13;  // region, owner columns of the record
    bool visible = in_scope(p, r.text(base), r.opt_i64(base + 1));
    std::string name = merchant ? (r.is_null(5) ? r.text(6) : r.text(5)) : r.text(11);
    size_t phone = merchant ? 7 : 12;
    nlohmann::json j = {
        {"id", r.i64(0)},
        {"kind", merchant ? "merchant" : "person"},
        {"kind_label", merchant ? "楚商楚才" : "返乡人员"},
        {"merchant_id", event_opt_int(r, 1)},
        {"person_id", event_opt_int(r, 2)},
        {"visible", visible},
        {"name", visible ? name : "（不在您的数据范围内）"},
        {"enterprise_name",
         merchant && visible && !r.is_null(6) ? nlohmann::json(r.text(6)) : nlohmann::json()},
        {"phone", visible && !r.is_null(phone) && !r.text(phone).empty()
                      ? nlohmann::json(mask_phone(r.text(phone)))
                      : nlohmann::json()},
        {"region_name", visible ? r.text(base + 2) : std::string()},
        {"checked_in", !r.is_null(3)},
        {"checked_in_at", event_opt_text(r, 3)},
        {"checked_in_by", r.is_null(3) ? nlohmann::json() : nlohmann::json(r.text(16))},
        {"invited_at", r.text(4)}};
    out.push_back(std::move(j));
  }
  return out;
}

// The projects signed at an event, with the project's name, stage and planned amount.
nlohmann::json event_outcomes_json(store::Conn& c, const Principal& p, int64_t id) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& r :
       store::query(c,
                    "SELECT o.id, o.project_id, pr.name, pr.stage, pr.amount_wan, pr.region_code, "
                    "pr.created_by, o.signed_on, o.amount_wan, o.notes, o.recorded_at, "
                    "COALESCE(rg.name, '') FROM event_outcome o JOIN project pr ON pr.id = "
                    "o.project_id LEFT JOIN region rg ON rg.code = pr.region_code WHERE "
                    "o.event_id = $1 ORDER BY o.signed_on, o.id",
                    {id})) {
    bool visible = in_scope(p, r.text(5), r.opt_i64(6));
    out.push_back({{"id", r.i64(0)},
                   {"project_id", r.i64(1)},
                   {"visible", visible},
                   {"project_name", visible ? r.text(2) : "（不在您的数据范围内）"},
                   {"project_stage", r.text(3)},
                   {"project_stage_label", core::term_label(core::project_stages(), r.text(3))},
                   {"project_amount_wan", event_opt_int(r, 4)},
                   {"project_region_name", visible ? r.text(11) : std::string()},
                   {"signed_on", r.text(7)},
                   {"amount_wan", event_opt_int(r, 8)},
                   {"notes", event_opt_text(r, 9)},
                   {"recorded_at", r.text(10)}});
  }
  return out;
}

// The key of a vocabulary word (key or label), or 400 naming the field and the choices.
std::string event_term_key(const std::vector<core::Term>& terms, const std::string& word,
                           const std::string& field, const std::string& label) {
  auto key = core::find_term(terms, word);
  if (key) return *key;
  std::string choices;
  for (const auto& t : terms) choices += (choices.empty() ? "" : "、") + t.label;
  throw bad_request(field, label + "“" + word + "”不正确，应为" + choices + "之一");
}

// The event's values after applying `in` over `before` (null for a new event), checked: the
// region exists, is in scope and is a city, county or township; the level is the region's; the
// date is real; a held event is not in the future.
struct EventValues {
  std::string region_code, level, type, title, held_on, status;
  std::optional<std::string> festival, place, organiser, notes;
};

EventValues event_values(store::Conn& c, const Principal& p, const EventInput& in,
                         const nlohmann::json& before) {
  bool fresh = before.is_null();
  auto text = [&](const char* k) {
    return before.is_null() || before[k].is_null() ? std::string() : before[k].get<std::string>();
  };
  auto opt = [&](const std::optional<std::string>& v, const char* k) -> std::optional<std::string> {
    if (v) return v->empty() ? std::nullopt : v;
    std::string old = text(k);
    return old.empty() ? std::nullopt : std::optional<std::string>(old);
  };
  EventValues v;
  v.region_code = in.region_code.value_or(fresh ? p.region_code : text("region_code"));
  if (in.region_code || fresh) {
    if (!region_exists(c, v.region_code)) {
      throw bad_request("region_code", "行政区划代码“" + v.region_code + "”不存在");
    }
    if (!in_scope(p, v.region_code)) {
      throw bad_request("region_code", "所选举办地区不在您的数据范围内", "out_of_scope");
    }
  }
  auto depth = store::query_int(c, "SELECT level FROM region WHERE code = $1", {v.region_code});
  auto derived = core::event_level_of_depth(static_cast<int>(depth));
  if (!derived) {
    throw bad_request("region_code", "举办地区应为市、县（市、区）或乡镇（街道）");
  }
  v.level = std::string(*derived);
  if (in.level) {
    std::string asked = event_term_key(core::event_levels(), *in.level, "level", "活动级别");
    if (asked != v.level) {
      std::string name = region_name(c, v.region_code).value_or(v.region_code);
      throw bad_request("level", "活动级别与举办地区不符：" + name + "的活动为" +
                                     core::term_label(core::event_levels(), v.level) + "活动；" +
                                     core::term_label(core::event_levels(), asked) +
                                     "活动请选择相应级别的举办地区");
    }
  }
  v.type =
      in.type ? event_term_key(core::event_types(), *in.type, "type", "活动类型") : text("type");
  if (v.type.empty()) throw bad_request("type", "请选择活动类型", "required");
  if (in.clear_festival) {
    v.festival = std::nullopt;
  } else if (in.festival) {
    v.festival = event_term_key(core::event_festivals(), *in.festival, "festival", "节日");
  } else {
    v.festival = opt(std::nullopt, "festival");
  }
  v.title = in.title.value_or(text("title"));
  if (v.title.empty()) throw bad_request("title", "请填写活动名称", "required");
  v.held_on = in.held_on.value_or(text("held_on"));
  if (v.held_on.empty()) throw bad_request("held_on", "请填写举办日期", "required");
  if (in.held_on && !core::Date::parse_iso(v.held_on)) {
    throw bad_request("held_on", "举办日期应写作 YYYY-MM-DD，如 2026-04-04");
  }
  std::string status = in.status.value_or(fresh ? "planned" : text("status"));
  v.status = event_term_key(core::event_statuses(), status, "status", "活动状态");
  if (v.status == "held" && v.held_on > core::today_local()) {
    throw bad_request(in.held_on && !in.status ? "held_on" : "status",
                      "举办日期晚于今天的活动不能标记为已举办");
  }
  v.place = opt(in.place, "place");
  v.organiser = opt(in.organiser, "organiser");
  v.notes = opt(in.notes, "notes");
  return v;
}

void audit_event_change(store::Conn& c, const Principal& p, const std::string& action, int64_t id,
                        const std::string& region, nlohmann::json before, nlohmann::json after) {
  audit(c, Actor::of(p),
        {action, "event", std::to_string(id), region, std::move(before), std::move(after)});
}

}  // namespace

nlohmann::json event_vocabulary() {
  return {{"types", event_terms_json(core::event_types())},
          {"levels", event_terms_json(core::event_levels())},
          {"festivals", event_terms_json(core::event_festivals())},
          {"statuses", event_terms_json(core::event_statuses())},
          {"minimums",
           {{"city", *event_yearly_minimum("city")},
            {"county", *event_yearly_minimum("county")},
            {"township", nullptr}}}};
}

nlohmann::json event_in_scope(store::Conn& c, const Principal& p, int64_t id, bool detail) {
  auto r = store::query_one(c, std::string(kEventSelect) + "WHERE e.id = $1", {id});
  if (!r || !in_scope(p, r->text(1), r->opt_i64(12))) throw http::not_found("活动");
  auto j = event_row_json(*r);
  if (detail) {
    j["invitees"] = event_invitees_json(c, p, id);
    j["outcomes"] = event_outcomes_json(c, p, id);
  }
  return j;
}

nlohmann::json list_events(store::Db& db, const Principal& p, const EventFilter& f) {
  require(p, "event:read");
  auto conn = db.acquire();
  store::SqlBuilder sql;
  std::string where = scope_condition(p, sql, "e.region_code", "e.created_by");
  if (!f.region.empty()) {
    check_region_filter(db, *conn, p, f.region);
    where += " AND " + subtree_condition(sql, "e.region_code", f.region);
  }
  if (f.year) {
    if (*f.year < 1900 || *f.year > 2999) throw bad_request("year", "年份不正确");
    std::string y = std::to_string(*f.year);
    where += " AND e.held_on >= " + sql.bind(y + "-01-01") +
             " AND e.held_on <= " + sql.bind(y + "-12-31");
  }
  if (!f.level.empty()) {
    where += " AND e.level = " +
             sql.bind(event_term_key(core::event_levels(), f.level, "level", "级别"));
  }
  if (!f.type.empty()) {
    where += " AND e.type = " +
             sql.bind(event_term_key(core::event_types(), f.type, "type", "活动类型"));
  }
  if (f.festival == "none") {
    where += " AND e.festival IS NULL";
  } else if (!f.festival.empty()) {
    where += " AND e.festival = " +
             sql.bind(event_term_key(core::event_festivals(), f.festival, "festival", "节日"));
  }
  if (!f.status.empty()) {
    where += " AND e.status = " +
             sql.bind(event_term_key(core::event_statuses(), f.status, "status", "活动状态"));
  }
  if (!f.q.empty()) {
    std::string like = sql.bind("%" + f.q + "%");
    where += " AND (e.title LIKE " + like + " OR e.place LIKE " + like + " OR e.organiser LIKE " +
             like + ")";
  }
  int64_t total =
      store::query_int(*conn, "SELECT COUNT(*) FROM event e WHERE " + where, sql.params());
  std::string page = " ORDER BY e.held_on DESC, e.id DESC LIMIT " + sql.bind(f.limit) + " OFFSET " +
                     sql.bind(f.offset);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& r :
       store::query(*conn, std::string(kEventSelect) + "WHERE " + where + page, sql.params())) {
    items.push_back(event_row_json(r));
  }
  return {{"items", items}, {"total", total}};
}

nlohmann::json get_event(store::Db& db, const Principal& p, int64_t id) {
  require(p, "event:read");
  auto conn = db.acquire();
  return event_in_scope(*conn, p, id, true);
}

nlohmann::json create_event(store::Db& db, const Principal& p, const EventInput& in) {
  require(p, "event:write");
  if (!in.type) throw bad_request("type", "请选择活动类型", "required");
  if (!in.title) throw bad_request("title", "请填写活动名称", "required");
  if (!in.held_on) throw bad_request("held_on", "请填写举办日期", "required");
  auto conn = db.acquire();
  store::Tx tx(*conn);
  auto v = event_values(*conn, p, in, nullptr);
  std::string now = core::now_iso();
  int64_t id = store::query_int(
      *conn,
      "INSERT INTO event (region_code, level, type, festival, title, held_on, place, organiser, "
      "status, notes, created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, "
      "$8, $9, $10, $11, $12, $12) RETURNING id",
      {v.region_code, v.level, v.type, store::nullable(v.festival), v.title, v.held_on,
       store::nullable(v.place), store::nullable(v.organiser), v.status, store::nullable(v.notes),
       p.user_id, now});
  auto out = event_in_scope(*conn, p, id, true);
  audit_event_change(*conn, p, "create", id, v.region_code, nullptr, event_audit_form(out));
  tx.commit();
  return out;
}

nlohmann::json update_event(store::Db& db, const Principal& p, int64_t id, const EventInput& in) {
  require(p, "event:write");
  auto conn = db.acquire();
  store::Tx tx(*conn);
  auto before = event_in_scope(*conn, p, id, false);
  auto v = event_values(*conn, p, in, before);
  if (v.status == "cancelled" && before["status"] != "cancelled" &&
      before["outcome_count"].get<int64_t>() > 0) {
    throw bad_request("status", "该活动已登记签约成果，不能取消；请先删除签约成果");
  }
  store::exec(*conn,
              "UPDATE event SET region_code = $2, level = $3, type = $4, festival = $5, title = "
              "$6, held_on = $7, place = $8, organiser = $9, status = $10, notes = $11, "
              "updated_at = $12 WHERE id = $1",
              {id, v.region_code, v.level, v.type, store::nullable(v.festival), v.title, v.held_on,
               store::nullable(v.place), store::nullable(v.organiser), v.status,
               store::nullable(v.notes), core::now_iso()});
  auto out = event_in_scope(*conn, p, id, true);
  auto old_form = event_audit_form(before), new_form = event_audit_form(out);
  if (old_form != new_form) {
    audit_event_change(*conn, p, "update", id, v.region_code, old_form, new_form);
  }
  tx.commit();
  return out;
}

}  // namespace guiyan::service
