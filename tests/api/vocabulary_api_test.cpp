// The editable vocabularies 技能字典 and 劳务品牌: adding, renaming, synonyms and retiring terms
// through the API, and a new term working end to end (sheet import, search, filter, export) —
// also when the edit is made through another server on the same database. Each test has its own
// server and database: the vocabularies are shared by everything a server does.
#include <thread>

#include "api/api_env.h"
#include "core/id_number.h"

using namespace guiyan::testing;

namespace {

// A server with a sysadmin (holds vocabulary:write), a clerk and an auditor of 荆州市.
struct Installation {
  ServerProcess server;
  Installation() {
    server.add_user("v_sys", "sysadmin", "421000", "荆州市人社局", kPassword);
    server.add_user("v_clerk", "clerk", "421000", "荆州市人社局", kPassword);
    server.add_user("v_aud", "auditor", "421000", "荆州市人社局", kPassword);
    server.start();
  }
};

nlohmann::json import_csv(HttpClient& c, const std::string& token, const std::string& csv) {
  auto queued =
      c.request("POST", "/api/v1/imports?kind=people&filename=v.csv&source=survey&dry_run=false",
                csv, {"Authorization: Bearer " + token, "Content-Type: application/octet-stream"});
  if (queued.status != 202) throw std::runtime_error("import: " + queued.body);
  std::string job = "/api/v1/imports/" + std::to_string(queued.json()["id"].get<int64_t>());
  for (int i = 0; i < 400; ++i) {
    auto j = c.get(job, token).json();
    if (j["status"] == "done" || j["status"] == "failed") return j;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  throw std::runtime_error("import did not finish");
}

std::string id_number(int seq) {
  char stem[32];
  std::snprintf(stem, sizeof stem, "42102219880512%03d", seq);
  return guiyan::core::complete_id_number(stem);
}

nlohmann::json term_of(HttpClient& c, const std::string& token, const std::string& list,
                       const std::string& key) {
  auto vocabulary = c.get("/api/v1/people/vocabulary", token).json();
  for (const auto& t : vocabulary[list]) {
    if (t["key"] == key) return t;
  }
  return nullptr;
}

}  // namespace

TEST(VocabularyApi, EverySignedInAccountReadsBothVocabularies) {
  Installation inst;
  HttpClient c(inst.server.port());
  std::string aud = token_of(c, "v_aud");  // no person permission at all
  auto skills = c.get("/api/v1/vocabularies/skills", aud);
  ASSERT_EQ(skills.status, 200) << skills.body;
  EXPECT_EQ(skills.json()["title"], "技能字典");
  ASSERT_EQ(skills.json()["items"].size(), 14u);
  auto welder = skills.json()["items"][1];
  EXPECT_EQ(welder["key"], "welder");
  EXPECT_EQ(welder["label"], "焊工");
  EXPECT_EQ(welder["synonyms"], nlohmann::json({"电焊", "电焊工"}));
  EXPECT_EQ(welder["retired"], false);
  EXPECT_TRUE(welder["updated_at"].is_null());
  auto brands = c.get("/api/v1/vocabularies/labour_brands", aud).json();
  EXPECT_EQ(brands["title"], "劳务品牌");
  EXPECT_EQ(brands["items"][0]["label"], "洪湖莲藕师");
  EXPECT_EQ(c.get("/api/v1/vocabularies/statuses", aud).status, 404);
  EXPECT_EQ(c.get("/api/v1/vocabularies/skills").status, 401);
}

TEST(VocabularyApi, AddRenameSynonymsRetireWithChecksPermissionsAndAudit) {
  Installation inst;
  HttpClient c(inst.server.port());
  std::string sys = token_of(c, "v_sys"), clerk = token_of(c, "v_clerk");

  auto added =
      c.post("/api/v1/vocabularies/skills",
             {{"label", " 水电工 "}, {"synonyms", {"管道工", "水暖工", "管道工", "水电工"}}}, sys);
  ASSERT_EQ(added.status, 201) << added.body;
  EXPECT_EQ(added.json()["key"], "skill_15");
  EXPECT_EQ(added.json()["label"], "水电工");
  EXPECT_EQ(added.json()["synonyms"], nlohmann::json({"管道工", "水暖工"}));
  EXPECT_FALSE(added.json()["updated_at"].is_null());
  EXPECT_EQ(term_of(c, clerk, "skills", "skill_15")["label"], "水电工");

  // A word may name one active term only; the message names the other term.
  auto clash =
      c.post("/api/v1/vocabularies/skills", {{"label", "电焊工人"}, {"synonyms", {"电焊"}}}, sys);
  EXPECT_EQ(clash.status, 409) << clash.body;
  EXPECT_EQ(clash.json()["error"]["code"], "word_conflict");
  EXPECT_EQ(clash.json()["error"]["field"], "synonyms");
  EXPECT_EQ(clash.json()["error"]["message"],
            "“电焊”已是词条“焊工”的名称或同义词，同一个词只能对应一个词条");
  auto label_clash = c.patch("/api/v1/vocabularies/skills/skill_15", {{"label", "电工"}}, sys);
  EXPECT_EQ(label_clash.status, 409);
  EXPECT_EQ(label_clash.json()["error"]["field"], "label");
  auto taken = c.post("/api/v1/vocabularies/skills", {{"label", "挖掘机"}, {"key", "welder"}}, sys);
  EXPECT_EQ(taken.status, 409);
  EXPECT_EQ(taken.json()["error"]["field"], "key");
  auto separator = c.post("/api/v1/vocabularies/skills", {{"label", "电工、焊工"}}, sys);
  EXPECT_EQ(separator.status, 400);
  EXPECT_EQ(separator.json()["error"]["field"], "label");
  EXPECT_EQ(c.post("/api/v1/vocabularies/skills", {{"synonyms", {"x"}}}, sys).status, 400);
  EXPECT_EQ(c.post("/api/v1/vocabularies/skills", {{"label", "x"}, {"retired", true}}, sys).status,
            400);  // unknown field when adding
  EXPECT_EQ(c.patch("/api/v1/vocabularies/skills/nope", {{"label", "无此"}}, sys).status, 404);

  // The clerk reads but may not change.
  auto refused = c.post("/api/v1/vocabularies/skills", {{"label", "挖掘机"}}, clerk);
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(refused.json()["error"]["code"], "forbidden");
  EXPECT_EQ(c.patch("/api/v1/vocabularies/skills/welder", {{"retired", true}}, clerk).status, 403);

  // Rename and replace the synonyms; then retire.
  auto renamed = c.patch("/api/v1/vocabularies/skills/skill_15",
                         {{"label", "水电安装工"}, {"synonyms", {"管道工", "水电工"}}}, sys);
  ASSERT_EQ(renamed.status, 200) << renamed.body;
  EXPECT_EQ(renamed.json()["label"], "水电安装工");
  EXPECT_EQ(renamed.json()["synonyms"], nlohmann::json({"管道工", "水电工"}));
  EXPECT_EQ(renamed.json()["updated_by"], "v_sys");
  auto retired = c.patch("/api/v1/vocabularies/skills/welder", {{"retired", true}}, sys);
  ASSERT_EQ(retired.status, 200) << retired.body;
  EXPECT_EQ(retired.json()["retired"], true);
  EXPECT_EQ(term_of(c, clerk, "skills", "welder")["retired"], true);
  // Its words are free now; bringing it back while another term has one is refused.
  ASSERT_EQ(
      c.post("/api/v1/vocabularies/skills", {{"label", "电焊工人"}, {"synonyms", {"电焊"}}}, sys)
          .status,
      201);
  auto back = c.patch("/api/v1/vocabularies/skills/welder", {{"retired", false}}, sys);
  EXPECT_EQ(back.status, 409) << back.body;
  EXPECT_EQ(c.patch("/api/v1/vocabularies/skills/welder",
                    {{"retired", false}, {"synonyms", {"电焊工"}}}, sys)
                .status,
            200);
  // Nothing to change: answered, not recorded.
  EXPECT_EQ(c.patch("/api/v1/vocabularies/skills/welder", {{"synonyms", {"电焊工"}}}, sys).status,
            200);

  auto log = c.get("/api/v1/audit?entity=vocabulary_term", token_of(c, "v_aud")).json();
  // Newest first: back, the second add, retire, rename, the first add.
  ASSERT_EQ(log["items"].size(), 5u) << log.dump();
  EXPECT_EQ(log["items"][4]["action"], "create");
  EXPECT_EQ(log["items"][4]["entity_id"], "skills/skill_15");
  EXPECT_EQ(log["items"][3]["action"], "update");
  EXPECT_EQ(log["items"][3]["before"]["label"], "水电工");
  EXPECT_EQ(log["items"][3]["after"]["label"], "水电安装工");
  EXPECT_EQ(log["items"][2]["entity_id"], "skills/welder");
  EXPECT_EQ(log["items"][2]["after"]["retired"], true);
  EXPECT_EQ(log["items"][0]["after"]["retired"], false);
}

TEST(VocabularyApi, ANewSynonymImportsAndTheLabelSearchesFiltersAndExports) {
  Installation inst;
  HttpClient c(inst.server.port());
  std::string sys = token_of(c, "v_sys"), clerk = token_of(c, "v_clerk");
  std::string header = "姓名,身份证号,户籍地,技能特长,劳务品牌\n";

  // Before the edit the sheet's word is unknown: kept as text with a warning.
  auto before = import_csv(c, clerk, header + "早导入," + id_number(1) + ",421022100,管道工,\n");
  ASSERT_EQ(before["status"], "done") << before.dump();
  ASSERT_EQ(before["new"], 1) << before.dump();
  auto early = c.get("/api/v1/people?q=" + id_number(1), clerk).json()["items"][0];
  EXPECT_EQ(early["skills"], nlohmann::json::array());
  EXPECT_EQ(early["skills_note"], "管道工");

  ASSERT_EQ(
      c.post("/api/v1/vocabularies/skills", {{"label", "水电工"}, {"synonyms", {"管道工"}}}, sys)
          .status,
      201);
  ASSERT_EQ(c.post("/api/v1/vocabularies/labour_brands",
                   {{"label", "荆楚月嫂"}, {"synonyms", {"荆州月嫂"}}}, sys)
                .status,
            201);
  auto job = import_csv(c, clerk,
                        header + "管道甲," + id_number(2) + ",421022100,管道工、电工,荆州月嫂\n");
  ASSERT_EQ(job["status"], "done") << job.dump();
  EXPECT_EQ(job["accepted"], 1);
  EXPECT_EQ(job["issues"], nlohmann::json::array()) << job.dump();
  auto found = c.get("/api/v1/people?q=" + url_encode("水电工"), clerk).json();
  ASSERT_EQ(found["total"], 1) << found.dump();
  auto person = found["items"][0];
  EXPECT_EQ(person["name"], "管道甲");
  EXPECT_EQ(person["skills"], nlohmann::json({"skill_15", "electrician"}));
  EXPECT_TRUE(person["skills_note"].is_null());
  EXPECT_EQ(person["labour_brand"], "brand_7");
  EXPECT_EQ(person["labour_brand_label"], "荆楚月嫂");
  EXPECT_EQ(c.get("/api/v1/people?labour_brand=brand_7", clerk).json()["total"], 1);
  EXPECT_EQ(c.get("/api/v1/people?q=" + url_encode("荆楚月嫂"), clerk).json()["total"], 1);

  // A new label re-indexes the people holding the term: found by it at once, not by the old one.
  auto renamed = c.patch("/api/v1/vocabularies/skills/skill_15", {{"label", "水暖安装"}}, sys);
  ASSERT_EQ(renamed.status, 200) << renamed.body;
  EXPECT_EQ(renamed.json()["reindexed"], 1);
  EXPECT_EQ(c.get("/api/v1/people?q=" + url_encode("水暖安装"), clerk).json()["total"], 1);
  EXPECT_EQ(c.get("/api/v1/people?q=" + url_encode("水电工"), clerk).json()["total"], 0);
  auto brand =
      c.patch("/api/v1/vocabularies/labour_brands/brand_7", {{"label", "荆楚好月嫂"}}, sys);
  EXPECT_EQ(brand.json()["reindexed"], 1);
  EXPECT_EQ(c.get("/api/v1/people?q=" + url_encode("好月嫂"), clerk).json()["total"], 1);
  auto csv = c.get("/api/v1/people/export?format=csv&q=" + id_number(2), clerk);
  ASSERT_EQ(csv.status, 200);
  EXPECT_NE(csv.body.find("水暖安装、电工"), std::string::npos) << csv.body;
  EXPECT_NE(csv.body.find("荆楚好月嫂"), std::string::npos);

  // Retired: the record keeps it (label, filter, search, a save that sends it back), but sheet
  // words no longer match and nobody else may be given it.
  ASSERT_EQ(c.patch("/api/v1/vocabularies/labour_brands/brand_7", {{"retired", true}}, sys).status,
            200);
  EXPECT_EQ(c.get("/api/v1/people?labour_brand=brand_7", clerk).json()["total"], 1);
  auto id = std::to_string(person["id"].get<int64_t>());
  auto kept = c.get("/api/v1/people/" + id, clerk).json();
  EXPECT_EQ(kept["labour_brand_label"], "荆楚好月嫂");
  auto resaved =
      c.patch("/api/v1/people/" + id, {{"labour_brand", "brand_7"}, {"notes", "复核"}}, clerk);
  EXPECT_EQ(resaved.status, 200) << resaved.body;
  auto late = import_csv(c, clerk, header + "晚导入," + id_number(3) + ",421022100,,荆州月嫂\n");
  // The person is saved without the brand; the report says why it was left out.
  EXPECT_EQ(late["rejected"], 0) << late.dump();
  EXPECT_EQ(late["new"], 1) << late.dump();
  ASSERT_EQ(late["issues"].size(), 1u);
  EXPECT_EQ(late["issues"][0]["reason"], "劳务品牌“荆州月嫂”已停用；此项未导入");
  EXPECT_EQ(late["issues"][0]["kept"], true);
  auto newcomer = c.get("/api/v1/people?q=" + url_encode("晚导入"), clerk).json();
  ASSERT_EQ(newcomer["total"], 1) << newcomer.dump();
  EXPECT_TRUE(newcomer["items"][0]["labour_brand"].is_null()) << newcomer.dump();
  auto other = c.post(
      "/api/v1/people",
      {{"name", "新登记"}, {"region_code", "421022100"}, {"labour_brand", "brand_7"}}, clerk);
  EXPECT_EQ(other.status, 400) << other.body;
  EXPECT_EQ(other.json()["error"]["code"], "retired");
  EXPECT_EQ(other.json()["error"]["message"], "劳务品牌“荆楚好月嫂”已停用，不能再选用");
}

TEST(VocabularyApi, AnEditThroughOneServerIsSeenByAnotherAtOnce) {
  Installation inst;
  ServerProcess b(inst.server.db_url());
  b.start();
  HttpClient ca(inst.server.port()), cb(b.port());
  std::string sys = token_of(ca, "v_sys"), clerk = token_of(cb, "v_clerk");
  // Server b has loaded the vocabularies before the edit.
  EXPECT_TRUE(term_of(cb, clerk, "skills", "skill_15").is_null());
  ASSERT_EQ(
      ca.post("/api/v1/vocabularies/skills", {{"label", "无人机飞手"}, {"synonyms", {"飞手"}}}, sys)
          .status,
      201);
  EXPECT_EQ(term_of(cb, clerk, "skills", "skill_15")["label"], "无人机飞手");
  auto made =
      cb.post("/api/v1/people",
              {{"name", "飞手乙"}, {"region_code", "421022100"}, {"skills", {"飞手"}}}, clerk);
  ASSERT_EQ(made.status, 201) << made.body;
  EXPECT_EQ(made.json()["skills"], nlohmann::json({"skill_15"}));
  // A rename on a and the search on b: b indexes and finds with the new label.
  ASSERT_EQ(ca.patch("/api/v1/vocabularies/skills/skill_15", {{"label", "植保飞手"}}, sys).status,
            200);
  EXPECT_EQ(cb.get("/api/v1/people?q=" + url_encode("植保飞手"), clerk).json()["total"], 1);
  auto file = cb.get("/api/v1/people/export?format=csv&q=" + url_encode("植保"), clerk);
  EXPECT_NE(file.body.find("植保飞手"), std::string::npos);
  b.stop();
}
