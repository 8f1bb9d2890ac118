// The merchant and talent library 楚商楚才库 through the real server, on SQLite and PostgreSQL
// alike: records, masking, search, the three classifications, freshness and the contact log.
#include <fstream>
#include <set>
#include <thread>

#include "api/api_env.h"
#include "core/credit_code.h"
#include "io/sheet_reader.h"
#include "store/db.h"

using namespace guiyan::testing;

namespace {

const std::string kCode = "91350100M000100Y43";  // a valid credit code (GB 32100)

HttpResult post(const std::string& user, const std::string& path, const nlohmann::json& body) {
  return ApiEnv::get().client().post(path, body, ApiEnv::get().token(user));
}

HttpResult get(const std::string& user, const std::string& path) {
  return ApiEnv::get().client().get(path, ApiEnv::get().token(user));
}

int64_t create_merchant(const std::string& user, const nlohmann::json& body) {
  auto r = post(user, "/api/v1/merchants", body);
  if (r.status != 201) throw std::runtime_error("create failed: " + r.body);
  return r.json()["id"];
}

std::set<int64_t> ids(const HttpResult& r) {
  std::set<int64_t> out;
  auto j = r.json();  // not r.json()["items"] in the loop: that member would dangle
  for (const auto& m : j["items"]) out.insert(m["id"].get<int64_t>());
  return out;
}

// Sets a record's verification date directly, as time passing would leave it.
void age(int64_t id, const std::string& verified_on) {
  auto db = guiyan::store::open_db(ApiEnv::get().server().db_url(), 1);
  auto c = db->acquire();
  guiyan::store::exec(*c, "UPDATE merchant SET verified_on = $1 WHERE id = $2", {verified_on, id});
}

int64_t user_id(const std::string& username) {
  auto r = get(username, "/api/v1/auth/me");
  return r.json()["id"];
}

class MerchantApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    li = create_merchant("ga_clerk", {{"name", "李明"},
                                      {"categories", {"entrepreneur", "alumnus"}},
                                      {"phone", "13907161234"},
                                      {"enterprise_name", "深圳明辉电子科技有限公司"},
                                      {"credit_code", kCode},
                                      {"industry", "39"},
                                      {"enterprise_size", "medium"},
                                      {"hometown_code", "421022100001"},
                                      {"location_city", "深圳市"},
                                      {"chambers", "深圳湖北商会"},
                                      {"tags", {"ambassador"}},
                                      {"intention_strength", "strong"},
                                      {"intention_industries", {"C", "65"}},
                                      {"intention_min_wan", 5000},
                                      {"intention_max_wan", 20000},
                                      {"intention_regions", {"421022"}}});
    chen = create_merchant("ga_clerk", {{"name", "陈静"},
                                        {"categories", {"overseas"}},
                                        {"hometown_code", "421022101"},
                                        {"location_country", "新加坡"},
                                        {"industry", "F"}});
    zhou = create_merchant("jl_clerk", {{"enterprise_name", "监利周氏水产有限公司"},
                                        {"hometown_code", "421088"},
                                        {"industry", "C"}});
  }
  static inline int64_t li = 0, chen = 0, zhou = 0;
};

}  // namespace

TEST_F(MerchantApi, ARecordIsMaskedAndItsLabelsAndFreshnessShown) {
  auto r = get("ga_clerk", "/api/v1/merchants/" + std::to_string(li));
  ASSERT_EQ(r.status, 200) << r.body;
  auto j = r.json();
  EXPECT_EQ(j["phone"], "139****1234");
  EXPECT_EQ(j["masked"], true);
  EXPECT_EQ(j["credit_code"], kCode);
  EXPECT_EQ(j["categories"], nlohmann::json({"entrepreneur", "alumnus"}));
  EXPECT_EQ(j["category_labels"], nlohmann::json({"在外企业家", "知名校友"}));
  EXPECT_EQ(j["tag_labels"], nlohmann::json({"招商大使"}));
  EXPECT_EQ(j["intention_industries"], nlohmann::json({"C", "65"}));
  EXPECT_EQ(j["intention_label"], "意向强烈");
  EXPECT_EQ(j["hometown_name"], "埠河社区居民委员会");
  // The list shows the hometown as a path: a village's name alone is shared.
  nlohmann::json path, listed = get("ga_clerk", "/api/v1/merchants?limit=500").json();
  for (const auto& item : listed["items"]) {
    if (item["id"] == li) path = item["hometown_path"];
  }
  EXPECT_EQ(path, nlohmann::json({"荆州市", "公安县", "埠河镇", "埠河社区居民委员会"}));
  EXPECT_TRUE(j["verified_on"].is_string());  // a record entered by staff counts as verified
  EXPECT_EQ(j["fresh"], true);
  // A record without an intention is "unknown", not missing.
  EXPECT_EQ(
      get("ga_clerk", "/api/v1/merchants/" + std::to_string(chen)).json()["intention_strength"],
      "unknown");
}

TEST_F(MerchantApi, UnmaskingNeedsThePermissionAndIsAudited) {
  std::string path = "/api/v1/merchants/" + std::to_string(li) + "?unmask=true";
  EXPECT_EQ(get("ga_sys", path).status, 403);  // no merchant:read at all
  auto full = get("ga_clerk", path);
  ASSERT_EQ(full.status, 200) << full.body;
  EXPECT_EQ(full.json()["phone"], "13907161234");
  EXPECT_EQ(full.json()["masked"], false);
  auto log = get("ga_aud", "/api/v1/audit?action=view_unmasked&entity=merchant&entity_id=" +
                               std::to_string(li));
  ASSERT_FALSE(log.json()["items"].empty()) << log.body;
  EXPECT_EQ(log.json()["items"][0]["username"], "ga_clerk");
}

