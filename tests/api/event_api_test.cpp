// Events 活动 through the real server, on SQLite and PostgreSQL alike, on a server of this suite's
// own: the event and its level from the region, validation naming the field, the data scope,
// invitees and their check-in, projects signed there, and the yearly tally per level against the
// minimum (city 4, county 6), worked out by hand.
#include "api/own_server.h"

using namespace guiyan::testing;

namespace {

class EventApi : public OwnServerSuite {
 protected:
  static std::string field_of(const HttpResult& r) {
    return r.json()["error"].value("field", std::string());
  }
  static std::string path(int64_t id, const std::string& tail = "") {
    return "/api/v1/events/" + std::to_string(id) + tail;
  }
  // Creates an event as `user`: the body over a valid county event of 公安县.
  static nlohmann::json event(const std::string& user, const nlohmann::json& over) {
    nlohmann::json body = {{"type", "promotion"},
                           {"title", "清明话家乡楚商恳谈会"},
                           {"held_on", "2025-04-04"},
                           {"region_code", "421022"}};
    for (const auto& [k, v] : over.items()) body[k] = v;
    auto r = post(user, "/api/v1/events", body);
    if (r.status != 201) throw std::runtime_error("event: " + r.body);
    return r.json();
  }
  static int64_t created_id(const HttpResult& r, const char* what) {
    if (r.status != 201) throw std::runtime_error(std::string(what) + ": " + r.body);
    return r.json()["id"];
  }

  static void SetUpTestSuite() {
    server = std::make_unique<ServerProcess>();
    server->add_user("ev_city", "clerk", "421000", "荆州市招商服务中心", kPassword);
    server->add_user("ev_ga", "clerk", "421022", "公安县人社局", kPassword);
    server->add_user("ev_ga_lead", "leader", "421022", "公安县人社局", kPassword);
    server->add_user("ev_ga_aud", "auditor", "421022", "公安县人社局", kPassword);
    server->add_user("ev_jl", "clerk", "421088", "监利市人社局", kPassword);
    server->start();
  }
  static void TearDownTestSuite() {
    tokens.clear();
    server.reset();
  }
};

}  // namespace

TEST_F(EventApi, AnEventTakesItsLevelFromTheRegionAndIsAudited) {
  auto e = event("ev_ga", {{"festival", "qingming"},
                           {"place", "公安县文化中心"},
                           {"organiser", "公安县招商服务中心"},
                           {"status", "held"}});
  EXPECT_EQ(e["level"], "county");
  EXPECT_EQ(e["level_label"], "县级");
  EXPECT_EQ(e["type_label"], "推介会");
  EXPECT_EQ(e["festival_label"], "清明");
  EXPECT_EQ(e["status_label"], "已举办");
  EXPECT_EQ(e["region_name"], "公安县");
  EXPECT_EQ(e["invitees"].size(), 0u);
  int64_t id = e["id"];
  // Labels are understood too; the festival can be cleared.
  auto changed = patch("ev_ga", path(id), {{"type", "恳谈会"}, {"festival", nullptr}});
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(changed.json()["type"], "dialogue");
  EXPECT_TRUE(changed.json()["festival"].is_null());
  // A township event; the leader reads but does not write.
  auto town = event("ev_ga", {{"region_code", "421022100"}, {"type", "job_fair"}});
  EXPECT_EQ(town["level"], "township");
  EXPECT_EQ(get("ev_ga_lead", path(id)).status, 200);
  EXPECT_EQ(post("ev_ga_lead", "/api/v1/events",
                 {{"type", "promotion"}, {"title", "越权"}, {"held_on", "2025-01-01"}})
                .status,
            403);
  EXPECT_EQ(get("ev_ga_aud", path(id)).status, 403);
  auto log = get("ev_ga_aud", "/api/v1/audit?entity=event&entity_id=" + std::to_string(id));
  ASSERT_EQ(log.status, 200) << log.body;
  auto items = log.json()["items"];
  ASSERT_EQ(items.size(), 2u) << log.body;
  bool created = false, updated = false;
  for (const auto& i : items) {
    created |= i["action"] == "create" && i["after"]["festival"] == "qingming";
    updated |= i["action"] == "update" && i["after"]["type"] == "dialogue";
  }
  EXPECT_TRUE(created && updated) << log.body;
  auto vocab = get("ev_ga_lead", "/api/v1/events/vocabulary");
  ASSERT_EQ(vocab.status, 200);
  EXPECT_EQ(vocab.json()["types"].size(), 9u);
  EXPECT_EQ(vocab.json()["minimums"]["county"], 6);
}

