// Ventures 返乡创业经营主体 through the real server, on SQLite and PostgreSQL alike, on a server of
// this suite's own (its founders are people, whom the shared server's people suite counts).
#include <fstream>
#include <thread>

#include "api/own_server.h"
#include "core/credit_code.h"
#include "core/id_number.h"
#include "io/sheet_reader.h"

using namespace guiyan::testing;

namespace {

class VentureApi : public OwnServerSuite {
 protected:
  // A valid credit code of this suite's own series.
  static std::string code(int n) {
    char stem[32];
    std::snprintf(stem, sizeof stem, "92421022MA4WB%04d", n);
    return guiyan::core::complete_credit_code(stem);
  }
  static std::string id_number(const std::string& stem17) {
    return guiyan::core::complete_id_number(stem17);
  }
  static int64_t person(const std::string& user, const std::string& name, const std::string& stem,
                        const std::string& region) {
    auto r = post(user, "/api/v1/people",
                  {{"name", name}, {"id_number", id_number(stem)}, {"region_code", region}});
    if (r.status != 201) throw std::runtime_error("person: " + r.body);
    return r.json()["id"];
  }
  static nlohmann::json venture(const std::string& user, nlohmann::json body) {
    auto r = post(user, "/api/v1/ventures", body);
    if (r.status != 201) throw std::runtime_error("venture: " + r.body);
    return r.json();
  }
  static std::vector<int64_t> ids(const HttpResult& r) {
    std::vector<int64_t> out;
    auto j = r.json();  // the range-for must not iterate a temporary's member
    for (const auto& v : j["items"]) out.push_back(v["id"]);
    return out;
  }
  static std::string field_of(const HttpResult& r) {
    return r.json()["error"].value("field", std::string());
  }

  // A server of the suite's own: the people it registers as founders would otherwise count in the
  // shared server's people statistics, which the people suite checks city-wide.
  static void SetUpTestSuite() {
    server = std::make_unique<ServerProcess>();
    server->add_user("ga_aud", "auditor", "421022", "公安县人社局", kPassword);
    server->add_user("ga_clerk", "clerk", "421022", "公安县人社局", kPassword);
    server->add_user("jl_clerk", "clerk", "421088", "监利市人社局", kPassword);
    server->start();
    zhang = person("ga_clerk", "创业张甲", "42102219770707011", "421022109001");
    li = person("ga_clerk", "创业李乙", "42102219780808022", "421022109002");
    far = person("jl_clerk", "创业王丙", "42108819790909031", "421088110001");
  }
  static void TearDownTestSuite() {
    tokens.clear();
    server.reset();
  }
  static inline int64_t zhang = 0, li = 0, far = 0;
};

}  // namespace

TEST_F(VentureApi, ARegisteredVentureShowsFoundersMaskedAndItsCounts) {
  auto v = venture("ga_clerk", {{"type", "个体户"},
                                {"name", "南平张记莲藕加工"},
                                {"credit_code", code(1)},
                                {"registered_on", "2025-03-01"},
                                {"first_registration", true},
                                {"industry", "13"},
                                {"region_code", "421022109001"},
                                {"founder_ids", {zhang}},
                                {"employees", 3},
                                {"counted_on", "2025-06-30"}});
  EXPECT_EQ(v["type"], "individual_business");
  EXPECT_EQ(v["type_label"], "个体工商户");
  EXPECT_EQ(v["status"], "operating");  // the default
  EXPECT_EQ(v["status_label"], "经营中");
  EXPECT_EQ(v["industry_name"], "农副食品加工业");
  EXPECT_EQ(v["region_name"], "红星社区居民委员会");
  EXPECT_EQ(v["latest_employees"], 3);
  ASSERT_EQ(v["founders"].size(), 1u);
  EXPECT_EQ(v["founders"][0]["name"], "创业张甲");
  std::string full = id_number("42102219770707011");
  EXPECT_EQ(v["founders"][0]["id_number"], full.substr(0, 4) + "**********" + full.substr(14));
  ASSERT_EQ(v["employment"].size(), 1u);
  EXPECT_EQ(v["employment"][0]["counted_on"], "2025-06-30");
  std::string path = "/api/v1/ventures/" + std::to_string(v["id"].get<int64_t>());
  auto again = get("ga_clerk", path);
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(again.json()["founders"], v["founders"]);
  // Outside the scope it does not exist; without the permission it is forbidden.
  EXPECT_EQ(get("jl_clerk", path).status, 404);
  EXPECT_EQ(get("ga_aud", path).status, 403);
  EXPECT_EQ(get("ga_aud", "/api/v1/ventures").status, 403);
  // The create is in the audit log, with the founders.
  auto log = get("ga_aud", "/api/v1/audit?entity=venture&action=create&entity_id=" +
                               std::to_string(v["id"].get<int64_t>()));
  ASSERT_EQ(log.json()["items"].size(), 1u) << log.body;
  EXPECT_EQ(log.json()["items"][0]["after"]["founder_ids"], nlohmann::json({zhang}));
  EXPECT_EQ(log.json()["items"][0]["after"]["employment"]["employees"], 3);
}