TEST_F(MerchantApi, BadInputNamesTheFieldInChinese) {
  auto bad = [](const nlohmann::json& body, const std::string& field, int status = 400) {
    auto r = post("ga_clerk", "/api/v1/merchants", body);
    EXPECT_EQ(r.status, status) << body.dump() << " → " << r.body;
    EXPECT_EQ(r.json()["error"]["field"], field) << r.body;
    return r.json()["error"]["message"].get<std::string>();
  };
  EXPECT_NE(
      bad({{"name", "甲"}, {"hometown_code", "421022"}, {"credit_code", "91350100M000100Y44"}},
          "credit_code")
          .find("校验位"),
      std::string::npos);
  EXPECT_NE(bad({{"hometown_code", "421022"}, {"phone", "13900000000"}}, "name").find("至少"),
            std::string::npos);
  bad({{"name", "甲"}}, "hometown_code");
  bad({{"name", "甲"}, {"hometown_code", "421088"}}, "hometown_code");  // another county
  bad({{"name", "甲"}, {"hometown_code", "429999"}}, "hometown_code");
  bad({{"name", "甲"},
       {"hometown_code", "421022"},
       {"intention_min_wan", 500},
       {"intention_max_wan", 100}},
      "intention_max_wan");
  bad({{"name", "甲"}, {"hometown_code", "421022"}, {"intention_regions", {"999999"}}},
      "intention_regions");
  bad({{"name", "甲"}, {"hometown_code", "421022"}, {"industry", "制造业"}}, "industry");
  bad({{"name", "甲"}, {"hometown_code", "421022"}, {"salary", 1}}, "salary");
  EXPECT_NE(
      bad({{"name", "甲"}, {"hometown_code", "421022"}, {"credit_code", kCode}}, "credit_code", 409)
          .find("深圳明辉电子科技有限公司"),  // the existing record is named: it is in scope
      std::string::npos);
  // Nothing was created by the refused requests (other tests' records may hold 甲 in a longer
  // name: only one named 甲 itself would be this test's).
  auto list = get("ga_clerk", "/api/v1/merchants?limit=200&q=" + url_encode("甲")).json();
  for (const auto& m : list["items"]) EXPECT_NE(m["name"], "甲") << m.dump();
}

TEST_F(MerchantApi, TheSameNameAndPhoneIsTheSamePersonUnlessAnotherEnterpriseCodeSaysSo) {
  const nlohmann::json zhao = {
      {"name", "赵德胜"}, {"phone", "13907169876"}, {"hometown_code", "421022"}};
  nlohmann::json with_firm = zhao;
  with_firm["enterprise_name"] = "公安德胜电子有限公司";
  with_firm["credit_code"] = guiyan::core::complete_credit_code("91421022MA4F00071");
  int64_t first = create_merchant("ga_clerk", with_firm);
  auto twice = post("ga_clerk", "/api/v1/merchants", zhao);
  EXPECT_EQ(twice.status, 409) << twice.body;
  EXPECT_EQ(twice.json()["error"]["field"], "phone");
  EXPECT_NE(
      twice.json()["error"]["message"].get<std::string>().find("编号 " + std::to_string(first)),
      std::string::npos)
      << twice.body;
  // Another county's clerk is told it exists, not which record it is.
  nlohmann::json there = zhao;
  there["hometown_code"] = "421088";
  auto elsewhere = post("jl_clerk", "/api/v1/merchants", there);
  EXPECT_EQ(elsewhere.status, 409) << elsewhere.body;
  EXPECT_NE(elsewhere.body.find("其他地区"), std::string::npos) << elsewhere.body;
  EXPECT_EQ(elsewhere.body.find(std::to_string(first)), std::string::npos) << elsewhere.body;
  // An edit that would make another record the same person is refused as well.
  int64_t other = create_merchant("ga_clerk", {{"name", "赵德胜"}, {"hometown_code", "421022"}});
  auto edit =
      ApiEnv::get().client().patch("/api/v1/merchants/" + std::to_string(other),
                                   {{"phone", "13907169876"}}, ApiEnv::get().token("ga_clerk"));
  EXPECT_EQ(edit.status, 409) << edit.body;
  // The same person's second enterprise, with a credit code of its own, is a record of its own.
  nlohmann::json second = zhao;
  second["enterprise_name"] = "荆州德胜物流有限公司";
  second["credit_code"] = guiyan::core::complete_credit_code("91421022MA4F00072");
  auto made = post("ga_clerk", "/api/v1/merchants", second);
  EXPECT_EQ(made.status, 201) << made.body;
  auto list = get("ga_clerk", "/api/v1/merchants?q=13907169876");
  EXPECT_EQ(list.json()["total"], 2) << list.body;
}

TEST_F(MerchantApi, SearchFindsNamesEnterprisesCodesPhonesAndChambers) {
  auto search = [](const std::string& user, const std::string& q) {
    return ids(get(user, "/api/v1/merchants?q=" + url_encode(q)));
  };
  EXPECT_EQ(search("ga_clerk", "李明"), std::set<int64_t>{li});
  EXPECT_EQ(search("ga_clerk", "明辉电子"), std::set<int64_t>{li});
  EXPECT_EQ(search("ga_clerk", kCode), std::set<int64_t>{li});
  EXPECT_EQ(search("ga_clerk", "1234"), std::set<int64_t>{li});  // last four of the phone
  EXPECT_EQ(search("ga_clerk", "湖北商会"), std::set<int64_t>{li});
  EXPECT_EQ(search("ga_clerk", "侨商侨领"), std::set<int64_t>{chen});  // category label
  EXPECT_EQ(search("ga_clerk", "新加坡"), std::set<int64_t>{chen});
  // Another county's records are neither found nor readable.
  EXPECT_TRUE(search("ga_clerk", "周氏水产").empty());
  EXPECT_EQ(search("jl_clerk", "周氏水产"), std::set<int64_t>{zhou});
  EXPECT_EQ(get("ga_clerk", "/api/v1/merchants/" + std::to_string(zhou)).status, 404);
  // Filters: a section includes its divisions; categories and tags are lists.
  auto filtered = [](const std::string& query) {
    return ids(get("ga_clerk", "/api/v1/merchants?region=421022&" + query));
  };
  EXPECT_TRUE(filtered("industry=C").count(li));
  EXPECT_FALSE(filtered("industry=C").count(chen));
  EXPECT_TRUE(filtered("industry=39").count(li));
  EXPECT_TRUE(filtered("category=overseas").count(chen));
  EXPECT_FALSE(filtered("category=overseas").count(li));
  EXPECT_TRUE(filtered("tag=ambassador").count(li));
  EXPECT_TRUE(filtered("strength=strong").count(li));
  EXPECT_FALSE(filtered("strength=strong").count(chen));
  EXPECT_EQ(get("ga_clerk", "/api/v1/merchants?industry=XX").status, 400);
  EXPECT_EQ(get("ga_clerk", "/api/v1/merchants?strength=maybe").status, 400);
}