TEST_F(EventApi, ValidationErrorsNameTheFieldInChinese) {
  nlohmann::json ok = {{"type", "promotion"}, {"title", "推介会"}, {"held_on", "2025-05-01"}};
  auto with = [&](const nlohmann::json& over) {
    nlohmann::json b = ok;
    for (const auto& [k, v] : over.items()) {
      if (v.is_null()) {
        b.erase(k);
      } else {
        b[k] = v;
      }
    }
    return post("ev_ga", "/api/v1/events", b);
  };
  EXPECT_EQ(field_of(with({{"title", nullptr}})), "title");
  EXPECT_EQ(field_of(with({{"type", "茶话会"}})), "type");
  EXPECT_EQ(field_of(with({{"held_on", "2025-02-30"}})), "held_on");
  EXPECT_EQ(field_of(with({{"festival", "元宵"}})), "festival");
  EXPECT_EQ(field_of(with({{"status", "done"}})), "status");
  EXPECT_EQ(field_of(with({{"bogus", 1}})), "bogus");
  // A city-level event cannot be held by a county, a county one not by a township.
  auto level = with({{"level", "city"}, {"region_code", "421022"}});
  EXPECT_EQ(level.status, 400);
  EXPECT_EQ(field_of(level), "level");
  EXPECT_NE(level.json()["error"]["message"].get<std::string>().find("公安县"), std::string::npos)
      << level.body;
  EXPECT_EQ(field_of(with({{"level", "county"}, {"region_code", "421022100"}})), "level");
  EXPECT_EQ(with({{"level", "county"}, {"region_code", "421022"}}).status, 201);
  // A village holds no events of its own; another county is out of scope.
  EXPECT_EQ(field_of(with({{"region_code", "421022100001"}})), "region_code");
  auto other = with({{"region_code", "421088"}});
  EXPECT_EQ(other.status, 400);
  EXPECT_EQ(other.json()["error"]["code"], "out_of_scope");
  // Held only up to today.
  EXPECT_EQ(field_of(with({{"held_on", "2999-01-01"}, {"status", "held"}})), "status");
  EXPECT_EQ(with({{"held_on", "2999-01-01"}}).json()["status"], "planned");
}

TEST_F(EventApi, AnEventOutsideTheScopeIsNotFound) {
  int64_t id =
      event("ev_ga", {{"title", "公安县政银企对接会"}, {"type", "bank_matchmaking"}})["id"];
  EXPECT_EQ(get("ev_jl", path(id)).status, 404);
  EXPECT_EQ(patch("ev_jl", path(id), {{"title", "改"}}).status, 404);
  EXPECT_EQ(post("ev_jl", path(id, "/invitees"), {{"merchant_ids", {1}}}).status, 404);
  EXPECT_EQ(get("ev_city", path(id)).status, 200);
  auto jl = get("ev_jl", "/api/v1/events?q=" + std::string("%E5%85%AC%E5%AE%89"));  // 公安
  ASSERT_EQ(jl.status, 200);
  EXPECT_EQ(jl.json()["total"], 0);
  auto city = get("ev_city", "/api/v1/events?type=bank_matchmaking&region=421022");
  ASSERT_EQ(city.status, 200);
  EXPECT_GE(city.json()["total"].get<int>(), 1);
  auto items = city.json()["items"];
  for (const auto& i : items) EXPECT_EQ(i["type"], "bank_matchmaking");
}

