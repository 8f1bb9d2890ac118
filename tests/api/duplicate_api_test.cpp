// The duplicate review queue through the real server, on SQLite and PostgreSQL alike: detection
// after an import and after a save, merge, undo, dismiss, data scope and permissions.
#include <fstream>

#include "api/api_env.h"
#include "core/id_number.h"

using namespace guiyan::testing;

namespace {

std::string typo_of(const std::string& id) {
  std::string t = id;
  t.back() = t.back() == '1' ? '2' : '1';  // a wrong check character
  return t;
}

class DuplicateApi : public ::testing::Test {
 protected:
  void SetUp() override {
    s.add_user("dd_clerk", "clerk", "421022", "公安县人社局", kPassword);
    s.add_user("dd_other", "clerk", "421081", "石首市人社局", kPassword);
    s.add_user("dd_leader", "leader", "421022", "公安县人社局", kPassword);
    wang_id = guiyan::core::complete_id_number("42102219900307002");
    li_id = guiyan::core::complete_id_number("42102219850615003");
    std::ofstream(s.dir() + "/ledger.csv")
        << "姓名,身份证号,联系电话,户籍地,技能特长,地址,劳务品牌\n"
        << "王芳," << wang_id << ",13800001111,421022100001,电工,,\n"
        << "王芳,,13800001111,421022100001,焊工,埠河镇三八路1号,石首防水工\n"
        << "李强," << li_id << ",,421022100001,,,\n"
        << "李强," << typo_of(li_id) << ",13900002222,421022100002,,,\n"
        << "赵四," << guiyan::core::complete_id_number("42102219700101003")
        << ",13700003333,421022100001,,,\n"
        << "赵四," << guiyan::core::complete_id_number("42102219950101004")
        << ",13700003333,421022100001,,,\n";
    std::string out;
    EXPECT_EQ(s.cli({"import", "people", s.dir() + "/ledger.csv"}, "", &out), 0) << out;
    s.start();
    c = std::make_unique<HttpClient>(s.port());
    t = login("dd_clerk");
  }

  // Whatever the test did (imports, saves, merges, undos), the running tally still agrees.
  void TearDown() override { EXPECT_EQ(tally_mismatch(s.db_url()), ""); }

  std::string login(const std::string& user) {
    return c->post("/api/v1/auth/login", {{"username", user}, {"password", kPassword}})
        .json()["token"];
  }
  nlohmann::json queue(const std::string& status = "open") {
    return c->get("/api/v1/people/duplicates?status=" + status, t).json();
  }
  // The open pair whose people are called `name`.
  nlohmann::json pair_of(const std::string& name) {
    auto q = queue();  // kept alive: the loop walks into it
    for (const auto& d : q["items"]) {
      if (d["people"][0]["name"] == name) return d;
    }
    return nullptr;
  }
  int64_t count(const std::string& q) {
    return c->get("/api/v1/people?limit=1&q=" + q, t).json()["total"];
  }

  ServerProcess s;
  std::unique_ptr<HttpClient> c;
  std::string t, wang_id, li_id;
};

}  // namespace