TEST_F(MerchantApi, ThreeClassificationsCountTheSameRecordsAndDrillDown) {
  // Records of their own in 闸口镇 (421022103), so the counts are this test's alone.
  for (const auto& [village, industry, strength] :
       std::vector<std::tuple<std::string, std::string, std::string>>{
           {"421022103001", "36", "strong"},
           {"421022103001", "39", "possible"},
           {"421022103002", "C", "strong"},
           {"421022103201", "65", "none"},
           {"421022103201", "", "unknown"}}) {
    nlohmann::json body{
        {"name", "分类测试"}, {"hometown_code", village}, {"intention_strength", strength}};
    if (!industry.empty()) body["industry"] = industry;
    create_merchant("ga_clerk", body);
  }
  auto groups = [](const std::string& query) {
    auto r = get("ga_clerk", "/api/v1/merchants/classification?region=421022103&" + query);
    EXPECT_EQ(r.status, 200) << r.body;
    std::map<std::string, int64_t> out;
    auto j = r.json();
    for (const auto& g : j["groups"]) {
      out[g["key"].is_null() ? "" : g["key"].get<std::string>()] = g["count"];
    }
    EXPECT_EQ(r.json()["total"], 5 - (query.find("industry=C") != std::string::npos ? 2 : 0))
        << query;
    return out;
  };
  EXPECT_EQ(groups("by=industry"), (std::map<std::string, int64_t>{{"C", 3}, {"I", 1}, {"", 1}}));
  EXPECT_EQ(groups("by=industry&industry=C"),
            (std::map<std::string, int64_t>{{"36", 1}, {"39", 1}, {"C", 1}}));
  auto by_region = groups("by=region");
  EXPECT_EQ(by_region["421022103001"], 2);
  EXPECT_EQ(by_region["421022103002"], 1);
  EXPECT_EQ(by_region["421022103201"], 2);
  EXPECT_EQ(groups("by=intention"),
            (std::map<std::string, int64_t>{
                {"strong", 2}, {"possible", 1}, {"none", 1}, {"unknown", 1}}));
  // Drilling: an intention group leads to its industries.
  auto r = get("ga_clerk", "/api/v1/merchants/classification?region=421022103&by=intention");
  EXPECT_EQ(r.json()["groups"][0]["drill"],
            nlohmann::json({{"by", "industry"}, {"strength", "strong"}}));
  auto strong = get(
      "ga_clerk", "/api/v1/merchants/classification?region=421022103&by=industry&strength=strong");
  EXPECT_EQ(strong.json()["total"], 2);
  EXPECT_EQ(get("ga_clerk", "/api/v1/merchants/classification?by=colour").status, 400);
}

TEST_F(MerchantApi, FreshnessCountsRecordsVerifiedWithinTheCycle) {
  // Ten records in 杨家厂镇 (421022104): village 001 has 9 fresh of 10 → 90% meets the target;
  // village 002 has 1 fresh of 2 → 50%.
  int64_t me = user_id("ga_clerk");
  std::vector<int64_t> v1, v2;
  for (int i = 0; i < 10; ++i) {
    v1.push_back(create_merchant(
        "ga_clerk",
        {{"name", "核实测试"}, {"hometown_code", "421022104001"}, {"case_worker_id", me}}));
  }
  for (int i = 0; i < 2; ++i) {
    v2.push_back(
        create_merchant("ga_clerk", {{"name", "核实测试"}, {"hometown_code", "421022104002"}}));
  }
  age(v1[0], "2020-05-01");
  age(v2[0], "2020-05-01");
  auto r = get("ga_clerk", "/api/v1/merchants/freshness?region=421022104");
  ASSERT_EQ(r.status, 200) << r.body;
  auto j = r.json();
  EXPECT_EQ(j["cycle"]["kind"], "quarter");
  EXPECT_EQ(j["target"], 0.9);
  std::map<std::string, nlohmann::json> rows;
  for (const auto& c : j["children"]) rows[c["code"]] = c;
  EXPECT_EQ(rows["421022104001"]["total"], 10);
  EXPECT_EQ(rows["421022104001"]["verified"], 9);
  EXPECT_EQ(rows["421022104001"]["rate"], 0.9);
  EXPECT_EQ(rows["421022104001"]["meets_target"], true);
  EXPECT_EQ(rows["421022104002"]["rate"], 0.5);
  EXPECT_EQ(rows["421022104002"]["meets_target"], false);
  EXPECT_TRUE(rows["421022104201"]["rate"].is_null());  // no records: no rate
  EXPECT_EQ(j["total"]["total"], 12);
  EXPECT_EQ(j["total"]["stale"], 2);
  // Stale records per case worker, and the list of each one's stale records.
  std::map<std::string, int64_t> stale_by_worker;
  for (const auto& w : j["case_workers"]) {
    stale_by_worker[w["case_worker_id"].is_null()
                        ? "none"
                        : std::to_string(w["case_worker_id"].get<int64_t>())] = w["stale"];
  }
  EXPECT_EQ(stale_by_worker[std::to_string(me)], 1);
  EXPECT_EQ(stale_by_worker["none"], 1);
  auto mine = get("ga_clerk", "/api/v1/merchants?region=421022104&stale=true&case_worker_id=" +
                                  std::to_string(me));
  EXPECT_EQ(ids(mine), std::set<int64_t>{v1[0]});
  EXPECT_EQ(mine.json()["items"][0]["fresh"], false);
  EXPECT_EQ(ids(get("ga_clerk", "/api/v1/merchants?region=421022104&stale=1&case_worker_id=none")),
            std::set<int64_t>{v2[0]});
  // Over a whole year the old verification still does not count; over a month nothing changes.
  EXPECT_EQ(get("ga_clerk", "/api/v1/merchants/freshness?region=421022104&cycle=year")
                .json()["total"]["stale"],
            2);
  EXPECT_EQ(get("ga_clerk", "/api/v1/merchants/freshness?cycle=week").status, 400);
  // Verifying brings a record back; an earlier date than the last verification is refused.
  auto v = post("ga_clerk", "/api/v1/merchants/" + std::to_string(v1[0]) + "/verify",
                nlohmann::json::object());
  ASSERT_EQ(v.status, 200) << v.body;
  EXPECT_EQ(v.json()["fresh"], true);
  EXPECT_EQ(post("ga_clerk", "/api/v1/merchants/" + std::to_string(v1[0]) + "/verify",
                 {{"verified_on", "2021-01-01"}})
                .status,
            400);
  EXPECT_EQ(post("ga_clerk", "/api/v1/merchants/" + std::to_string(v1[0]) + "/verify",
                 {{"verified_on", "2999-01-01"}})
                .status,
            400);
  // A contact that confirms the record counts as a verification too.
  auto c = post("ga_clerk", "/api/v1/merchants/" + std::to_string(v2[0]) + "/contacts",
                {{"kind", "call"}, {"result", "电话核实企业信息无变化"}, {"verified", true}});
  ASSERT_EQ(c.status, 201) << c.body;
  auto after = get("ga_clerk", "/api/v1/merchants/freshness?region=421022104").json();
  EXPECT_EQ(after["total"]["stale"], 0);
  EXPECT_EQ(after["total"]["rate"], 1.0);
  // An account of another county sees none of it: its filter on the township is refused.
  auto jl = get("jl_clerk", "/api/v1/merchants/freshness?region=421022104");
  EXPECT_EQ(jl.status, 403) << jl.body;
}