TEST_F(EventApi, InviteesAreMaskedCheckInIsRecordedAndCanBeUndone) {
  int64_t merchant = created_id(post("ev_ga", "/api/v1/merchants",
                                     {{"name", "活动楚商甲"},
                                      {"phone", "13812345678"},
                                      {"enterprise_name", "深圳公安商会会员企业"},
                                      {"hometown_code", "421022100"},
                                      {"intention_strength", "strong"}}),
                                "merchant");
  int64_t far_merchant = created_id(post("ev_jl", "/api/v1/merchants",
                                         {{"name", "活动楚商乙"},
                                          {"hometown_code", "421088"},
                                          {"intention_strength", "possible"}}),
                                    "merchant");
  int64_t person = created_id(
      post("ev_ga", "/api/v1/people",
           {{"name", "返乡丙"}, {"phone", "13987654321"}, {"region_code", "421022100001"}}),
      "person");
  int64_t id = event("ev_ga", {{"title", "春节团拜会"},
                               {"type", "festival_gathering"},
                               {"festival", "spring_festival"},
                               {"held_on", "2025-01-30"},
                               {"status", "held"}})["id"];
  auto invited = post("ev_ga", path(id, "/invitees"),
                      {{"merchant_ids", {merchant}}, {"person_ids", {person}}});
  ASSERT_EQ(invited.status, 200) << invited.body;
  EXPECT_EQ(invited.json()["added"], 2);
  auto invitees = invited.json()["invitees"];
  ASSERT_EQ(invitees.size(), 2u);
  EXPECT_EQ(invitees[0]["kind"], "merchant");
  EXPECT_EQ(invitees[0]["name"], "活动楚商甲");
  EXPECT_EQ(invitees[0]["phone"], "138****5678");
  EXPECT_EQ(invitees[1]["kind"], "person");
  EXPECT_EQ(invitees[1]["phone"], "139****4321");
  EXPECT_EQ(invitees[1]["checked_in"], false);
  // Once each; a merchant outside the scope is refused.
  auto again = post("ev_ga", path(id, "/invitees"), {{"merchant_ids", {merchant}}});
  EXPECT_EQ(again.json()["added"], 0);
  EXPECT_EQ(again.json()["skipped"], 1);
  auto far = post("ev_ga", path(id, "/invitees"), {{"merchant_ids", {far_merchant}}});
  EXPECT_EQ(far.status, 400);
  EXPECT_EQ(field_of(far), "merchant_ids");
  EXPECT_EQ(field_of(post("ev_ga", path(id, "/invitees"), {{"merchant_ids", "1"}})),
            "merchant_ids");

  int64_t guest = invitees[1]["id"];
  auto in = post("ev_ga", path(id, "/invitees/" + std::to_string(guest) + "/check-in"), {});
  ASSERT_EQ(in.status, 200) << in.body;
  EXPECT_EQ(in.json()["checked_in_count"], 1);
  EXPECT_EQ(in.json()["invitees"][1]["checked_in"], true);
  EXPECT_FALSE(in.json()["invitees"][1]["checked_in_at"].is_null());
  // A checked-in guest is not removed; the check-in is undone first.
  EXPECT_EQ(del("ev_ga", path(id, "/invitees/" + std::to_string(guest))).status, 409);
  auto undo = del("ev_ga", path(id, "/invitees/" + std::to_string(guest) + "/check-in"));
  ASSERT_EQ(undo.status, 200) << undo.body;
  EXPECT_EQ(undo.json()["checked_in_count"], 0);
  EXPECT_TRUE(undo.json()["invitees"][1]["checked_in_at"].is_null());
  auto removed = del("ev_ga", path(id, "/invitees/" + std::to_string(guest)));
  ASSERT_EQ(removed.status, 200) << removed.body;
  EXPECT_EQ(removed.json()["invitee_count"], 1);
  EXPECT_EQ(del("ev_ga", path(id, "/invitees/" + std::to_string(guest))).status, 404);
  auto log = get("ev_ga_aud",
                 "/api/v1/audit?entity=event&action=check_in&entity_id=" + std::to_string(id));
  EXPECT_EQ(log.json()["items"].size(), 1u) << log.body;

  // A cancelled event takes no more invitations.
  int64_t off = event("ev_ga", {{"status", "cancelled"}})["id"];
  EXPECT_EQ(post("ev_ga", path(off, "/invitees"), {{"merchant_ids", {merchant}}}).status, 409);

  // An event still to come takes invitations but no check-in.
  int64_t later = event("ev_ga", {{"held_on", "2999-10-01"}})["id"];
  auto future = post("ev_ga", path(later, "/invitees"), {{"merchant_ids", {merchant}}});
  ASSERT_EQ(future.status, 200);
  int64_t inv = future.json()["invitees"][0]["id"];
  auto early = post("ev_ga", path(later, "/invitees/" + std::to_string(inv) + "/check-in"), {});
  EXPECT_EQ(early.status, 409);
  EXPECT_EQ(early.json()["error"]["code"], "not_yet");
}

