// The people registry through the real server, on SQLite and PostgreSQL alike.
#include "api/api_env.h"
#include "core/clock.h"
#include "core/id_number.h"
#include "store/db.h"

using namespace guiyan::testing;

namespace {

// Valid ID numbers built with their check character (GB 11643).

int64_t create_person_as(const std::string& token, nlohmann::json body) {
  auto r = ApiEnv::get().client().post("/api/v1/people", body, token);
  if (r.status != 201) throw std::runtime_error("create failed: " + r.body);
  return r.json()["id"];
}

// Percent-encodes every byte (a query string of Chinese words).
std::set<std::string> names(const HttpResult& r) {
  std::set<std::string> out;
  auto j = r.json();
  for (const auto& p : j["items"]) out.insert(p["name"].get<std::string>());
  return out;
}

class PeopleApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string ga = ApiEnv::get().token("ga_clerk");
    std::string jl = ApiEnv::get().token("jl_clerk");
    wang =
        create_person_as(ga, {{"name", "王芳"},
                              {"id_number", guiyan::core::complete_id_number("42102219900101002")},
                              {"phone", "13871234567"},
                              {"region_code", "421022100001"},
                              {"skills", {"电工", "焊工"}},
                              {"labour_brand", "石首防水工"},
                              {"status", "returned"},
                              {"help_wanted", {"loan", "training"}},
                              {"intention_note", "想开一家莲藕加工厂"}});
    create_person_as(ga, {{"name", "张三丰"},
                          {"id_number", guiyan::core::complete_id_number("42102219851231003")},
                          {"phone", "0716-8514460"},
                          {"region_code", "421022100001"},
                          {"status", "away"},
                          {"labour_brand", "洪湖莲藕师"}});
    create_person_as(jl, {{"name", "王芳芳"},
                          {"region_code", "421088"},
                          {"status", "started_business"},
                          {"funnel_stage", "landed"}});
  }
  static inline int64_t wang = 0;
};

}  // namespace

TEST_F(PeopleApi, CreateDerivesBirthDateAndGenderAndMasks) {
  auto r = ApiEnv::get().client().get("/api/v1/people/" + std::to_string(wang),
                                      ApiEnv::get().token("ga_clerk"));
  ASSERT_EQ(r.status, 200) << r.body;
  auto j = r.json();
  EXPECT_EQ(j["birth_date"], "1990-01-01");
  EXPECT_EQ(j["gender"], "female");  // 17th digit 2
  EXPECT_EQ(j["id_number"],
            "4210**********002" + guiyan::core::complete_id_number("42102219900101002").substr(17));
  EXPECT_EQ(j["phone"], "138****4567");
  EXPECT_EQ(j["masked"], true);
  EXPECT_EQ(j["skills"], nlohmann::json({"electrician", "welder"}));
  EXPECT_EQ(j["region_name"], "埠河社区居民委员会");
  EXPECT_EQ(j["region_path"], nlohmann::json({"荆州市", "公安县", "埠河镇", "埠河社区居民委员会"}));
  // The ledger shows where a person lives as a path: a village's name alone is shared.
  auto list = ApiEnv::get()
                  .client()
                  .get("/api/v1/people?q=" + url_encode("王芳"), ApiEnv::get().token("ga_clerk"))
                  .json();
  nlohmann::json path;
  for (const auto& item : list["items"]) {
    if (item["id"] == wang) path = item["region_path"];
  }
  EXPECT_EQ(path, nlohmann::json({"荆州市", "公安县", "埠河镇", "埠河社区居民委员会"}));
}