TEST_F(VentureApi, ListsFilterSearchAndFollowTheScope) {
  auto a = venture("ga_clerk", {{"type", "cooperative"},
                                {"name", "南平绿野种植专业合作社"},
                                {"credit_code", code(2)},
                                {"registered_on", "2024-05-01"},
                                {"region_code", "421022109003"},
                                {"founder_ids", {zhang, li}}});
  auto b = venture("ga_clerk", {{"type", "家庭农场"},
                                {"name", "南平李家农场"},
                                {"region_code", "421022109002"},
                                {"status", "停业"},
                                {"founder_ids", {li}}});
  int64_t ia = a["id"], ib = b["id"];
  auto list = [&](const std::string& query) {
    auto r = get("ga_clerk", "/api/v1/ventures?region=421022109&" + query);
    EXPECT_EQ(r.status, 200) << r.body;
    return r;
  };
  auto all = list("limit=500");
  EXPECT_GE(all.json()["total"].get<int64_t>(), 2);
  nlohmann::json path, listed = all.json();
  for (const auto& item : listed["items"]) {
    if (item["id"] == ia) path = item["region_path"];
  }
  EXPECT_EQ(path.size(), 4u);  // 荆州市 / 公安县 / the town / the village, as the list shows it
  EXPECT_EQ(path[0], "荆州市");
  EXPECT_EQ(list("type=cooperative").json()["items"][0]["id"], ia);
  EXPECT_EQ(ids(list("type=%E5%AE%B6%E5%BA%AD%E5%86%9C%E5%9C%BA")),  // 家庭农场
            std::vector<int64_t>{ib});
  EXPECT_EQ(ids(list("status=suspended")), std::vector<int64_t>{ib});
  EXPECT_EQ(ids(list("q=%E7%BB%BF%E9%87%8E")), std::vector<int64_t>{ia});  // 绿野
  std::string part = code(2).substr(8, 9);
  for (auto& ch : part) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  EXPECT_EQ(ids(list("q=" + part)), std::vector<int64_t>{ia});  // credit code, any case
  auto of_li = ids(list("person_id=" + std::to_string(li)));
  EXPECT_NE(std::find(of_li.begin(), of_li.end(), ia), of_li.end());
  EXPECT_NE(std::find(of_li.begin(), of_li.end(), ib), of_li.end());
  // Newest first, deterministically.
  ASSERT_FALSE(of_li.empty());
  EXPECT_GT(of_li.front(), of_li.back());
  EXPECT_EQ(get("ga_clerk", "/api/v1/ventures?type=nonsense").status, 400);
  // Another county sees none of them (its filter on them is refused: nothing there is in its
  // scope), and not whom a hidden person founded.
  EXPECT_EQ(get("jl_clerk", "/api/v1/ventures?region=421022109").status, 403);
  EXPECT_EQ(get("jl_clerk", "/api/v1/ventures?q=" + part).json()["total"], 0);
  EXPECT_EQ(get("jl_clerk", "/api/v1/ventures?person_id=" + std::to_string(li)).status, 404);
  // The person file lists the person's ventures with their latest count.
  auto file = get("ga_clerk", "/api/v1/people/" + std::to_string(li) + "/file");
  ASSERT_EQ(file.status, 200) << file.body;
  std::vector<int64_t> in_file;
  auto file_json = file.json();
  for (const auto& v : file_json["ventures"]) in_file.push_back(v["id"]);
  EXPECT_NE(std::find(in_file.begin(), in_file.end(), ia), in_file.end());
  EXPECT_NE(std::find(in_file.begin(), in_file.end(), ib), in_file.end());
  EXPECT_EQ(file_json["hidden_ventures"], 0);
  for (const auto& v : file_json["ventures"]) {
    if (v["id"] == ib) {
      EXPECT_EQ(v["status_label"], "停业");
    }
  }
}