TEST_F(EventApi, ProjectsSignedAtAnEventCarryTheirAmounts) {
  int64_t plant = created_id(post("ev_ga", "/api/v1/projects",
                                  {{"name", "活动签约莲藕加工项目"},
                                   {"region_code", "421022"},
                                   {"amount_wan", 12000},
                                   {"stage", "signed"}}),
                             "project");
  int64_t park = created_id(post("ev_ga", "/api/v1/projects",
                                 {{"name", "活动签约冷链物流项目"}, {"region_code", "421022"}}),
                            "project");
  int64_t far = created_id(
      post("ev_jl", "/api/v1/projects", {{"name", "监利项目"}, {"region_code", "421088"}}),
      "project");
  int64_t id = event("ev_ga", {{"title", "公安县招商推介会"}, {"status", "held"}})["id"];
  auto one = post("ev_ga", path(id, "/outcomes"), {{"project_id", plant}});
  ASSERT_EQ(one.status, 201) << one.body;
  auto outcomes = one.json()["outcomes"];
  ASSERT_EQ(outcomes.size(), 1u);
  EXPECT_EQ(outcomes[0]["amount_wan"], 12000);  // the project's planned investment
  EXPECT_EQ(outcomes[0]["signed_on"], "2025-04-04");
  EXPECT_EQ(outcomes[0]["project_name"], "活动签约莲藕加工项目");
  EXPECT_EQ(outcomes[0]["project_stage_label"], "签约");
  auto two = post("ev_ga", path(id, "/outcomes"),
                  {{"project_id", park}, {"amount_wan", 3000}, {"signed_on", "2025-04-05"}});
  ASSERT_EQ(two.status, 201) << two.body;
  EXPECT_EQ(two.json()["signed_amount_wan"], 15000);
  EXPECT_EQ(two.json()["outcome_count"], 2);
  EXPECT_EQ(post("ev_ga", path(id, "/outcomes"), {{"project_id", plant}}).status, 409);
  EXPECT_EQ(field_of(post("ev_ga", path(id, "/outcomes"), {{"project_id", far}})), "project_id");
  EXPECT_EQ(
      field_of(post("ev_ga", path(id, "/outcomes"), {{"project_id", park}, {"amount_wan", -1}})),
      "amount_wan");
  // An event with signed projects is not cancelled.
  EXPECT_EQ(field_of(patch("ev_ga", path(id), {{"status", "cancelled"}})), "status");
  int64_t second = two.json()["outcomes"][1]["id"];
  auto removed = del("ev_ga", path(id, "/outcomes/" + std::to_string(second)));
  ASSERT_EQ(removed.status, 200) << removed.body;
  EXPECT_EQ(removed.json()["signed_amount_wan"], 12000);
}