TEST_F(PeopleApi, UnmaskedViewNeedsThePermissionAndIsAudited) {
  auto& env = ApiEnv::get();
  std::string path = "/api/v1/people/" + std::to_string(wang) + "?unmask=true";
  auto full = env.client().get(path, env.token("ga_clerk"));
  ASSERT_EQ(full.status, 200);
  EXPECT_EQ(full.json()["id_number"], guiyan::core::complete_id_number("42102219900101002"));
  EXPECT_EQ(full.json()["phone"], "13871234567");
  auto log = env.client().get(
      "/api/v1/audit?action=view_unmasked&entity=person&entity_id=" + std::to_string(wang),
      env.token("ga_aud"));
  ASSERT_FALSE(log.json()["items"].empty()) << log.body;
  EXPECT_EQ(log.json()["items"][0]["username"], "ga_clerk");
}

TEST_F(PeopleApi, SearchFindsNamesIdTailsPhonesSkillsAndBrands) {
  auto& env = ApiEnv::get();
  std::string t = env.token("city_sys");  // no person:read
  EXPECT_EQ(env.client().get("/api/v1/people?q=王芳", t).status, 403);
  std::string ga = env.token("ga_clerk");
  auto search = [&](const std::string& q) {
    return names(env.client().get("/api/v1/people?q=" + url_encode(q), ga));
  };
  EXPECT_EQ(search("王芳"), (std::set<std::string>{"王芳"}));  // 王芳芳 is in 监利, out of scope
  EXPECT_EQ(search("三丰"), (std::set<std::string>{"张三丰"}));
  EXPECT_EQ(search("芳"), (std::set<std::string>{"王芳"}));
  std::string id = guiyan::core::complete_id_number("42102219900101002");
  EXPECT_EQ(search(id), (std::set<std::string>{"王芳"}));
  EXPECT_EQ(search(id.substr(12)), (std::set<std::string>{"王芳"}));  // last 6
  EXPECT_EQ(search(id.substr(14)), (std::set<std::string>{"王芳"}));  // last 4
  EXPECT_EQ(search("138 7123 4567"), (std::set<std::string>{"王芳"}));
  EXPECT_EQ(search("4460"), (std::set<std::string>{"张三丰"}));  // landline's last 4
  EXPECT_EQ(search("电工"), (std::set<std::string>{"王芳"}));
  EXPECT_EQ(search("莲藕师"), (std::set<std::string>{"张三丰"}));
  EXPECT_EQ(search("莲藕"), (std::set<std::string>{"王芳", "张三丰"}));  // intention and brand
  EXPECT_EQ(search("王芳 电工"), (std::set<std::string>{"王芳"}));
  EXPECT_TRUE(search("李四").empty());
  EXPECT_EQ(
      names(env.client().get("/api/v1/people?q=%E7%8E%8B%E8%8A%B3", env.token("city_sys"))).size(),
      0u);
}

TEST_F(PeopleApi, FiltersAndCountsPerChildRegion) {
  auto& env = ApiEnv::get();
  // The city clerk does not exist in the fixture; the city leader reads everything below.
  env.server().add_user("city_leader", "leader", "421000", "荆州市人社局", kPassword);
  std::string t = env.token("city_leader");
  auto all = env.client().get("/api/v1/people?q=%E7%8E%8B%E8%8A%B3", t).json();  // 王芳
  EXPECT_EQ(all["total"], 2);
  std::map<std::string, int64_t> counts;
  for (const auto& r : all["by_region"]) counts[r["code"]] = r["count"];
  EXPECT_EQ(counts["421022"], 1);
  EXPECT_EQ(counts["421088"], 1);
  EXPECT_EQ(env.client().get("/api/v1/people?status=started_business", t).json()["total"], 1);
  EXPECT_EQ(env.client().get("/api/v1/people?help=loan", t).json()["total"], 1);
  // A brand by its key or by its Chinese name.
  EXPECT_EQ(env.client().get("/api/v1/people?labour_brand=honghu_lotus", t).json()["total"], 1);
  EXPECT_EQ(env.client()
                .get("/api/v1/people?labour_brand=%E6%B4%AA%E6%B9%96%E8%8E%B2%E8%97%95%E5%B8%88", t)
                .json()["total"],
            1);
  // 王芳 was born 1990-01-01, 张三丰 1985-12-31; 王芳芳 has no ID number, so no age.
  EXPECT_EQ(names(env.client().get("/api/v1/people?age_min=37", t)),
            (std::set<std::string>{"张三丰"}));
  EXPECT_EQ(names(env.client().get("/api/v1/people?age_max=36", t)),
            (std::set<std::string>{"王芳"}));
  EXPECT_EQ(env.client().get("/api/v1/people?status=flying", t).status, 400);
  auto stats = env.client().get("/api/v1/people/stats?region=421000", t).json();
  EXPECT_EQ(stats["total"]["count"], 3);
  EXPECT_EQ(stats["total"]["reached"]["identified"], 3);
  EXPECT_EQ(stats["total"]["reached"]["landed"], 1);
}