TEST_F(VentureApi, BadInputNamesTheFieldInChinese) {
  auto bad = [&](nlohmann::json body, const std::string& field, int status = 400) {
    auto r = post("ga_clerk", "/api/v1/ventures", body);
    EXPECT_EQ(r.status, status) << body.dump() << " → " << r.body;
    EXPECT_EQ(field_of(r), field) << r.body;
    return r.json()["error"]["message"].get<std::string>();
  };
  nlohmann::json ok = {{"type", "enterprise"},
                       {"name", "南平测试企业"},
                       {"region_code", "421022109"},
                       {"founder_ids", {zhang}}};
  auto with = [&](const std::string& k, nlohmann::json v) {
    auto b = ok;
    b[k] = std::move(v);
    return b;
  };
  auto without = [&](const std::string& k) {
    auto b = ok;
    b.erase(k);
    return b;
  };
  bad(with("salary", 1), "salary");
  bad(without("founder_ids"), "founder_ids");
  bad(with("founder_ids", nlohmann::json::array()), "founder_ids");
  EXPECT_NE(bad(with("founder_ids", {far}), "founder_ids").find("不在您的数据范围内"),
            std::string::npos);
  bad(with("founder_ids", {999999999}), "founder_ids");
  bad(without("type"), "type");
  bad(with("type", "公司化农场"), "type");
  bad(without("name"), "name");
  bad(with("region_code", "421088110"), "region_code");  // another county
  bad(with("region_code", "421022109999"), "region_code");
  bad(with("credit_code", "92421022MA4WB00000"), "credit_code");  // wrong check character
  bad(with("registered_on", "2025-01-01"), "credit_code");        // registered: code needed
  bad(with("first_registration", true), "registered_on");
  bad(with("registered_on", "2999-01-01"), "registered_on");
  bad(with("industry", "98"), "industry");
  bad(with("employees", 0), "employees");
  bad(with("employees", "三"), "employees");
  bad(with("counted_on", "2025-01-01"), "employees");  // a date without a count
  // A registered credit code answers 409 naming the venture to those who see it.
  auto first = venture("ga_clerk", with("credit_code", code(3)));
  auto msg = bad(with("credit_code", code(3)), "credit_code", 409);
  EXPECT_NE(msg.find("编号 " + std::to_string(first["id"].get<int64_t>())), std::string::npos)
      << msg;
  auto there = post("jl_clerk", "/api/v1/ventures",
                    {{"type", "enterprise"},
                     {"name", "监利同码企业"},
                     {"credit_code", code(3)},
                     {"region_code", "421088110"},
                     {"founder_ids", {far}}});
  EXPECT_EQ(there.status, 409);
  EXPECT_NE(there.json()["error"]["message"].get<std::string>().find("其他地区"), std::string::npos)
      << there.body;
  // Malformed JSON.
  auto raw = client().request(
      "POST", "/api/v1/ventures", "{",
      {"Authorization: Bearer " + tok("ga_clerk"), "Content-Type: application/json"});
  EXPECT_EQ(raw.status, 400);
}