TEST_F(MerchantApi, IntentionHistoryContactsAndTheFile) {
  int64_t id = create_merchant("ga_clerk", {{"name", "王海"},
                                            {"hometown_code", "421022105001"},
                                            {"intention_strength", "possible"},
                                            {"intention_note", "考虑回乡投资农产品加工"}});
  auto patch = ApiEnv::get().client().patch("/api/v1/merchants/" + std::to_string(id),
                                            {{"intention_strength", "strong"},
                                             {"intention_industries", {"C"}},
                                             {"intention_min_wan", 3000}},
                                            ApiEnv::get().token("ga_clerk"));
  ASSERT_EQ(patch.status, 200) << patch.body;
  // A change that leaves the intention alone adds no history.
  ApiEnv::get().client().patch("/api/v1/merchants/" + std::to_string(id), {{"position", "董事长"}},
                               ApiEnv::get().token("ga_clerk"));
  std::string contacts = "/api/v1/merchants/" + std::to_string(id) + "/contacts";
  auto missing_festival = post("ga_clerk", contacts, {{"kind", "festival"}, {"result", "慰问"}});
  EXPECT_EQ(missing_festival.status, 400);
  EXPECT_EQ(missing_festival.json()["error"]["field"], "festival");
  auto early_due = post("ga_clerk", contacts,
                        {{"kind", "visit"},
                         {"contacted_on", "2026-03-01"},
                         {"result", "拜访"},
                         {"next_due", "2026-02-01"}});
  EXPECT_EQ(early_due.status, 400);
  EXPECT_EQ(early_due.json()["error"]["field"], "next_due");
  EXPECT_EQ(
      post("ga_clerk", contacts, {{"kind", "visit"}, {"result", "拜访"}, {"extra", 1}}).status,
      400);
  auto out_of_season = post("ga_clerk", contacts,
                            {{"kind", "festival"},
                             {"festival", "中秋"},
                             {"contacted_on", "2026-03-01"},
                             {"result", "送月饼"}});
  EXPECT_EQ(out_of_season.status, 400);
  EXPECT_EQ(out_of_season.json()["error"]["field"], "contacted_on");
  ASSERT_EQ(post("ga_clerk", contacts,
                 {{"kind", "festival"},
                  {"festival", "中秋"},
                  {"contacted_on", "2026-09-25"},
                  {"result", "送月饼，了解扩产计划"},
                  {"next_step", "邀请参加招商推介会"},
                  {"next_due", "2026-10-15"}})
                .status,
            201);
  auto visit = post("ga_clerk", contacts,
                    {{"kind", "visit"},
                     {"contacted_on", "2026-10-20"},
                     {"result", "叩门拜访"},
                     {"staff_names", "张局长"}});
  ASSERT_EQ(visit.status, 201) << visit.body;
  EXPECT_EQ(visit.json()["kind_label"], "叩门拜访");  // the same shape as in the file
  EXPECT_EQ(visit.json()["staff_names"], "张局长");
  EXPECT_FALSE(visit.json()["staff"].get<std::string>().empty());
  EXPECT_EQ(post("jl_clerk", contacts, {{"kind", "visit"}, {"result", "越权"}}).status, 404);
  auto file = get("ga_clerk", "/api/v1/merchants/" + std::to_string(id) + "/file");
  ASSERT_EQ(file.status, 200) << file.body;
  auto f = file.json();
  ASSERT_EQ(f["intentions"].size(), 2u);
  EXPECT_EQ(f["intentions"][0]["strength"], "strong");
  EXPECT_EQ(f["intentions"][0]["industries"], nlohmann::json({"C"}));
  EXPECT_EQ(f["intentions"][0]["min_wan"], 3000);
  EXPECT_EQ(f["intentions"][1]["strength"], "possible");
  ASSERT_EQ(f["contacts"].size(), 2u);
  EXPECT_EQ(f["contacts"][0]["kind_label"], "叩门拜访");  // newest first
  EXPECT_EQ(f["contacts"][1]["festival_label"], "中秋");
  EXPECT_EQ(f["contacts"][1]["next_due"], "2026-10-15");
  EXPECT_EQ(f["merchant"]["position"], "董事长");
  std::set<std::string> actions;
  for (const auto& a : f["audit"]) actions.insert(a["action"]);
  EXPECT_TRUE(actions.count("create") && actions.count("update")) << f["audit"].dump();
  int contact_entries = 0;
  for (const auto& a : f["audit"]) contact_entries += a["entity"] == "merchant_contact";
  EXPECT_EQ(contact_entries, 2);
}