TEST_F(PeopleApi, ScopeHidesOtherCountiesPeople) {
  auto& env = ApiEnv::get();
  auto other = env.client().get("/api/v1/people/" + std::to_string(wang), env.token("jl_clerk"));
  auto missing = env.client().get("/api/v1/people/99999999", env.token("jl_clerk"));
  EXPECT_EQ(other.status, 404);
  EXPECT_EQ(other.body, missing.body);
  auto wrong = env.client().post("/api/v1/people", {{"name", "越界"}, {"region_code", "421022"}},
                                 env.token("jl_clerk"));
  EXPECT_EQ(wrong.status, 400);
  EXPECT_EQ(wrong.json()["error"]["code"], "out_of_scope");
}

TEST_F(PeopleApi, BadInputNamesTheField) {
  auto& env = ApiEnv::get();
  std::string t = env.token("ga_clerk");
  auto bad_id = env.client().post(
      "/api/v1/people",
      {{"name", "甲"}, {"region_code", "421022"}, {"id_number", "421022199001010021"}}, t);
  EXPECT_EQ(bad_id.status, 400);
  EXPECT_EQ(bad_id.json()["error"]["field"], "id_number");
  EXPECT_NE(bad_id.json()["error"]["message"].get<std::string>().find("校验位"), std::string::npos);
  auto dup =
      env.client().post("/api/v1/people",
                        {{"name", "重复"},
                         {"region_code", "421022"},
                         {"id_number", guiyan::core::complete_id_number("42102219900101002")}},
                        t);
  EXPECT_EQ(dup.status, 409);
  EXPECT_NE(dup.json()["error"]["message"].get<std::string>().find("王芳"), std::string::npos);
  EXPECT_EQ(env.client()
                .post("/api/v1/people",
                      {{"name", "乙"}, {"region_code", "421022"}, {"status", "flying"}}, t)
                .json()["error"]["field"],
            "status");
  EXPECT_EQ(env.client()
                .post("/api/v1/people", {{"name", "丙"}, {"region_code", "421022"}, {"age", 3}}, t)
                .json()["error"]["code"],
            "unknown_field");
  EXPECT_EQ(env.client().post("/api/v1/people", {{"name", "丁"}}, t).json()["error"]["field"],
            "region_code");
  // A list's filters that can only answer nothing say why instead.
  auto ages = env.client().get("/api/v1/people?age_min=60&age_max=20", t);
  EXPECT_EQ(ages.status, 400);
  EXPECT_EQ(ages.json()["error"]["message"], "最大年龄不能小于最小年龄");
  std::string tomorrow = guiyan::core::today_local_date().plus_days(1).to_iso();
  auto later = env.client().get("/api/v1/people?home_on=" + tomorrow, t);
  EXPECT_EQ(later.status, 400);
  EXPECT_EQ(later.json()["error"]["field"], "home_on");
}