TEST_F(VentureApi, ChangesAndCountsAreAuditedAndACountPerDateIsReplaced) {
  auto v = venture("ga_clerk", {{"type", "enterprise"},
                                {"name", "南平旧名公司"},
                                {"credit_code", code(4)},
                                {"registered_on", "2025-01-10"},
                                {"region_code", "421022109001"},
                                {"founder_ids", {zhang}}});
  int64_t id = v["id"];
  std::string path = "/api/v1/ventures/" + std::to_string(id);
  auto changed = patch("ga_clerk", path, {{"name", "南平新名公司"}, {"founder_ids", {zhang, li}}});
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(changed.json()["name"], "南平新名公司");
  EXPECT_EQ(changed.json()["founders"].size(), 2u);
  auto log =
      get("ga_aud", "/api/v1/audit?entity=venture&action=update&entity_id=" + std::to_string(id));
  auto log_json = log.json();
  ASSERT_EQ(log_json["items"].size(), 1u) << log.body;
  const auto& entry = log_json["items"][0];
  EXPECT_EQ(entry["before"]["name"], "南平旧名公司");
  EXPECT_EQ(entry["after"]["name"], "南平新名公司");
  EXPECT_EQ(entry["after"]["founder_ids"], nlohmann::json({zhang, li}));
  // Saving the same values again changes nothing and logs nothing.
  patch("ga_clerk", path, {{"name", "南平新名公司"}});
  EXPECT_EQ(
      get("ga_aud", "/api/v1/audit?entity=venture&action=update&entity_id=" + std::to_string(id))
          .json()["items"]
          .size(),
      1u);
  EXPECT_EQ(field_of(patch("ga_clerk", path, {{"founder_ids", {far}}})), "founder_ids");
  EXPECT_EQ(field_of(patch("ga_clerk", path, {{"credit_code", nullptr}})), "credit_code");
  EXPECT_EQ(patch("jl_clerk", path, {{"name", "越权"}}).status, 404);
  // Counts: one per date, the later replacing the earlier.
  std::string counts = path + "/employment";
  ASSERT_EQ(post("ga_clerk", counts, {{"counted_on", "2025-06-30"}, {"employees", 2}}).status, 200);
  auto replaced = post("ga_clerk", counts,
                       {{"counted_on", "2025-06-30"}, {"employees", 4}, {"source", "社保参保"}});
  ASSERT_EQ(replaced.status, 200) << replaced.body;
  ASSERT_EQ(replaced.json()["employment"].size(), 1u);
  EXPECT_EQ(replaced.json()["employment"][0]["employees"], 4);
  EXPECT_EQ(replaced.json()["employment"][0]["source"], "社保参保");
  auto later = post("ga_clerk", counts, {{"counted_on", "2025-12-31"}, {"employees", 6}});
  EXPECT_EQ(later.json()["latest_employees"], 6);
  EXPECT_EQ(later.json()["employment"].size(), 2u);
  auto trail = get("ga_aud", "/api/v1/audit?entity=venture&action=count_employment&entity_id=" +
                                 std::to_string(id))
                   .json()["items"];
  ASSERT_EQ(trail.size(), 3u);
  EXPECT_EQ(trail[1]["before"]["employees"], 2);  // newest first: the replacement
  EXPECT_EQ(trail[1]["after"]["employees"], 4);
  EXPECT_EQ(field_of(post("ga_clerk", counts, {{"counted_on", "2024-12-31"}, {"employees", 2}})),
            "counted_on");  // before registration
  EXPECT_EQ(field_of(post("ga_clerk", counts, {{"counted_on", "2999-01-01"}, {"employees", 2}})),
            "counted_on");
  EXPECT_EQ(field_of(post("ga_clerk", counts, {{"employees", 0}})), "employees");
  // The registration cannot move after a recorded count.
  EXPECT_EQ(field_of(patch("ga_clerk", path, {{"registered_on", "2025-07-01"}})), "registered_on");
  EXPECT_EQ(field_of(post("ga_clerk", counts, {{"employees", 2}, {"extra", 1}})), "extra");
  EXPECT_EQ(post("jl_clerk", counts, {{"employees", 2}}).status, 404);
}