TEST_F(DuplicateApi, AnImportFillsTheQueueWithScoresAndReasons) {
  auto q = queue();
  ASSERT_EQ(q["total"], 2) << q.dump();  // 赵四 ×2 hold two valid numbers: two people
  auto label_list = [](const nlohmann::json& d) {
    std::vector<std::string> out;
    for (const auto& r : d["reasons"]) out.push_back(r["label"]);
    return out;
  };
  // Highest score first. The mistyped number still gives the birth date.
  auto li = q["items"][0];
  EXPECT_EQ(li["people"][0]["name"], "李强");
  // Where each lives, as the comparison shows it: the path from the city down.
  for (const auto& p : li["people"]) {
    ASSERT_GE(p["region_path"].size(), 2u) << p.dump();
    EXPECT_EQ(p["region_path"][0], "荆州市");
  }
  EXPECT_EQ(li["score"], 85);
  EXPECT_EQ(li["status"], "open");
  EXPECT_TRUE(li["decided_by"].is_null());
  EXPECT_EQ(label_list(li), (std::vector<std::string>{"身份证号仅差一位或两位颠倒", "出生日期相同",
                                                      "户籍乡镇相同", "姓名相同"}));
  EXPECT_EQ(q["items"][1]["people"][0]["name"], "王芳");
  EXPECT_EQ(q["items"][1]["score"], 80);
  EXPECT_EQ(label_list(q["items"][1]),
            (std::vector<std::string>{"手机号相同", "户籍村相同", "姓名相同"}));
  // Personal data in the queue is masked like everywhere else.
  for (const auto& p : li["people"]) {
    std::string shown = p["id_number"].is_string() ? p["id_number"] : p["id_number_raw"];
    EXPECT_NE(shown.find("**********"), std::string::npos) << p.dump();
  }
  // A leader may look, not decide; another county sees nothing of Gong'an's pairs.
  std::string leader = login("dd_leader");
  EXPECT_EQ(c->get("/api/v1/people/duplicates", leader).json()["total"], 2);
  EXPECT_EQ(c->post("/api/v1/people/duplicates/" + std::to_string(int64_t(li["id"])) + "/merge",
                    {{"keep", li["people"][0]["id"]}}, leader)
                .status,
            403);
  std::string other = login("dd_other");
  EXPECT_EQ(c->get("/api/v1/people/duplicates", other).json()["total"], 0);
  EXPECT_EQ(c->post("/api/v1/people/duplicates/" + std::to_string(int64_t(li["id"])) + "/merge",
                    {{"keep", li["people"][0]["id"]}}, other)
                .status,
            404);
  EXPECT_EQ(c->get("/api/v1/people/duplicates?status=maybe", t).status, 400);
}

TEST_F(DuplicateApi, SavingAPersonFindsTheirDuplicateAtOnce) {
  ASSERT_EQ(
      c->post("/api/v1/people",
              {{"name", "钱七"}, {"phone", "13600004444"}, {"region_code", "421022100001"}}, t)
          .status,
      201);
  EXPECT_EQ(queue()["total"], 2);
  ASSERT_EQ(c->post("/api/v1/people",
                    {{"name", "钱七"},
                     {"id_number", guiyan::core::complete_id_number("42102219880808005")},
                     {"phone2", "13600004444"},
                     {"region_code", "421022100002"}},
                    t)
                .status,
            201);
  auto qian = pair_of("钱七");
  ASSERT_FALSE(qian.is_null());
  EXPECT_EQ(qian["score"], 70);  // phone (one's second) + township + name
}