// A status cannot begin before the person was born (1950 typed for 2025): refused with the field
// named, whether the date, the number or a stated birth date makes it so.
TEST_F(PeopleApi, ABackupPhoneEqualToThePhoneIsRefused) {
  // The import drops a number written twice; through the API it was stored as 备用电话 too.
  auto& env = ApiEnv::get();
  std::string t = env.token("ga_clerk");
  nlohmann::json body{{"name", "双号"},
                      {"region_code", "421022100001"},
                      {"phone", "13871230001"},
                      {"phone2", "138 7123 0001"}};
  auto twice = env.client().post("/api/v1/people", body, t);
  ASSERT_EQ(twice.status, 400) << twice.body;
  EXPECT_EQ(twice.json()["error"]["field"], "phone2");
  EXPECT_EQ(twice.json()["error"]["message"], "备用电话与联系电话相同，无需重复填写");
  body["phone2"] = "13871230002";
  std::string path = "/api/v1/people/" + std::to_string(create_person_as(t, body));
  auto same_backup = env.client().patch(path, {{"phone2", "13871230001"}}, t);
  EXPECT_EQ(same_backup.status, 400) << same_backup.body;
  EXPECT_EQ(same_backup.json()["error"]["field"], "phone2");
  // The backup made the main number without clearing it: said on the field that changed.
  auto same_main = env.client().patch(path, {{"phone", "13871230002"}}, t);
  EXPECT_EQ(same_main.status, 400) << same_main.body;
  EXPECT_EQ(same_main.json()["error"]["field"], "phone");
  // Swapped, or the backup cleared, the two stay distinct.
  auto swapped = env.client().patch(path, {{"phone", "13871230002"}, {"phone2", "13871230001"}}, t);
  ASSERT_EQ(swapped.status, 200) << swapped.body;
  auto cleared = env.client().patch(path, {{"phone", "13871230001"}, {"phone2", nullptr}}, t);
  ASSERT_EQ(cleared.status, 200) << cleared.body;
  auto unmasked = env.client().get(path + "?unmask=true", t).json();
  EXPECT_EQ(unmasked["phone"], "13871230001");
  EXPECT_TRUE(unmasked["phone2"].is_null());
}

TEST_F(PeopleApi, AStatusCannotBeginBeforeThePersonWasBorn) {
  auto& env = ApiEnv::get();
  std::string t = env.token("ga_clerk");
  std::string number = guiyan::core::complete_id_number("42102219860223004");  // born 1986-02-23
  auto early = env.client().post("/api/v1/people",
                                 {{"name", "早生"},
                                  {"id_number", number},
                                  {"region_code", "421022100001"},
                                  {"status", "returned"},
                                  {"status_since", "1960-01-01"}},
                                 t);
  ASSERT_EQ(early.status, 400) << early.body;
  EXPECT_EQ(early.json()["error"]["field"], "status_since");
  EXPECT_EQ(early.json()["error"]["message"],
            "状态开始日期（1960-01-01）早于出生日期（1986-02-23），请核对");
  int64_t id = create_person_as(t, {{"name", "早生"},
                                    {"region_code", "421022100001"},
                                    {"status", "returned"},
                                    {"status_since", "1990-05-01"}});
  std::string path = "/api/v1/people/" + std::to_string(id);
  // The number given later would put her home before her birth (1990 is fine for 1986).
  EXPECT_EQ(env.client().patch(path, {{"status_since", "1985-12-31"}}, t).status, 200);
  auto later = env.client().patch(path, {{"id_number", number}}, t);
  EXPECT_EQ(later.status, 400) << later.body;
  EXPECT_EQ(later.json()["error"]["field"], "id_number");
  auto stated = env.client().patch(path, {{"birth_date", "1988-01-01"}, {"gender", "female"}}, t);
  EXPECT_EQ(stated.status, 400) << stated.body;
  EXPECT_EQ(stated.json()["error"]["field"], "birth_date");
  EXPECT_EQ(
      env.client().patch(path, {{"status_since", "1986-02-23"}, {"id_number", number}}, t).status,
      200);
  // A record stored so before the check came (an import of an earlier version) stays editable:
  // only a change of the date, the number or the birth date is checked.
  auto db = guiyan::store::open_db(env.server().db_url(), 1);
  guiyan::store::exec(*db->acquire(), "UPDATE person SET status_since = '1950-01-01' WHERE id = $1",
                      {id});
  EXPECT_EQ(env.client().patch(path, {{"notes", "老数据"}}, t).status, 200);
  EXPECT_EQ(env.client().patch(path, {{"status_since", "1960-01-01"}}, t).status, 400);
}