TEST_F(VentureApi, TheLedgerExportsAndImportsBackWithoutChanges) {
  // Ventures of their own village (胜利社区 421022109002 is shared, so 新城社区 …003 and a
  // township-level record): export the subtree of 421022109003.
  auto v = venture("ga_clerk", {{"type", "enterprise"},
                                {"name", "南平出口台账公司"},
                                {"credit_code", code(5)},
                                {"registered_on", "2025-02-01"},
                                {"first_registration", true},
                                {"industry", "C"},
                                {"in_park", true},
                                {"region_code", "421022109003"},
                                {"founder_ids", {li}},
                                {"employees", 5},
                                {"counted_on", "2025-05-01"}});
  auto file = get("ga_clerk", "/api/v1/ventures/export?format=xlsx&region=421022109003&q=" +
                                  std::string("%E5%87%BA%E5%8F%A3"));  // 出口
  ASSERT_EQ(file.status, 200) << file.body;
  std::string dir = server->dir();
  std::ofstream(dir + "/ventures.xlsx", std::ios::binary) << file.body;
  std::vector<std::vector<std::string>> rows;
  guiyan::io::read_sheet(dir + "/ventures.xlsx", [&](const guiyan::io::SheetRow& r) {
    rows.push_back(r.cells);
    return true;
  });
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0][2], "主体名称");
  EXPECT_EQ(rows[1][1], "企业");
  EXPECT_EQ(rows[1][2], "南平出口台账公司");
  EXPECT_EQ(rows[1][5], "是");
  EXPECT_EQ(rows[1][13], "创业李乙");
  EXPECT_NE(rows[1][14].find("*"), std::string::npos);  // masked
  EXPECT_EQ(rows[1][15], "5");
  EXPECT_EQ(rows[1][11], "是");  // in a park
  auto csv =
      get("ga_clerk", "/api/v1/ventures/export?format=csv&unmask=true&region=421022109003&q=" +
                          std::string("%E5%87%BA%E5%8F%A3"));
  ASSERT_EQ(csv.status, 200);
  std::string full = id_number("42102219780808022");
  EXPECT_NE(csv.body.find(full), std::string::npos);
  EXPECT_EQ(get("ga_clerk", "/api/v1/ventures/export?format=pdf").status, 400);
  auto log = get("ga_aud", "/api/v1/audit?entity=venture&action=export").json()["items"];
  ASSERT_GE(log.size(), 2u);
  EXPECT_EQ(log[0]["after"]["unmasked"], true);
  // The unmasked export imports back: nothing changes.
  auto upload = [&](const std::string& query, const std::string& bytes) {
    auto r = client().request(
        "POST", "/api/v1/imports?" + query, bytes,
        {"Authorization: Bearer " + tok("ga_clerk"), "Content-Type: application/octet-stream"});
    EXPECT_EQ(r.status, 202) << r.body;
    int64_t job = r.json()["id"];
    for (int i = 0; i < 300; ++i) {
      auto j = get("ga_clerk", "/api/v1/imports/" + std::to_string(job)).json();
      if (j["status"] == "done" || j["status"] == "failed") return j;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    throw std::runtime_error("import did not finish");
  };
  auto back = upload("kind=ventures&filename=back.csv&dry_run=false", csv.body);
  EXPECT_EQ(back["status"], "done") << back.dump();
  EXPECT_EQ(back["unchanged"], 1) << back.dump();
  EXPECT_EQ(back["rejected"], 0) << back.dump();
  (void)v;
}