TEST_F(EventApi, TheTallyCountsHeldEventsOfTheYearPerLevel) {
  // 2019 holds this test's events only.
  auto held = [&](const std::string& user, const std::string& region, const std::string& on,
                  const nlohmann::json& more = nlohmann::json::object()) {
    nlohmann::json body = {
        {"region_code", region}, {"held_on", on}, {"status", "held"}, {"title", "统计"}};
    for (const auto& [k, v] : more.items()) body[k] = v;
    return event(user, body);
  };
  // The city: 2 held in 2019 (5 Feb at the Spring Festival, 31 Dec), one on 1 Jan 2020, one
  // cancelled and one still planned in 2019.
  held("ev_city", "421000", "2019-02-05", {{"festival", "spring_festival"}});
  held("ev_city", "421000", "2019-12-31");
  held("ev_city", "421000", "2020-01-01");
  held("ev_city", "421000", "2019-06-07", {{"status", "cancelled"}});
  held("ev_city", "421000", "2019-09-13", {{"status", "planned"}});
  // 公安县: six county events (one cancelled afterwards does not count, its replacement does),
  // and a township event that counts for the township, not the county.
  for (auto on : {"2019-01-01", "2019-04-05", "2019-06-07", "2019-09-13", "2019-10-01"}) {
    held("ev_ga", "421022", on,
         {{"festival", std::string(on) == "2019-10-01" ? "national_day" : ""}});
  }
  int64_t dropped = held("ev_ga", "421022", "2019-11-11")["id"];
  ASSERT_EQ(patch("ev_ga", path(dropped), {{"status", "cancelled"}}).status, 200);
  held("ev_ga", "421022", "2019-12-31");
  held("ev_ga", "421022100", "2019-03-03");
  // 监利市: two.
  held("ev_jl", "421088", "2019-05-05");
  held("ev_jl", "421088", "2019-08-08");

  auto t = get("ev_city", "/api/v1/events/tally?region=421000&year=2019");
  ASSERT_EQ(t.status, 200) << t.body;
  auto tally = t.json();
  EXPECT_EQ(tally["region"]["level"], "city");
  EXPECT_EQ(tally["region"]["minimum"], 4);
  EXPECT_EQ(tally["region"]["held"], 2);
  EXPECT_EQ(tally["region"]["planned"], 1);
  EXPECT_EQ(tally["region"]["cancelled"], 1);
  EXPECT_EQ(tally["region"]["met"], false);
  EXPECT_EQ(tally["region"]["shortfall"], 2);
  EXPECT_EQ(tally["region"]["festivals"]["spring_festival"], 1);
  EXPECT_EQ(tally["region"]["festivals"]["none"], 1);
  EXPECT_EQ(tally["region"]["by_level"]["county"], 8);
  EXPECT_EQ(tally["region"]["by_level"]["township"], 1);
  nlohmann::json ga, jl;
  auto items = tally["items"];
  for (const auto& i : items) {
    if (i["code"] == "421022") ga = i;
    if (i["code"] == "421088") jl = i;
  }
  EXPECT_EQ(ga["level"], "county");
  EXPECT_EQ(ga["held"], 6);
  EXPECT_EQ(ga["cancelled"], 1);
  EXPECT_EQ(ga["met"], true);
  EXPECT_EQ(ga["festivals"]["national_day"], 1);
  EXPECT_EQ(ga["by_level"]["township"], 1);
  EXPECT_EQ(jl["held"], 2);
  EXPECT_EQ(jl["met"], false);
  EXPECT_EQ(jl["shortfall"], 4);
  EXPECT_EQ(tally["children_met"], 1);

  auto next = get("ev_city", "/api/v1/events/tally?region=421000&year=2020").json();
  EXPECT_EQ(next["region"]["held"], 1);
  // A county's view counts its own scope only; its townships have no minimum.
  auto mine = get("ev_ga", "/api/v1/events/tally?region=421000&year=2019").json();
  EXPECT_EQ(mine["region"]["held"], 0);
  auto own = get("ev_ga", "/api/v1/events/tally?year=2019").json();
  EXPECT_EQ(own["region"]["code"], "421022");
  EXPECT_EQ(own["region"]["held"], 6);
  auto towns = own["items"];
  for (const auto& i : towns) {
    EXPECT_TRUE(i["minimum"].is_null());
    if (i["code"] == "421022100") {
      EXPECT_EQ(i["held"], 1);
    }
  }
  // The list's year filter agrees: 31 December in its year, 1 January in the next.
  EXPECT_EQ(get("ev_city", "/api/v1/events?region=421000&level=city&year=2019").json()["total"], 4);
  EXPECT_EQ(get("ev_city", "/api/v1/events?region=421000&level=city&year=2020").json()["total"], 1);
}