TEST_F(PeopleApi, StatusHistoryServicesProvenanceAndTheFile) {
  auto& env = ApiEnv::get();
  std::string t = env.token("ga_clerk");
  int64_t id = create_person_as(t, {{"name", "李娜"},
                                    {"region_code", "421022100"},
                                    {"status", "away"},
                                    {"status_since", "2025-03-01"}});
  std::string path = "/api/v1/people/" + std::to_string(id);
  ASSERT_EQ(env.client()
                .patch(path,
                       {{"status", "returned"},
                        {"status_since", "2026-01-20"},
                        {"funnel_stage", "contacted"}},
                       t)
                .status,
            200);
  auto svc = env.client().post(path + "/services",
                               {{"kind", "创业陪跑"},
                                {"served_on", "2026-02-01"},
                                {"result", "已对接场地"},
                                {"next_step", "办理营业执照"},
                                {"next_due", "2026-03-01"},
                                {"mentor_name", "刘导师"}},
                               t);
  ASSERT_EQ(svc.status, 201) << svc.body;
  auto file = env.client().get(path + "/file", t);
  ASSERT_EQ(file.status, 200) << file.body;
  auto f = file.json();
  EXPECT_EQ(f["person"]["region_path"][0], "荆州市");  // the file page's 户籍地
  ASSERT_EQ(f["history"]["status"].size(), 2u);
  EXPECT_EQ(f["history"]["status"][0]["status"], "away");
  EXPECT_EQ(f["history"]["status"][1]["since"], "2026-01-20");
  EXPECT_EQ(f["history"]["funnel"].back()["stage"], "contacted");
  ASSERT_EQ(f["services"].size(), 1u);
  EXPECT_EQ(f["services"][0]["kind_label"], "创业陪跑");
  EXPECT_EQ(f["case_team"]["mentor_name"], "刘导师");
  EXPECT_FALSE(f["provenance"].empty());
  EXPECT_EQ(f["provenance"][0]["source"], "manual");
  EXPECT_EQ(f["provenance"][0]["fields"].size(), 5u);  // name, region, status, since, funnel
  EXPECT_GE(f["audit"].size(), 2u);
  // Who was home on a date: before 2026-01-20 she was away.
  std::string lz = "%E6%9D%8E%E5%A8%9C";  // 李娜
  EXPECT_EQ(env.client().get("/api/v1/people?q=" + lz + "&home_on=2026-01-01", t).json()["total"],
            0);
  EXPECT_EQ(env.client().get("/api/v1/people?q=" + lz + "&home_on=2026-02-01", t).json()["total"],
            1);
}

TEST_F(PeopleApi, SearchFollowsEveryEditAndForgetsOldWords) {
  auto& env = ApiEnv::get();
  std::string t = env.token("ga_clerk");
  int64_t id = create_person_as(
      t,
      {{"name", "赵铁柱"}, {"region_code", "421022100"}, {"status", "away"}, {"skills", {"木工"}}});
  auto found = [&](const std::string& q) {
    // Kept alive: a range-for over a temporary's member would dangle.
    auto items = env.client().get("/api/v1/people?q=" + url_encode(q), t).json()["items"];
    for (const auto& p : items) {
      if (p["id"] == id) return true;
    }
    return false;
  };
  EXPECT_TRUE(found("铁柱"));
  std::string path = "/api/v1/people/" + std::to_string(id);
  // Two edits in a row: each must take the old words out of the index, not only add new ones.
  ASSERT_EQ(env.client().patch(path, {{"name", "赵金柱"}, {"skills", {"厨师"}}}, t).status, 200);
  ASSERT_EQ(env.client().patch(path, {{"name", "赵银柱"}}, t).status, 200);
  EXPECT_FALSE(found("铁柱"));
  EXPECT_FALSE(found("金柱"));
  EXPECT_FALSE(found("木工"));
  EXPECT_TRUE(found("银柱"));
  EXPECT_TRUE(found("厨师"));
}