TEST_F(VentureApi, ASheetImportsRowByRowAndARerunChangesNothing) {
  std::string zid = id_number("42102219770707011"), lid = id_number("42102219780808022");
  std::string unknown = id_number("42102219660606066");
  std::string csv =
      "序号,主体类型,主体名称,统一社会信用代码,注册日期,是否初次注册,行业,所在地,经营状态,"
      "创办人身份证号,带动就业人数,统计日期\n"
      "1,个体工商户,南平导入小吃店," +
      code(6) + ",2025-04-01,是,餐饮业,荆州市/公安县/南平镇/红星社区居民委员会,经营中," + zid +
      ",2,2025-09-30\n"
      "2,家庭农场,南平导入农场,,,否,A,421022109002,在营," +
      zid + "、" + lid +
      ",4人,\n"  // a head count with its unit
      "3,合作社,南平无名氏合作社,,,,,421022109,," +
      unknown +
      ",无,/\n"  // words for nothing: blank cells, refused for the founder alone

      "4,企业,南平越界企业,,,,,421088110,," +
      lid + ",,\n";
  auto upload = [&](bool dry) {
    auto r = client().request(
        "POST",
        std::string("/api/v1/imports?kind=ventures&filename=v.csv&dry_run=") +
            (dry ? "true" : "false"),
        csv,
        {"Authorization: Bearer " + tok("ga_clerk"), "Content-Type: application/octet-stream"});
    EXPECT_EQ(r.status, 202) << r.body;
    int64_t job = r.json()["id"];
    for (int i = 0; i < 300; ++i) {
      auto j = get("ga_clerk", "/api/v1/imports/" + std::to_string(job)).json();
      if (j["status"] == "done" || j["status"] == "failed") return j;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    throw std::runtime_error("import did not finish");
  };
  auto dry = upload(true);
  EXPECT_EQ(dry["status"], "done") << dry.dump();
  EXPECT_EQ(dry["new"], 2) << dry.dump();
  EXPECT_EQ(dry["rejected"], 2) << dry.dump();
  ASSERT_EQ(dry["issues"].size(), 2u) << dry.dump();
  EXPECT_EQ(dry["issues"][0]["row"], 4);
  EXPECT_EQ(dry["issues"][0]["column"], "创办人身份证号");
  EXPECT_NE(dry["issues"][0]["reason"].get<std::string>().find("不在返乡人员信息库中"),
            std::string::npos);
  EXPECT_EQ(dry["issues"][1]["row"], 5);
  EXPECT_EQ(dry["issues"][1]["column"], "所在地");
  EXPECT_EQ(get("ga_clerk", "/api/v1/ventures?q=" + std::string("%E5%AF%BC%E5%85%A5"))  // 导入
                .json()["total"],
            0);  // a dry run writes nothing
  auto real = upload(false);
  EXPECT_EQ(real["new"], 2) << real.dump();
  auto found = get("ga_clerk", "/api/v1/ventures?q=%E5%AF%BC%E5%85%A5").json();  // 导入
  ASSERT_EQ(found["total"], 2) << found.dump();
  for (const auto& v : found["items"]) {
    if (v["name"] == "南平导入农场") {
      EXPECT_EQ(v["type"], "family_farm");
      EXPECT_EQ(v["founders"].size(), 2u);
      EXPECT_EQ(v["latest_employees"], 4);
      EXPECT_EQ(v["first_registration"], false);
    } else {
      EXPECT_EQ(v["industry"], "62");  // 餐饮业 by name
      EXPECT_EQ(v["region_code"], "421022109001");
      EXPECT_EQ(v["first_registration"], true);
      EXPECT_EQ(v["latest_counted_on"], "2025-09-30");
    }
  }
  auto rerun = upload(false);
  EXPECT_EQ(rerun["new"], 0) << rerun.dump();
  EXPECT_EQ(rerun["unchanged"], 2) << rerun.dump();
  EXPECT_EQ(get("ga_clerk", "/api/v1/ventures?q=%E5%AF%BC%E5%85%A5").json()["total"], 2);
  // Auditors can't import ventures.
  auto denied = client().request(
      "POST", "/api/v1/imports?kind=ventures&filename=v.csv", csv,
      {"Authorization: Bearer " + tok("ga_aud"), "Content-Type: application/octet-stream"});
  EXPECT_EQ(denied.status, 403);
}

TEST_F(VentureApi, VocabularyListsTypesAndStatuses) {
  auto r = get("ga_clerk", "/api/v1/ventures/vocabulary");
  ASSERT_EQ(r.status, 200) << r.body;
  auto j = r.json();
  ASSERT_EQ(j["types"].size(), 4u);
  EXPECT_EQ(j["types"][2]["label"], "农民专业合作社");
  ASSERT_EQ(j["statuses"].size(), 3u);
  EXPECT_EQ(j["statuses"][2]["key"], "closed");
  EXPECT_EQ(j["fields"][0]["name"], "type");
}

TEST(VentureCli, ImportPrintsTheSummaryAndExitsByVerdict) {
  ServerProcess s;
  std::string dir = s.dir();
  std::string number = guiyan::core::complete_id_number("42102219800101051");
  std::ofstream(dir + "/people.csv")
      << "姓名,身份证号,户籍地\n命令行创业者," << number << ",421022109001\n";
  std::string out;
  ASSERT_EQ(s.cli({"import", "people", dir + "/people.csv"}, "", &out), 0) << out;
  std::ofstream(dir + "/good.csv") << "主体类型,主体名称,所在地,创办人身份证号,带动就业人数\n"
                                      "个体户,命令行小店,荆州市/公安县/南平镇,"
                                   << number << ",2\n";
  std::ofstream(dir + "/bad.csv") << "主体类型,主体名称,所在地,创办人身份证号\n个体户,无主小店,"
                                     "421022109,"
                                  << guiyan::core::complete_id_number("42102219800101069") << "\n";
  EXPECT_EQ(s.cli({"import", "ventures", dir + "/good.csv"}, "", &out), 0);
  EXPECT_NE(out.find("\"new\":1"), std::string::npos) << out;
  EXPECT_EQ(s.cli({"import", "ventures", dir + "/good.csv"}, "", &out), 0);
  EXPECT_NE(out.find("\"unchanged\":1"), std::string::npos) << out;
  EXPECT_EQ(s.cli({"import", "ventures", dir + "/bad.csv", "--dry-run"}, "", &out), 1);
  EXPECT_NE(out.find("\"rejected\":1"), std::string::npos) << out;
}

TEST(VentureCli, AnUnreadableDescribingCellIsLeftOutAndTheVentureKept) {
  ServerProcess s;
  std::string dir = s.dir();
  std::string number = guiyan::core::complete_id_number("42102219800101077");
  std::ofstream(dir + "/people.csv")
      << "姓名,身份证号,户籍地\n描述创业者," << number << ",421022109001\n";
  std::string out;
  ASSERT_EQ(s.cli({"import", "people", dir + "/people.csv"}, "", &out), 0) << out;
  // Row 2: an industry and a park answer nobody can read, left out. Row 3: the same industry,
  // but a place that does not exist refuses the row, and the industry is named to mend too.
  std::ofstream(dir + "/loose.csv")
      << "主体类型,主体名称,行业,所在地,是否入驻创业园区,创办人身份证号,带动就业人数\n"
         "个体户,描述小店,汽车美容,荆州市/公安县/南平镇,看情况,"
      << number
      << ",2\n"
         "个体户,描述二店,汽车美容,火星,是,"
      << number << ",2\n";
  std::vector<std::string> args = {"import", "ventures", dir + "/loose.csv", "--report",
                                   dir + "/r.xlsx"};
  EXPECT_EQ(s.cli(args, "", &out), 1) << out;
  EXPECT_NE(out.find("\"new\":1"), std::string::npos) << out;
  EXPECT_NE(out.find("\"rejected\":1"), std::string::npos) << out;
  std::string reasons = report_lines(dir + "/r.xlsx");
  for (const char* line :
       {"2 行业: 行业“汽车美容”不是国民经济行业分类（GB/T 4754）的门类或大类；此项未导入\n",
        "2 是否入驻创业园区: 是否入驻创业园区应填“是”或“否”，实际为“看情况”；此项未导入\n",
        "3 行业: 行业“汽车美容”不是国民经济行业分类（GB/T 4754）的门类或大类\n",
        "3 所在地: 所在地"}) {
    EXPECT_NE(reasons.find(line), std::string::npos) << line << "\n" << reasons;
  }
  EXPECT_EQ(s.cli(args, "", &out), 1) << out;
  EXPECT_NE(out.find("\"unchanged\":1"), std::string::npos) << out;
  // Saved without the two: the industry and the park answer unknown rather than a guess.
  s.add_user("venture_clerk", "clerk", "421022", "公安县人社局", kPassword);
  s.start();
  HttpClient c(s.port());
  auto list =
      c.get("/api/v1/ventures?q=" + url_encode("描述小店"), token_of(c, "venture_clerk")).json();
  ASSERT_EQ(list["total"], 1) << list.dump();
  EXPECT_TRUE(list["items"][0]["industry"].is_null()) << list.dump();
  EXPECT_TRUE(list["items"][0]["in_park"].is_null()) << list.dump();
  EXPECT_EQ(list["items"][0]["region_code"], "421022109");
}