namespace {

nlohmann::json wait_done(const std::string& token, int64_t id) {
  for (int i = 0; i < 300; ++i) {
    auto j = ApiEnv::get().client().get("/api/v1/imports/" + std::to_string(id), token).json();
    if (j["status"] == "done" || j["status"] == "failed") return j;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  throw std::runtime_error("import did not finish");
}

nlohmann::json upload(const std::string& token, const std::string& query, const std::string& csv) {
  auto r = ApiEnv::get().client().request(
      "POST", "/api/v1/imports?kind=merchants&filename=mingLu.csv&" + query, csv,
      {"Authorization: Bearer " + token, "Content-Type: application/octet-stream"});
  if (r.status != 202) throw std::runtime_error("upload failed: " + r.body);
  return wait_done(token, r.json()["id"]);
}

}  // namespace

TEST_F(MerchantApi, TheListImportsRowByRowMatchesKnownRecordsAndExports) {
  std::string t = ApiEnv::get().token("ga_clerk");
  std::string code = guiyan::core::complete_credit_code("91440300MA5G00042");
  // Headers as offices write them; names for places and industries; one row per problem.
  std::string csv =
      "序号,姓名,企业名称,统一社会信用代码,联系电话,所属行业,籍贯,所在城市,返乡投资意向,"
      "意向投资金额（万元）,核实日期\n"
      "1,赵刚,深圳藕池科技有限公司," +
      code +
      ",13600001111/13600002222,计算机、通信和其他电子设备制造业,"
      "荆州市/公安县/藕池镇,深圳市,强烈,1000-5000万,2026-01-15\n"
      "2,李明,," +
      kCode +
      ",,,公安县,广州市,较强,1亿以上,2026年1月\n"            // 李明's record, found by its code
      "3,钱多多,钱氏实业,91350100M000100Y44,,,公安县,,,,\n"  // a wrong check character
      "4,孙海,孙氏水产,,,汽车,公安县,,,,\n"                  // not an industry: left out
      "5,周全,周氏贸易,,,F,监利市,,,,\n"                     // another county: out of scope
      "6,吴用,吴氏农业,,,农业,藕池镇,,,9000-100,\n";         // upside down: left out
  auto dry = upload(t, "dry_run=true", csv);
  ASSERT_EQ(dry["status"], "done") << dry.dump();
  EXPECT_EQ(dry["rows_read"], 6);
  EXPECT_EQ(dry["accepted"], 4);
  EXPECT_EQ(dry["new"], 3);
  EXPECT_EQ(dry["updated"], 1);
  std::map<int, std::string> reasons;
  for (const auto& i : dry["issues"])
    reasons[i["row"].get<int>()] += i["reason"].get<std::string>();
  EXPECT_NE(reasons[4].find("校验位"), std::string::npos) << dry.dump();
  EXPECT_NE(reasons[5].find("行业“汽车”不是国民经济行业分类（GB/T 4754）的门类或大类；此项未导入"),
            std::string::npos)
      << dry.dump();
  EXPECT_NE(reasons[6].find("数据范围"), std::string::npos);
  EXPECT_NE(reasons[7].find("万元"), std::string::npos);
  EXPECT_NE(reasons[7].find("此项未导入"), std::string::npos);
  EXPECT_NE(reasons[3].find("只有年月，核实日期按1月1日记录"), std::string::npos) << dry.dump();
  // Two phones in one cell: the first is kept, the second named for the notes.
  EXPECT_NE(reasons[2].find("只保存第一个号码，13600002222请写在备注中"), std::string::npos)
      << dry.dump();
  EXPECT_TRUE(ids(get("ga_clerk", "/api/v1/merchants?q=" + url_encode("藕池科技"))).empty());
  // For real: the new record, and 李明's record updated without losing what the sheet left empty.
  auto real = upload(t, "dry_run=false", csv);
  EXPECT_EQ(real["new"], 3) << real.dump();
  // The console's merchant import page lists the account's merchant imports only.
  auto c = ApiEnv::get().client();
  auto mine = c.get("/api/v1/imports?kind=merchants", t).json()["items"];
  std::set<int64_t> listed;
  for (const auto& job : mine) {
    EXPECT_EQ(job["kind"], "merchants");
    listed.insert(job["id"].get<int64_t>());
  }
  EXPECT_TRUE(listed.count(dry["id"].get<int64_t>()) && listed.count(real["id"].get<int64_t>()));
  auto people = c.get("/api/v1/imports?kind=people", t).json();
  for (const auto& job : people["items"]) EXPECT_EQ(job["kind"], "people");
  auto unknown = c.get("/api/v1/imports?kind=loans", t);
  EXPECT_EQ(unknown.status, 400);
  EXPECT_EQ(unknown.json()["error"]["field"], "kind");
  EXPECT_EQ(real["updated"], 1);
  auto found = get("ga_clerk", "/api/v1/merchants?q=" + url_encode("藕池科技")).json();
  ASSERT_EQ(found["total"], 1) << found.dump();
  auto zhao = found["items"][0];
  EXPECT_EQ(zhao["industry"], "39");
  EXPECT_EQ(zhao["hometown_code"], "421022106");
  EXPECT_EQ(zhao["intention_min_wan"], 1000);
  EXPECT_EQ(zhao["intention_max_wan"], 5000);
  EXPECT_EQ(zhao["verified_on"], "2026-01-15");  // the sheet's date of verification
  auto li_now = get("ga_clerk", "/api/v1/merchants/" + std::to_string(li)).json();
  EXPECT_EQ(li_now["location_city"], "广州市");
  EXPECT_EQ(li_now["chambers"], "深圳湖北商会");
  EXPECT_EQ(li_now["intention_strength"], "strong");
  EXPECT_EQ(li_now["intention_min_wan"], 10000);  // "1亿以上": from 1亿, no upper bound
  EXPECT_TRUE(li_now["intention_max_wan"].is_null()) << li_now.dump();
  // The same file again creates nothing.
  auto again = upload(t, "dry_run=false", csv);
  EXPECT_EQ(again["new"], 0) << again.dump();
  EXPECT_EQ(again["unchanged"], 4);
  auto wu = get("ga_clerk", "/api/v1/merchants?q=" + url_encode("吴氏农业")).json();
  ASSERT_EQ(wu["total"], 1) << wu.dump();
  EXPECT_EQ(wu["items"][0]["industry"], "01");
  EXPECT_TRUE(wu["items"][0]["intention_min_wan"].is_null()) << wu.dump();
  // The 名录 of the township as .xlsx: masked phones, labels, audited.
  auto file = get("ga_clerk", "/api/v1/merchants/export?region=421022106&format=xlsx&q=" +
                                  url_encode("藕池科技"));
  ASSERT_EQ(file.status, 200) << file.body;
  std::string path = ApiEnv::get().server().dir() + "/minglu.xlsx";
  std::ofstream(path, std::ios::binary) << file.body;
  std::vector<std::vector<std::string>> rows;
  guiyan::io::read_sheet(path, [&](const guiyan::io::SheetRow& r) {
    rows.push_back(r.cells);
    return true;
  });
  ASSERT_EQ(rows.size(), 2u);
  auto col = [&](const std::string& header) {
    auto it = std::find(rows[0].begin(), rows[0].end(), header);
    EXPECT_NE(it, rows[0].end()) << header;
    return rows[1][static_cast<size_t>(it - rows[0].begin())];
  };
  EXPECT_EQ(col("企业名称"), "深圳藕池科技有限公司");
  EXPECT_EQ(col("联系电话"), "136****1111");
  EXPECT_EQ(col("投资意向"), "意向强烈");
  EXPECT_EQ(col("行业名称"), "计算机、通信和其他电子设备制造业");
  EXPECT_EQ(col("籍贯地"), "荆州市/公安县/藕池镇");  // a path, which reads back alone
  EXPECT_EQ(get("ga_clerk", "/api/v1/merchants/export?format=pdf").status, 400);
  auto log = get("ga_aud", "/api/v1/audit?action=export&entity=merchant");
  ASSERT_FALSE(log.json()["items"].empty()) << log.body;
  EXPECT_EQ(log.json()["items"][0]["after"]["rows"], 1);
}

TEST(MerchantCli, ImportPrintsTheSummaryAndExitsByVerdict) {
  ServerProcess s;
  std::string dir = s.dir();
  std::ofstream(dir + "/good.csv") << "企业名称,籍贯\n荆楚建设有限公司,荆州市/公安县\n";
  std::ofstream(dir + "/bad.csv") << "企业名称,籍贯\n荆楚建设有限公司,火星\n";
  std::string out;
  EXPECT_EQ(s.cli({"import", "merchants", dir + "/good.csv"}, "", &out), 0);
  EXPECT_NE(out.find("\"new\":1"), std::string::npos) << out;
  EXPECT_EQ(s.cli({"import", "merchants", dir + "/good.csv"}, "", &out), 0);
  EXPECT_NE(out.find("\"unchanged\":1"), std::string::npos) << out;
  EXPECT_EQ(s.cli({"import", "merchants", dir + "/bad.csv", "--dry-run"}, "", &out), 1);
  EXPECT_NE(out.find("\"rejected\":1"), std::string::npos) << out;
}

// A list giving its sums in 元 (意向投资金额（元）, 意向投资上限（元）) is read in 元 and kept in
// 万元, as a sum written with its own unit is; a figure with a unit of its own keeps it.
TEST_F(MerchantApi, SumsInAColumnOfYuanAreKeptInWan) {
  std::string t = ApiEnv::get().token("ga_clerk");
  auto range = upload(t, "dry_run=false",
                      "姓名,企业名称,籍贯,意向投资金额（元）\n"
                      "元列甲,元列甲贸易有限公司,公安县,5000000-10000000\n"
                      "元列乙,元列乙贸易有限公司,公安县,1亿以上\n");
  ASSERT_EQ(range["status"], "done") << range.dump();
  EXPECT_EQ(range["new"], 2) << range.dump();
  auto bounds = upload(t, "dry_run=false",
                       "姓名,企业名称,籍贯,意向投资下限（元）,意向投资上限(元)\n"
                       "元列丙,元列丙贸易有限公司,公安县,3000000,20000000\n");
  EXPECT_EQ(bounds["new"], 1) << bounds.dump();
  EXPECT_TRUE(bounds["issues"].empty()) << bounds.dump();  // both columns read
  auto wan = [&](const std::string& name) {
    auto found = get("ga_clerk", "/api/v1/merchants?q=" + url_encode(name)).json();
    EXPECT_EQ(found["total"], 1) << found.dump();
    auto m = found["items"][0];
    return std::pair{m["intention_min_wan"], m["intention_max_wan"]};
  };
  EXPECT_EQ(wan("元列甲贸易"), std::pair(nlohmann::json(500), nlohmann::json(1000)));
  EXPECT_EQ(wan("元列乙贸易"), std::pair(nlohmann::json(10000), nlohmann::json()));
  EXPECT_EQ(wan("元列丙贸易"), std::pair(nlohmann::json(300), nlohmann::json(2000)));
}

// A list's cell that describes the record and cannot be read (a category outside the list, an
// industry that is none of GB/T 4754, an amount that is no figure) is left out and the record
// kept, the report saying so; a wrong phone, which identifies the merchant, still refuses the row.
TEST(MerchantCli, AnUnreadableDescribingCellIsLeftOutAndTheRecordKept) {
  ServerProcess s;
  std::string dir = s.dir();
  std::ofstream(dir + "/loose.csv")
      << "姓名,企业名称,联系电话,籍贯,人员类别,所属行业,意向投资金额\n"
         "周楚,荆楚建设有限公司,13800005001,荆州市/公安县,商界名流,互联网+,面谈后定\n"
         "吴楚,荆楚物流有限公司,1380000500,荆州市/公安县,企业家,,\n"
         "郑楚,荆楚贸易有限公司,13800005003,火星,企业家,汽车,\n";
  std::vector<std::string> args = {"import", "merchants", dir + "/loose.csv", "--report",
                                   dir + "/r.xlsx"};
  std::string out;
  EXPECT_EQ(s.cli(args, "", &out), 1) << out;
  EXPECT_NE(out.find("\"new\":1"), std::string::npos) << out;
  EXPECT_NE(out.find("\"rejected\":2"), std::string::npos) << out;
  std::string reasons = report_lines(dir + "/r.xlsx");
  for (const char* line :
       {"2 人员类别: 人员类别“商界名流”不在可选范围内",
        "2 所属行业: 行业“互联网+”不是国民经济行业分类（GB/T 4754）的门类或大类；此项未导入",
        "2 意向投资金额: 意向投资金额应为万元数或范围，如 5000、1000-5000 或 1亿以上；此项未导入",
        "3 联系电话: 手机号应为11位",
        // A refused row names what would have been left out too, so both are mended at once.
        "4 所属行业: 行业“汽车”不是国民经济行业分类（GB/T 4754）的门类或大类\n",
        "4 籍贯: 籍贯地"}) {
    EXPECT_NE(reasons.find(line), std::string::npos) << line << "\n" << reasons;
  }
  EXPECT_EQ(reasons.find("3 联系电话: 手机号应为11位，当前为10位；此项未导入"), std::string::npos);
  EXPECT_EQ(s.cli(args, "", &out), 1) << out;
  EXPECT_NE(out.find("\"unchanged\":1"), std::string::npos) << out;
}

TEST_F(MerchantApi, AWordThatNamesAPlaceFindsTheMerchantsFromThere) {
  // 甄商一 comes from a community of 藕池镇; 甄商二 from 埠河镇, but the enterprise's name says
  // 藕池; 甄商三 from 埠河镇 with no word of 藕池 anywhere.
  create_merchant("ga_clerk", {{"name", "甄商一"}, {"hometown_code", "421022106001"}});
  create_merchant("ga_clerk", {{"name", "甄商二"},
                               {"enterprise_name", "深圳藕池食品有限公司"},
                               {"hometown_code", "421022100001"}});
  create_merchant("ga_clerk", {{"name", "甄商三"}, {"hometown_code", "421022100001"}});
  auto names = [](const HttpResult& r) {
    std::set<std::string> out;
    auto j = r.json();
    for (const auto& m : j["items"]) out.insert(m["name"].get<std::string>());
    return out;
  };
  auto list = [&](const std::string& user, const std::string& q) {
    return get(user, "/api/v1/merchants?q=" + url_encode(q));
  };
  auto r = list("ga_clerk", "藕池 甄商");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(names(r), (std::set<std::string>{"甄商一", "甄商二"}));
  EXPECT_EQ(r.json()["total"], 2);
  EXPECT_EQ(r.json()["places"],
            nlohmann::json::parse(
                R"([{"code":"421022106","name":"藕池镇","path":"荆州市/公安县/藕池镇"}])"));
  // Written whole, the place still finds 甄商一; 甄商二's text says 藕池 only.
  EXPECT_EQ(names(list("ga_clerk", "藕池镇 甄商")), (std::set<std::string>{"甄商一"}));
  EXPECT_EQ(names(list("ga_clerk", "埠河 甄商")), (std::set<std::string>{"甄商二", "甄商三"}));
  // A name is no place: an ordinary search is unchanged.
  EXPECT_EQ(list("ga_clerk", "甄商").json()["places"], nlohmann::json::array());
  EXPECT_EQ(names(list("ga_clerk", "甄商")), (std::set<std::string>{"甄商一", "甄商二", "甄商三"}));
  // The place is a filter's region too: bounded to 埠河镇, 藕池 is only text there.
  auto bounded = get("ga_clerk", "/api/v1/merchants?region=421022100&q=" + url_encode("藕池"));
  EXPECT_EQ(names(bounded), (std::set<std::string>{"甄商二"}));
  EXPECT_EQ(bounded.json()["places"], nlohmann::json::array());
}

TEST_F(MerchantApi, RecordsAtTheRegionItselfCountInEveryTotal) {
  // 黄山头镇 (421022107): one record at the township itself, one in a village.
  create_merchant("ga_clerk",
                  {{"name", "本级甲"}, {"hometown_code", "421022107"}, {"industry", "39"}});
  create_merchant("ga_clerk",
                  {{"name", "本级乙"}, {"hometown_code", "421022107001"}, {"industry", "39"}});
  auto region =
      get("ga_clerk", "/api/v1/merchants/classification?by=region&region=421022107").json();
  EXPECT_EQ(region["total"], 2) << region.dump();
  std::map<std::string, nlohmann::json> groups;
  for (const auto& g : region["groups"]) groups[g["key"].get<std::string>()] = g;
  EXPECT_EQ(groups["421022107"]["label"], "黄山头镇（本级）");
  EXPECT_EQ(groups["421022107"]["count"], 1);
  EXPECT_TRUE(groups["421022107"]["drill"].is_null());
  EXPECT_EQ(groups["421022107001"]["count"], 1);
  auto fresh = get("ga_clerk", "/api/v1/merchants/freshness?region=421022107").json();
  EXPECT_EQ(fresh["total"]["total"], 2);
  int64_t sum = 0;
  for (const auto& c : fresh["children"]) sum += c["total"].get<int64_t>();
  EXPECT_EQ(sum, 2);
  auto list = get("ga_clerk", "/api/v1/merchants?region=421022107").json();
  sum = 0;
  for (const auto& c : list["by_region"]) sum += c["count"].get<int64_t>();
  EXPECT_EQ(sum, list["total"].get<int64_t>());
  // The row's own records are listed with region_exact.
  auto own = get("ga_clerk", "/api/v1/merchants?region=421022107&region_exact=true").json();
  EXPECT_EQ(own["total"], 1) << own.dump();
  EXPECT_EQ(own["items"][0]["name"], "本级甲");
  // A region without records at itself shows no such row.
  auto other =
      get("ga_clerk", "/api/v1/merchants/classification?by=region&region=421022104").json();
  for (const auto& g : other["groups"]) EXPECT_NE(g["key"], "421022104");
  // A division filter is one group, at the bottom of the drill.
  auto division =
      get("ga_clerk", "/api/v1/merchants/classification?by=industry&region=421022107&industry=39")
          .json();
  ASSERT_EQ(division["groups"].size(), 1u) << division.dump();
  EXPECT_EQ(division["groups"][0]["key"], "39");
  EXPECT_EQ(division["groups"][0]["count"], 2);
  EXPECT_TRUE(division["groups"][0]["drill"].is_null());
}

TEST_F(MerchantApi, ChambersStationsAndAmbassadors) {
  auto chamber = post("ga_clerk", "/api/v1/chambers",
                      {{"name", "深圳市湖北公安商会"},
                       {"kind", "异地湖北商会"},
                       {"city", "深圳市"},
                       {"region_code", "421022"},
                       {"contact_phone", "13912345678"}});
  ASSERT_EQ(chamber.status, 201) << chamber.body;
  EXPECT_EQ(chamber.json()["kind"], "hometown_chamber");
  EXPECT_EQ(chamber.json()["kind_label"], "异地湖北商会");
  int64_t chamber_id = chamber.json()["id"];
  auto no_kind =
      post("ga_clerk", "/api/v1/chambers", {{"name", "无类型"}, {"region_code", "421022"}}).json();
  EXPECT_EQ(no_kind["error"]["field"], "kind");
  EXPECT_NE(no_kind["error"]["message"].get<std::string>().find("类型"), std::string::npos);
  EXPECT_EQ(post("jl_clerk", "/api/v1/chambers",
                 {{"name", "越权"}, {"kind", "overseas"}, {"region_code", "421022"}})
                .json()["error"]["field"],
            "region_code");
  // A liaison station hosted by the chamber, with a merchant linked to it.
  auto station = post("ga_clerk", "/api/v1/stations",
                      {{"kind", "liaison"},
                       {"name", "公安县驻深圳楚商联络站"},
                       {"city", "深圳市"},
                       {"region_code", "421022"},
                       {"host_chamber_id", chamber_id},
                       {"established_on", "2026-03-18"}});
  ASSERT_EQ(station.status, 201) << station.body;
  int64_t sid = station.json()["id"];
  EXPECT_EQ(station.json()["host_chamber_name"], "深圳市湖北公安商会");
  std::string links = "/api/v1/stations/" + std::to_string(sid) + "/merchants";
  auto linked = post("ga_clerk", links, {{"merchant_id", li}});
  ASSERT_EQ(linked.status, 200) << linked.body;
  EXPECT_EQ(linked.json()["merchant_count"], 1);
  EXPECT_EQ(linked.json()["merchants"][0]["name"], "李明");
  EXPECT_EQ(post("ga_clerk", links, {{"merchant_id", li}}).json()["merchant_count"], 1);
  EXPECT_EQ(get("ga_clerk", "/api/v1/stations?merchant_id=" + std::to_string(li)).json()["total"],
            1);
  EXPECT_EQ(get("ga_clerk", "/api/v1/stations?merchant_id=" + std::to_string(chen)).json()["total"],
            0);
  // Another county's merchant (or none at all): not an empty list, which would still answer for
  // a record the clerk cannot see, but the record's own 404.
  EXPECT_EQ(get("ga_clerk", "/api/v1/stations?merchant_id=" + std::to_string(zhou)).status, 404);
  EXPECT_EQ(get("ga_clerk", "/api/v1/stations?merchant_id=999999").status, 404);
  EXPECT_EQ(get("ga_clerk", "/api/v1/stations?merchant_id=abc").status, 400);
  auto li_file = get("ga_clerk", "/api/v1/merchants/" + std::to_string(li) + "/file").json();
  // 籍贯 as a path from the city down to the hometown (which the tests before may have edited).
  auto hometown = li_file["merchant"]["hometown_path"];
  ASSERT_GE(hometown.size(), 2u) << li_file["merchant"].dump();
  EXPECT_EQ(hometown.front(), "荆州市");
  EXPECT_EQ(hometown.back(), li_file["merchant"]["hometown_name"]);
  bool linked_in_trail = false;
  for (const auto& a : li_file["audit"]) linked_in_trail |= a["action"] == "link_station";
  EXPECT_TRUE(linked_in_trail) << li_file["audit"].dump();
  EXPECT_EQ(post("ga_clerk", links, {{"merchant_id", zhou}}).status, 400);  // another county's
  EXPECT_EQ(post("jl_clerk", links, {{"merchant_id", zhou}}).status,
            404);  // another county's station
  auto unlinked =
      ApiEnv::get().client().request("DELETE", links + "/" + std::to_string(li), "",
                                     {"Authorization: Bearer " + ApiEnv::get().token("ga_clerk")});
  EXPECT_EQ(unlinked.json()["merchant_count"], 0) << unlinked.body;
  {
    // The merchant's trail is filed under the merchant's own region (a township here), not the
    // station's county: the auditors who see the merchant see the entries.
    ASSERT_EQ(post("ga_clerk", links, {{"merchant_id", chen}}).status, 200);
    ASSERT_EQ(ApiEnv::get()
                  .client()
                  .request("DELETE", links + "/" + std::to_string(chen), "",
                           {"Authorization: Bearer " + ApiEnv::get().token("ga_clerk")})
                  .status,
              200);
    auto db = guiyan::store::open_db(ApiEnv::get().server().db_url(), 1);
    std::vector<std::string> regions;
    db->acquire()->run(
        "SELECT region_code FROM audit_log WHERE action IN ('link_station', 'unlink_station') "
        "AND entity_id = $1 ORDER BY id",
        {std::to_string(chen)}, [&](const guiyan::store::Row& r) { regions.push_back(r.text(0)); });
    EXPECT_EQ(regions, (std::vector<std::string>{"421022101", "421022101"}));
  }
  EXPECT_EQ(get("ga_clerk", "/api/v1/stations?kind=outstation").json()["total"], 0);
  EXPECT_EQ(get("ga_clerk", "/api/v1/stations?kind=联络站").json()["total"], 1);
  EXPECT_EQ(post("ga_clerk", "/api/v1/stations",
                 {{"kind", "outstation"},
                  {"name", "x"},
                  {"city", "x"},
                  {"region_code", "421022"},
                  {"host_chamber_id", 999999}})
                .json()["error"]["field"],
            "host_chamber_id");
  // An ambassador appointed by the county: a future term end is fine, one before the
  // appointment is not; the record gets the ambassador tag.
  EXPECT_EQ(post("ga_clerk", "/api/v1/ambassadors",
                 {{"merchant_id", chen},
                  {"region_code", "421022"},
                  {"appointed_on", "2026-05-01"},
                  {"term_end", "2026-04-01"},
                  {"status", "active"}})
                .json()["error"]["field"],
            "term_end");
  auto amb = post("ga_clerk", "/api/v1/ambassadors",
                  {{"merchant_id", chen},
                   {"region_code", "421022"},
                   {"appointed_on", "2026-05-01"},
                   {"term_end", "2029-04-30"},
                   {"status", "active"}});
  ASSERT_EQ(amb.status, 201) << amb.body;
  EXPECT_EQ(amb.json()["merchant_name"], "陈静");
  EXPECT_EQ(amb.json()["level_label"], "县级");
  EXPECT_EQ(get("ga_clerk", "/api/v1/merchants/" + std::to_string(chen)).json()["tags"],
            nlohmann::json({"ambassador"}));
  auto ended = ApiEnv::get().client().patch(
      "/api/v1/ambassadors/" + std::to_string(amb.json()["id"].get<int64_t>()),
      {{"status", "ended"}}, ApiEnv::get().token("ga_clerk"));
  EXPECT_EQ(ended.json()["status_label"], "已届满") << ended.body;
  // The tag goes with the last active appointment; the search finds ambassadors by name.
  EXPECT_EQ(get("ga_clerk", "/api/v1/merchants/" + std::to_string(chen)).json()["tags"],
            nlohmann::json::array());
  EXPECT_EQ(get("ga_clerk", "/api/v1/ambassadors?q=" + url_encode("陈静")).json()["total"], 1);
  EXPECT_EQ(get("ga_clerk", "/api/v1/ambassadors?q=" + url_encode("无此人")).json()["total"], 0);
  auto vocab = get("ga_clerk", "/api/v1/merchants/vocabulary").json();
  EXPECT_EQ(vocab["station_kinds"][1]["label"], "驻外推介服务站");
  EXPECT_EQ(post("ga_clerk", "/api/v1/ambassadors",
                 {{"merchant_id", zhou},
                  {"region_code", "421022"},
                  {"appointed_on", "2026-05-01"},
                  {"status", "active"}})
                .json()["error"]["field"],
            "merchant_id");
  EXPECT_EQ(get("jl_clerk", "/api/v1/ambassadors").json()["total"], 0);
  auto log = get("ga_aud", "/api/v1/audit?entity=station&action=link");
  EXPECT_FALSE(log.json()["items"].empty()) << log.body;
  // A merchant tagged ambassador already keeps its tags as they were: appointing it changes
  // nothing on the record (no reordering, no update in its trail).
  int64_t tagged = create_merchant(
      "ga_clerk",
      {{"name", "已是大使"}, {"hometown_code", "421022"}, {"tags", {"ambassador", "alumnus"}}});
  ASSERT_EQ(post("ga_clerk", "/api/v1/ambassadors",
                 {{"merchant_id", tagged},
                  {"region_code", "421022"},
                  {"appointed_on", "2026-05-01"},
                  {"status", "active"}})
                .status,
            201);
  auto tagged_file =
      get("ga_clerk", "/api/v1/merchants/" + std::to_string(tagged) + "/file").json();
  EXPECT_EQ(tagged_file["merchant"]["tags"], (nlohmann::json{"ambassador", "alumnus"}));
  int updates = 0;
  for (const auto& a : tagged_file["audit"]) updates += a["action"] == "update";
  EXPECT_EQ(updates, 0) << tagged_file["audit"].dump();
}

TEST(MerchantCli, ANoteBesideAPhoneGoesToTheNotes) {
  ServerProcess s;
  std::string dir = s.dir();
  s.add_user("note_clerk", "clerk", "421022", "公安县人社局", kPassword);
  std::ofstream(dir + "/noted.csv") << "姓名,联系电话,籍贯,备注\n"
                                       "钱楚,13800005101（秘书）,荆州市/公安县,每年春节回乡\n"
                                       "孙楚,13800005102(微信同号),荆州市/公安县,\n";
  std::string out;
  EXPECT_EQ(s.cli({"import", "merchants", dir + "/noted.csv"}, "", &out), 0) << out;
  EXPECT_NE(out.find("\"new\":2"), std::string::npos) << out;
  s.start();
  HttpClient c(s.port());
  std::string token = token_of(c, "note_clerk");
  auto notes_of = [&](const std::string& phone) {
    auto list = c.get("/api/v1/merchants?q=" + phone, token).json();
    return list["total"] == 1 ? list["items"][0]["notes"] : nlohmann::json("not found");
  };
  EXPECT_EQ(notes_of("13800005101"), "每年春节回乡；联系电话：秘书");
  EXPECT_TRUE(notes_of("13800005102").is_null());
}