TEST_F(DuplicateApi, MergeTakesMissingValuesAndUndoRestoresBoth) {
  auto wang = pair_of("王芳");
  ASSERT_FALSE(wang.is_null());
  std::string pid = std::to_string(int64_t(wang["id"]));
  int64_t with_id = wang["people"][0]["id"], without = wang["people"][1]["id"];
  ASSERT_TRUE(wang["people"][0]["id_number"].is_string());
  EXPECT_EQ(c->post("/api/v1/people/duplicates/" + pid + "/merge", {{"keep", 12345}}, t).status,
            400);
  // Case work recorded on the record that will be merged away.
  auto svc =
      c->post("/api/v1/people/" + std::to_string(without) + "/services",
              {{"kind", "政策咨询"}, {"served_on", "2026-03-02"}, {"result", "已讲解补贴"}}, t);
  ASSERT_EQ(svc.status, 201) << svc.body;
  auto merged = c->post("/api/v1/people/duplicates/" + pid + "/merge", {{"keep", with_id}}, t);
  ASSERT_EQ(merged.status, 200) << merged.body;
  auto m = merged.json();
  EXPECT_EQ(m["merged_id"], without);
  EXPECT_EQ(m["survivor"]["address"], "埠河镇三八路1号");
  EXPECT_EQ(m["survivor"]["labour_brand"], "shishou_waterproof");
  EXPECT_EQ(m["survivor"]["skills"], nlohmann::json({"electrician"}));  // its own value stays
  EXPECT_EQ(m["conflicts"], 1);                                         // 焊工 listed for review
  // The answer says where the survivor lives as the file does (the page shows it at once).
  auto kept_one = c->get("/api/v1/people/" + std::to_string(with_id), t).json();
  ASSERT_FALSE(kept_one["region_path"].empty());
  EXPECT_EQ(m["survivor"]["region_path"], kept_one["region_path"]);
  // One person now: lists, search and the queue agree; the other record points to the survivor.
  EXPECT_EQ(count("%E7%8E%8B%E8%8A%B3"), 1);  // 王芳
  EXPECT_EQ(count("%E7%84%8A%E5%B7%A5"), 0);  // 焊工 belonged to the merged record only
  auto gone = c->get("/api/v1/people/" + std::to_string(without), t).json();
  EXPECT_EQ(gone["merged_into"], with_id);
  EXPECT_EQ(c->patch("/api/v1/people/" + std::to_string(without), {{"notes", "x"}}, t).status, 409);
  EXPECT_EQ(queue()["total"], 1);
  auto done = queue("merged");
  ASSERT_EQ(done["total"], 1);
  EXPECT_EQ(done["items"][0]["merge_id"], m["merge_id"]);
  EXPECT_EQ(c->post("/api/v1/people/duplicates/" + pid + "/merge", {{"keep", with_id}}, t).status,
            409);
  auto file = c->get("/api/v1/people/" + std::to_string(with_id) + "/file", t).json();
  // The survivor's file gathers the merged record's services, provenance and audit trail.
  auto from_merged = [&](const nlohmann::json& items) {
    int n = 0;
    for (const auto& i : items) n += i["person_id"] == without;
    return n;
  };
  ASSERT_EQ(from_merged(file["services"]), 1) << file["services"].dump();
  EXPECT_EQ(file["services"][0]["result"], "已讲解补贴");
  EXPECT_GT(from_merged(file["provenance"]), 0);
  EXPECT_GT(from_merged(file["audit"]), 0);
  ASSERT_EQ(file["merges"].size(), 1u);
  EXPECT_EQ(file["merges"][0]["merged_id"], without);
  EXPECT_EQ(file["conflicts"].size(), 1u);
  bool audited = false;
  for (const auto& a : file["audit"]) audited = audited || a["action"] == "merge";
  EXPECT_TRUE(audited);
  // Undo: both come back as they were, the conflict goes, the pair is open again.
  std::string undo = "/api/v1/people/merges/" + std::to_string(int64_t(m["merge_id"])) + "/undo";
  auto undone = c->post(undo, nlohmann::json::object(), t);
  ASSERT_EQ(undone.status, 200) << undone.body;
  EXPECT_EQ(undone.json()["kept"].size(), 0u);
  EXPECT_TRUE(undone.json()["survivor"]["address"].is_null());
  EXPECT_TRUE(undone.json()["restored"]["merged_into"].is_null());
  EXPECT_EQ(undone.json()["restored"]["address"], "埠河镇三八路1号");
  EXPECT_EQ(undone.json()["survivor"]["region_path"], kept_one["region_path"]);
  EXPECT_EQ(undone.json()["restored"]["region_path"],
            c->get("/api/v1/people/" + std::to_string(without), t).json()["region_path"]);
  EXPECT_FALSE(undone.json()["restored"]["region_path"].empty());
  EXPECT_EQ(count("%E7%8E%8B%E8%8A%B3"), 2);
  EXPECT_EQ(queue()["total"], 2);
  file = c->get("/api/v1/people/" + std::to_string(with_id) + "/file", t).json();
  EXPECT_EQ(file["conflicts"].size(), 0u);
  EXPECT_EQ(from_merged(file["services"]), 0);  // back on the restored record's own file
  EXPECT_EQ(from_merged(file["provenance"]), 0);
  EXPECT_FALSE(file["merges"][0]["undone_at"].is_null());
  EXPECT_EQ(c->post(undo, nlohmann::json::object(), t).status, 409);
}