TEST_F(PeopleApi, TheTallyAgreesWithTheRecordsAfterEveryChange) {
  // Runs last in this file: creations, status and funnel moves and edits of the tests above.
  auto& env = ApiEnv::get();
  std::string t = env.token("ga_clerk");
  int64_t id = create_person_as(
      t, {{"name", "钱多多"}, {"region_code", "421022100001"}, {"status", "away"}});
  // Moving house to another township and another status moves the person between tally rows.
  ASSERT_EQ(
      env.client()
          .patch("/api/v1/people/" + std::to_string(id),
                 {{"region_code", "421022101"}, {"status", "returned"}, {"funnel_stage", "landed"}},
                 t)
          .status,
      200);
  EXPECT_EQ(tally_mismatch(env.server().db_url()), "");
  EXPECT_EQ(region_token_mismatches(env.server().db_url()), 0);
  // The county's statistics (read from the tally) match its townships' lists (counted live).
  auto stats = env.client().get("/api/v1/people/stats?region=421022", t).json();
  for (const auto& child : stats["children"]) {
    std::string code = child["code"];
    auto list = env.client().get("/api/v1/people?limit=1&region=" + code, t).json();
    EXPECT_EQ(child["total"], list["total"]) << code;
  }
}

TEST_F(PeopleApi, APersonWithoutANumberKeepsTheGenderAndBirthDateStated) {
  auto& env = ApiEnv::get();
  std::string t = env.token("ga_clerk");
  // A numbered 黄丽 (1987-04-12, female) and one registered without a number: the stated
  // birth date and village make them a probable pair, as the duplicate rules intend.
  std::string huang_id = guiyan::core::complete_id_number("42102219870412004");
  int64_t numbered = create_person_as(
      t, {{"name", "黄丽"}, {"id_number", huang_id}, {"region_code", "421022100001"}});
  int64_t id = create_person_as(t, {{"name", "黄丽"},
                                    {"region_code", "421022100001"},
                                    {"gender", "female"},
                                    {"birth_date", "1987/4/12"}});
  std::string path = "/api/v1/people/" + std::to_string(id);
  auto j = env.client().get(path, t).json();
  EXPECT_EQ(j["gender"], "female");
  EXPECT_EQ(j["birth_date"], "1987-04-12");
  // The age filter counts them now.
  std::string hl = "%E9%BB%84%E4%B8%BD";  // 黄丽
  EXPECT_EQ(env.client().get("/api/v1/people?q=" + hl + "&age_min=30", t).json()["total"], 2);
  EXPECT_EQ(env.client().get("/api/v1/people?q=" + hl + "&age_max=29", t).json()["total"], 0);
  bool paired = false;
  auto queue = env.client().get("/api/v1/people/duplicates?status=open", t).json();
  for (const auto& d : queue["items"]) {
    std::set<int64_t> ids{d["people"][0]["id"].get<int64_t>(), d["people"][1]["id"].get<int64_t>()};
    if (ids != std::set<int64_t>{numbered, id}) continue;
    paired = true;
    std::set<std::string> reasons;
    for (const auto& r : d["reasons"]) reasons.insert(r["key"].get<std::string>());
    EXPECT_TRUE(reasons.count("same_birth_date") && reasons.count("same_village")) << d.dump();
  }
  EXPECT_TRUE(paired) << queue.dump();
  // A correction is recorded with its source, like any field.
  ASSERT_EQ(env.client().patch(path, {{"birth_date", "1987-04-21"}}, t).status, 200);
  auto file = env.client().get(path + "/file", t).json();
  EXPECT_EQ(file["person"]["birth_date"], "1987-04-21");
  EXPECT_EQ(file["provenance"].back()["fields"], nlohmann::json({"birth_date"}));
  // Where a valid number speaks, a stated value must agree with it and cannot clear it.
  auto male =
      env.client().post("/api/v1/people",
                        {{"name", "甲"},
                         {"region_code", "421022"},
                         {"id_number", guiyan::core::complete_id_number("42102219920202005")},
                         {"gender", "female"}},
                        t);
  EXPECT_EQ(male.status, 400);
  EXPECT_EQ(male.json()["error"]["field"], "gender");
  EXPECT_NE(male.json()["error"]["message"].get<std::string>().find("身份证号显示为男"),
            std::string::npos);
  std::string wang_path = "/api/v1/people/" + std::to_string(wang);
  auto birth = env.client().patch(wang_path, {{"birth_date", "1990-01-02"}}, t);
  EXPECT_EQ(birth.status, 400);
  EXPECT_NE(birth.json()["error"]["message"].get<std::string>().find("1990-01-01"),
            std::string::npos);
  EXPECT_EQ(env.client().patch(wang_path, {{"gender", nullptr}}, t).json()["error"]["code"],
            "derived");
  EXPECT_EQ(env.client().patch(wang_path, {{"gender", "female"}}, t).status, 200);
  EXPECT_EQ(env.client()
                .post("/api/v1/people",
                      {{"name", "乙"}, {"region_code", "421022"}, {"birth_date", "1899-12-31"}}, t)
                .json()["error"]["field"],
            "birth_date");
}