TEST_F(DuplicateApi, TheRightNumberMovesToTheSurvivorAndBackOnUndo) {
  auto li = pair_of("李强");
  ASSERT_FALSE(li.is_null());
  // Keep the record with the phone (and the mistyped number); it takes the valid number.
  int64_t keep =
      li["people"][0]["phone"].is_string() ? li["people"][0]["id"] : li["people"][1]["id"];
  int64_t other = keep == li["people"][0]["id"] ? li["people"][1]["id"] : li["people"][0]["id"];
  auto m = c->post("/api/v1/people/duplicates/" + std::to_string(int64_t(li["id"])) + "/merge",
                   {{"keep", keep}}, t);
  ASSERT_EQ(m.status, 200) << m.body;
  auto survivor = c->get("/api/v1/people/" + std::to_string(keep) + "?unmask=true", t).json();
  EXPECT_EQ(survivor["id_number"], li_id);
  EXPECT_EQ(survivor["birth_date"], "1985-06-15");
  EXPECT_TRUE(c->get("/api/v1/people/" + std::to_string(other) + "?unmask=true", t)
                  .json()["id_number"]
                  .is_null());
  EXPECT_EQ(count(li_id), 1);
  // A later edit on the survivor is not undone: the edited field is reported as kept.
  ASSERT_EQ(c->patch("/api/v1/people/" + std::to_string(keep), {{"address", "新地址"}}, t).status,
            200);
  auto undone =
      c->post("/api/v1/people/merges/" + std::to_string(int64_t(m.json()["merge_id"])) + "/undo",
              nlohmann::json::object(), t);
  ASSERT_EQ(undone.status, 200) << undone.body;
  EXPECT_EQ(undone.json()["kept"].size(), 0u);  // address was not taken in the merge
  EXPECT_EQ(
      c->get("/api/v1/people/" + std::to_string(other) + "?unmask=true", t).json()["id_number"],
      li_id);
  survivor = c->get("/api/v1/people/" + std::to_string(keep) + "?unmask=true", t).json();
  EXPECT_TRUE(survivor["id_number"].is_null());
  EXPECT_EQ(survivor["id_number_raw"], typo_of(li_id));
  EXPECT_EQ(survivor["address"], "新地址");
}

TEST_F(DuplicateApi, ADismissedPairIsNeverProposedAgain) {
  auto li = pair_of("李强");
  ASSERT_FALSE(li.is_null());
  std::string path = "/api/v1/people/duplicates/" + std::to_string(int64_t(li["id"]));
  EXPECT_EQ(c->post(path + "/dismiss", {{"colour", "red"}}, t).status, 400);
  auto d = c->post(path + "/dismiss", {{"note", "父子，号码相近"}}, t);
  ASSERT_EQ(d.status, 200) << d.body;
  EXPECT_EQ(d.json()["status"], "dismissed");
  EXPECT_EQ(d.json()["note"], "父子，号码相近");
  EXPECT_FALSE(d.json()["decided_by"].get<std::string>().empty());
  EXPECT_EQ(c->post(path + "/dismiss", nlohmann::json::object(), t).status, 409);
  EXPECT_EQ(c->post(path + "/merge", {{"keep", li["people"][0]["id"]}}, t).status, 409);
  auto scan = c->post("/api/v1/people/duplicates/scan", nlohmann::json::object(), t);
  ASSERT_EQ(scan.status, 200) << scan.body;
  EXPECT_EQ(scan.json()["added"], 0);
  EXPECT_EQ(scan.json()["found"], 2);
  EXPECT_EQ(queue()["total"], 1);
  EXPECT_EQ(queue("dismissed")["total"], 1);
}

TEST_F(DuplicateApi, CorrectingTheNumberTakesThePairOutOfTheQueue) {
  // The person with the mistyped number was a different 李强 after all: a new valid number for
  // them leaves two valid numbers, and the open pair goes.
  auto li = pair_of("李强");
  ASSERT_FALSE(li.is_null());
  int64_t typo_person =
      li["people"][0]["id_number"].is_null() ? li["people"][0]["id"] : li["people"][1]["id"];
  ASSERT_EQ(c->patch("/api/v1/people/" + std::to_string(typo_person),
                     {{"id_number", guiyan::core::complete_id_number("42102219920202007")}}, t)
                .status,
            200);
  EXPECT_TRUE(pair_of("李强").is_null());
  EXPECT_EQ(queue()["total"], 1);
}