TEST_F(PeopleApi, AWordThatNamesAPlaceFindsThePeopleRegisteredThere) {
  auto& env = ApiEnv::get();
  std::string ga = env.token("ga_clerk");
  // 甄斗一 lives in a community of 斗湖堤镇; 甄斗二 in 埠河, but her address names 斗湖堤; 甄斗三
  // in 埠河 with no word of 斗湖堤 anywhere.
  create_person_as(ga, {{"name", "甄斗一"}, {"region_code", "421022101001"}});
  create_person_as(
      ga, {{"name", "甄斗二"}, {"region_code", "421022100001"}, {"address", "斗湖堤镇油江路8号"}});
  create_person_as(ga, {{"name", "甄斗三"}, {"region_code", "421022100001"}});
  auto list = [&](const std::string& q, const std::string& token) {
    return env.client().get("/api/v1/people?q=" + url_encode(q), token);
  };
  auto r = list("斗湖堤 甄斗", ga);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(names(r), (std::set<std::string>{"甄斗一", "甄斗二"}));
  EXPECT_EQ(r.json()["places"],
            nlohmann::json::parse(
                R"([{"code":"421022101","name":"斗湖堤镇","path":"荆州市/公安县/斗湖堤镇"}])"));
  // Written with its type word, or a village by its short name, as offices write them.
  EXPECT_EQ(names(list("斗湖堤镇 甄斗", ga)), (std::set<std::string>{"甄斗一", "甄斗二"}));
  EXPECT_EQ(names(list("杨公堤 甄斗", ga)), (std::set<std::string>{"甄斗一"}));
  EXPECT_EQ(names(list("杨公堤社区 甄斗", ga)), (std::set<std::string>{"甄斗一"}));
  // 杨公堤村 would be a village: the community is no such place, and no text says it.
  EXPECT_TRUE(names(list("杨公堤村 甄斗", ga)).empty());
  EXPECT_EQ(list("杨公堤村 甄斗", ga).json()["places"], nlohmann::json::array());
  // A name is no place: nothing changes for an ordinary search.
  EXPECT_EQ(list("甄斗", ga).json()["places"], nlohmann::json::array());
  EXPECT_EQ(names(list("甄斗", ga)), (std::set<std::string>{"甄斗一", "甄斗二", "甄斗三"}));
  // Another county's clerk: 斗湖堤 is outside 监利, so it is only text (and the people out of
  // scope either way).
  auto other = list("斗湖堤", env.token("jl_clerk"));
  EXPECT_EQ(other.json()["places"], nlohmann::json::array());
  EXPECT_TRUE(names(other).empty());
}