TEST_F(DuplicateApi, ALaterImportUpdatesThePairsOfThePeopleItWrites) {
  // 王芳 with the valid number is renamed: her pair with the 王芳 without one goes. A new 王芳
  // with another valid number and the same phone pairs with that 王芳 (found through the people
  // of her name without a number); two new 张伟, one without a number, make a pair.
  std::ofstream(s.dir() + "/later.csv")
      << "姓名,身份证号,联系电话,户籍地\n"
      << "王芳芳," << wang_id << ",13800001111,421022100001\n"
      << "王芳," << guiyan::core::complete_id_number("42102219910101006")
      << ",13800001111,421022100001\n"
      << "张伟,,13600004444,421022100003\n"
      << "张伟," << guiyan::core::complete_id_number("42102219800808005")
      << ",13600004444,421022100003\n";
  std::string out;
  ASSERT_EQ(s.cli({"import", "people", s.dir() + "/later.csv"}, "", &out), 0) << out;
  EXPECT_TRUE(pair_of("王芳芳").is_null());
  auto wang = pair_of("王芳");
  ASSERT_FALSE(wang.is_null());
  EXPECT_EQ(wang["people"][1]["name"], "王芳");
  EXPECT_FALSE(pair_of("张伟").is_null());
  EXPECT_FALSE(pair_of("李强").is_null());
  EXPECT_EQ(queue()["total"], 3);
  // The import compared only the people it wrote; a scan of the whole registry finds nothing
  // more to add or remove.
  ASSERT_EQ(s.cli({"dedupe", "people"}, "", &out), 0) << out;
  auto scan = nlohmann::json::parse(out);
  EXPECT_EQ(scan["added"], 0) << out;
  EXPECT_EQ(scan["removed"], 0) << out;
  EXPECT_EQ(scan["open"], 3) << out;
}

TEST_F(DuplicateApi, AnImportOfMoreThanOneStatementsWorthComparesEveryoneItWrote) {
  // 1,300 people (the scan binds 500 ids or names per statement): pairs whose people are in the
  // first, middle and last slice of the sheet are all found, and so is a rename's old pair.
  std::ofstream f(s.dir() + "/large.csv");
  f << "姓名,身份证号,联系电话,户籍地\n";
  const char* surnames = "赵钱孙周吴郑冯陈褚卫蒋沈韩杨朱秦尤许何吕施孔曹严华金魏陶姜谢";
  const char* given = "建国志强秀英桂兰海燕国华丽娟明辉红梅春生德胜玉兰振华淑珍晓东文";
  auto nth_char = [](const char* s, int i) { return std::string(s + 3 * i, 3); };
  for (int i = 0; i < 1300; ++i) {
    if (i == 0)
      f << "张伟,,13600004444,421022100003\n";
    else if (i == 650)
      f << "王芳," << guiyan::core::complete_id_number("42102219910101006")
        << ",13800001111,421022100001\n";
    else if (i == 1299)
      f << "张伟," << guiyan::core::complete_id_number("42102219800808005")
        << ",13600004444,421022100003\n";
    else if (i == 1298)
      f << "王芳芳," << wang_id << ",13800001111,421022100001\n";
    else {
      char first17[18];
      std::snprintf(first17, sizeof first17, "4210221960%02d%02d%03d", 1 + i % 12, 1 + i / 12 % 28,
                    100 + i / 336);
      f << nth_char(surnames, i % 30) << nth_char(given, i / 30 % 31) << nth_char(given, i / 930)
        << "," << guiyan::core::complete_id_number(first17) << ",,421022100002\n";
    }
  }
  f.close();
  std::string out;
  ASSERT_EQ(s.cli({"import", "people", s.dir() + "/large.csv"}, "", &out), 0) << out;
  EXPECT_NE(out.find("\"new\":1299"), std::string::npos) << out;
  EXPECT_FALSE(pair_of("张伟").is_null());
  EXPECT_TRUE(pair_of("王芳芳").is_null());
  auto wang = pair_of("王芳");
  ASSERT_FALSE(wang.is_null());
  EXPECT_EQ(queue()["total"], 3);  // 张伟, the new 王芳 and 李强
  ASSERT_EQ(s.cli({"dedupe", "people"}, "", &out), 0) << out;
  auto scan = nlohmann::json::parse(out);
  EXPECT_EQ(scan["added"], 0) << out;
  EXPECT_EQ(scan["removed"], 0) << out;
  EXPECT_EQ(scan["open"], 3) << out;
}
