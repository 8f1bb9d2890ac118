// Targets, indicators and the dashboard through the real server, on a server of this suite's own
// with a fixed data set whose answers are worked out by hand below (every figure counts the whole
// region, so the shared server's other suites would change them).
#include <filesystem>
#include <fstream>
#include <thread>

#include "api/own_server.h"
#include "core/credit_code.h"
#include "core/id_number.h"
#include "io/xlsx_writer.h"

using namespace guiyan::testing;

namespace {

class IndicatorApi : public OwnServerSuite {
 protected:
  static void must(const HttpResult& r, int status, const std::string& what) {
    if (r.status != status) throw std::runtime_error(what + ": " + r.body);
  }
  // A person of the registry working away: `province` where, `status` since `since`.
  static int64_t person(const std::string& user, const std::string& stem, const std::string& region,
                        const std::string& province, const std::string& status,
                        const std::string& since) {
    auto r = post(user, "/api/v1/people",
                  {{"name", "指标测试" + stem.substr(13)},
                   {"id_number", guiyan::core::complete_id_number(stem)},
                   {"region_code", region},
                   {"work_province", province},
                   {"status", status},
                   {"status_since", since}});
    must(r, 201, "person " + stem);
    return r.json()["id"];
  }
  static void venture(const std::string& user, int n, const std::string& region,
                      const std::string& registered_on, int64_t founder) {
    char stem[32];
    std::snprintf(stem, sizeof stem, "92421022MA4WC%04d", n);
    must(post(user, "/api/v1/ventures",
              {{"type", "个体户"},
               {"name", "指标测试主体" + std::to_string(n)},
               {"credit_code", guiyan::core::complete_credit_code(stem)},
               {"registered_on", registered_on},
               {"founder_ids", {founder}},
               {"region_code", region}}),
         201, "venture " + std::to_string(n));
  }
  static void project(const std::string& user, const std::string& name, const std::string& region,
                      int64_t amount_wan, const std::string& stage, const std::string& on) {
    must(post(user, "/api/v1/projects",
              {{"name", name},
               {"region_code", region},
               {"amount_wan", amount_wan},
               {"stage", stage},
               {"stage_on", on}}),
         201, "project " + name);
  }
  static nlohmann::json figures(const std::string& user, const std::string& code,
                                const std::string& region, int year) {
    auto r = get(
        user, "/api/v1/indicators/" + code + "?region=" + region + "&year=" + std::to_string(year));
    must(r, 200, "figures " + code);
    return r.json();
  }
  static nlohmann::json child(const nlohmann::json& fig, const std::string& code) {
    for (const auto& c : fig["children"]) {
      if (c["code"] == code) return c;
    }
    return nullptr;
  }

  static void SetUpTestSuite() {
    server = std::make_unique<ServerProcess>();
    server->add_user("jz_leader", "leader", "421000", "荆州市人社局", kPassword);
    server->add_user("jz_clerk", "clerk", "421000", "荆州市人社局", kPassword);
    server->add_user("ga_clerk", "clerk", "421022", "公安县人社局", kPassword);
    server->add_user("jl_clerk", "clerk", "421088", "监利市人社局", kPassword);
    server->add_user("jz_aud", "auditor", "421000", "荆州市人社局", kPassword);
    server->start();
    // Out-of-province migrant workers at the end of 2024: 公安 two (广东 away since 2024-06-01,
    // 浙江 left again on 2024-12-31 — the last day counts), 监利 one (上海 away since 2023).
    // Not counted: away only from 2025-01-01, back home since 2024-10-01, working in 湖北.
    person("ga_clerk", "42102219800101001", "421022100001", "广东省", "away", "2024-06-01");
    person("ga_clerk", "42102219800101002", "421022100001", "浙江省", "left_again", "2024-12-31");
    person("jl_clerk", "42108819800101003", "421088100001", "上海市", "away", "2023-03-01");
    person("ga_clerk", "42102219800101004", "421022100001", "广东省", "away", "2025-01-01");
    int64_t ga =
        person("ga_clerk", "42102219800101005", "421022100001", "广东省", "returned", "2024-10-01");
    int64_t jl =
        person("jl_clerk", "42108819800101006", "421088100001", "湖北省", "away", "2024-01-01");
    // New ventures in 2025: 公安 two (1 January and 31 December), 监利 one; 31 December 2024 and
    // 1 January 2026 belong to the years around it.
    venture("ga_clerk", 1, "421022100001", "2025-01-01", ga);
    venture("ga_clerk", 2, "421022100001", "2025-12-31", ga);
    venture("jl_clerk", 3, "421088100001", "2025-06-15", jl);
    venture("ga_clerk", 4, "421022100001", "2024-12-31", ga);
    venture("jl_clerk", 5, "421088100001", "2026-01-01", jl);
    // Signed projects of 1亿 (10000 万元) or more: one signed on 31 December 2025 counts in 2025,
    // one on 1 January 2026 in 2026; one of 9999 万元 is not major.
    project("ga_clerk", "年末签约项目", "421022", 12000, "signed", "2025-12-31");
    project("ga_clerk", "年初签约项目", "421022", 30000, "signed", "2026-01-01");
    project("jl_clerk", "小额签约项目", "421088", 9999, "signed", "2025-05-05");
    // Events held: the city's on 31 December 2025 counts in 2025, its 1 January 2026 one in 2026,
    // a cancelled one never; 公安's county event counts for 公安 (county level), not the city.
    event("jz_clerk", "421000", "年末楚商恳谈会", "2025-12-31", "held");
    event("jz_clerk", "421000", "新春团拜会", "2026-01-01", "held");
    event("jz_clerk", "421000", "取消的推介会", "2025-06-01", "cancelled");
    event("ga_clerk", "421022", "公安县清明推介会", "2025-04-04", "held");
  }
  static void event(const std::string& user, const std::string& region, const std::string& title,
                    const std::string& held_on, const std::string& status) {
    must(post(user, "/api/v1/events",
              {{"region_code", region},
               {"type", "promotion"},
               {"title", title},
               {"held_on", held_on},
               {"status", status}}),
         201, "event " + title);
  }
  static void TearDownTestSuite() {
    tokens.clear();
    server.reset();
  }
};

}  // namespace

TEST_F(IndicatorApi, TheCatalogueListsTheIndicatorsWithTheirDefaultTargets) {
  auto r = get("jz_leader", "/api/v1/indicators");
  ASSERT_EQ(r.status, 200) << r.body;
  std::map<std::string, nlohmann::json> by_code;
  auto catalogue = r.json();  // not r.json()["items"] in the loop: that member would dangle
  for (const auto& i : catalogue["items"]) by_code[i["code"]] = i;
  ASSERT_TRUE(by_code.count("new_venture_ratio"));
  EXPECT_EQ(by_code["new_venture_ratio"]["default_targets"]["all"], 0.02);
  EXPECT_EQ(by_code["events_city"]["default_targets"]["city"], 4);
  EXPECT_EQ(by_code["events_county"]["default_targets"]["county"], 6);
  EXPECT_EQ(by_code["merchant_freshness"]["default_targets"]["all"], 0.9);
  EXPECT_EQ(by_code["model_cases"]["kind"], "entered");
  // An auditor holds no indicator permission.
  EXPECT_EQ(get("jz_aud", "/api/v1/indicators").status, 403);
}

TEST_F(IndicatorApi, OutOfProvinceWorkersAreCountedAsTheyStoodAtThePreviousYearEnd) {
  auto f = figures("jz_leader", "out_of_province_workers", "421000", 2025);
  EXPECT_EQ(f["actual"], 3) << f.dump();
  EXPECT_EQ(child(f, "421022")["actual"], 2);
  EXPECT_EQ(child(f, "421088")["actual"], 1);
  // At the end of 2025 the one away from 1 January 2025 is counted too, the returned one not.
  EXPECT_EQ(figures("jz_leader", "out_of_province_workers", "421000", 2026)["actual"], 4);
  // The people behind the figure.
  auto r = get("jz_leader",
               "/api/v1/indicators/out_of_province_workers/records?region=421022&year=2025");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["total"], 2);
  EXPECT_EQ(r.json()["items"].size(), 2u);
}

TEST_F(IndicatorApi, NewVenturesCountByRegistrationDateWithinTheYear) {
  auto f = figures("jz_leader", "new_ventures", "421000", 2025);
  EXPECT_EQ(f["actual"], 3);
  EXPECT_EQ(child(f, "421022")["actual"], 2);
  EXPECT_EQ(child(f, "421088")["actual"], 1);
  ASSERT_TRUE(f["months"].is_array());
  EXPECT_EQ(f["months"][0], 1);   // January: 2025-01-01
  EXPECT_EQ(f["months"][5], 1);   // June
  EXPECT_EQ(f["months"][11], 1);  // December: 2025-12-31
  EXPECT_EQ(figures("jz_leader", "new_ventures", "421000", 2024)["actual"], 1);
  EXPECT_EQ(figures("jz_leader", "new_ventures", "421000", 2026)["actual"], 1);
  // The records behind December's figure: the one registered on 31 December.
  auto r =
      get("jz_leader", "/api/v1/indicators/new_ventures/records?region=421000&year=2025&month=12");
  ASSERT_EQ(r.status, 200) << r.body;
  ASSERT_EQ(r.json()["items"].size(), 1u);
  EXPECT_EQ(r.json()["items"][0]["date"], "2025-12-31");
  EXPECT_EQ(r.json()["items"][0]["title"], "指标测试主体2");
}

TEST_F(IndicatorApi, AFigureKeptBetweenRequestsFollowsTheNextChange) {
  // Read, let the probes' answer settle, read again (now kept), then register a venture: the
  // figure must count it at once.
  EXPECT_EQ(figures("jz_leader", "new_ventures", "421088", 2023)["actual"], 0);
  std::this_thread::sleep_for(std::chrono::milliseconds(2100));
  EXPECT_EQ(figures("jz_leader", "new_ventures", "421088", 2023)["actual"], 0);
  EXPECT_EQ(figures("jz_leader", "new_ventures", "421088", 2023)["actual"], 0);
  auto founder =
      person("jl_clerk", "42108819800101007", "421088100001", "湖北省", "returned", "2023-01-01");
  venture("jl_clerk", 6, "421088100001", "2023-05-05", founder);
  EXPECT_EQ(figures("jz_leader", "new_ventures", "421088", 2023)["actual"], 1);
}

TEST_F(IndicatorApi, AKeptHeadcountFollowsAPersonMovedToAnotherRegion) {
  // Two people employed at home since 2022 in 公安 (a year no other test here reads).
  int64_t a = person("ga_clerk", "42102219800101011", "421022100001", "湖北省", "employed_home",
                     "2022-03-01");
  person("ga_clerk", "42102219800101012", "421022100001", "湖北省", "employed_home", "2022-04-01");
  auto count = [](const std::string& county) {
    return child(figures("jz_leader", "employed_home", "421000", 2022), county)["actual"];
  };
  EXPECT_EQ(count("421022"), 2);
  std::this_thread::sleep_for(std::chrono::milliseconds(2100));
  EXPECT_EQ(count("421022"), 2);  // kept from here on
  // A phone edit moves no one: the counts stay.
  must(patch("jz_clerk", "/api/v1/people/" + std::to_string(a), {{"phone", "13800001111"}}), 200,
       "phone");
  EXPECT_EQ(count("421022"), 2);
  EXPECT_EQ(count("421088"), 0);
  // Moved to 监利: both counties' figures follow at once, though no history row was added.
  must(patch("jz_clerk", "/api/v1/people/" + std::to_string(a), {{"region_code", "421088100001"}}),
       200, "move");
  EXPECT_EQ(count("421022"), 1);
  EXPECT_EQ(count("421088"), 1);
}

TEST_F(IndicatorApi, MajorSignedProjectsCountInTheYearTheyWereSigned) {
  auto f = figures("jz_leader", "major_projects_signed", "421000", 2025);
  EXPECT_EQ(f["actual"], 1);  // 31 December 2025; the 9999 万元 one is not major
  EXPECT_EQ(figures("jz_leader", "major_projects_amount", "421000", 2025)["actual"], 12000);
  EXPECT_EQ(figures("jz_leader", "major_projects_signed", "421000", 2026)["actual"], 1);
  // A target entered for the city: 300 projects → completion 1/300.
  auto r = send("PUT", "jz_clerk", "/api/v1/targets",
                nlohmann::json{{"region_code", "421000"},
                               {"year", 2025},
                               {"indicator_code", "major_projects_signed"},
                               {"value", 300},
                               {"source", "2025年任务清单第13项"}}
                    .dump());
  ASSERT_EQ(r.status, 200) << r.body;
  f = figures("jz_leader", "major_projects_signed", "421000", 2025);
  EXPECT_EQ(f["target"]["value"], 300);
  EXPECT_EQ(f["target"]["default"], false);
  EXPECT_EQ(f["target"]["source"], "2025年任务清单第13项");
  EXPECT_NEAR(f["completion"].get<double>(), 1.0 / 300, 1e-4);
  EXPECT_EQ(f["reached"], false);
}

TEST_F(IndicatorApi, TheVentureRatioUsesTheOfficialFigureWhenOneIsEntered) {
  // Computed: 3 new ventures over 3 workers = 100%; the default target is 2%.
  auto f = figures("jz_leader", "new_venture_ratio", "421000", 2025);
  EXPECT_NEAR(f["actual"].get<double>(), 1.0, 1e-9);
  EXPECT_EQ(f["target"]["value"], 0.02);
  EXPECT_EQ(f["target"]["default"], true);
  // The statistics bureau's figure: 12,345 workers. 2% of it is 246.9 ventures; 3 are 0.0243%.
  auto r = send("PUT", "jz_clerk", "/api/v1/indicators/out_of_province_workers/figures",
                nlohmann::json{{"region_code", "421000"},
                               {"year", 2025},
                               {"value", 12345},
                               {"source", "市统计局2024年末数"}}
                    .dump());
  ASSERT_EQ(r.status, 200) << r.body;
  f = figures("jz_leader", "new_venture_ratio", "421000", 2025);
  EXPECT_NEAR(f["actual"].get<double>(), 0.0002, 1e-4);
  EXPECT_EQ(f["denominator"]["actual"], 12345);
  EXPECT_EQ(f["denominator"]["figure"]["source"], "市统计局2024年末数");
  EXPECT_NEAR(f["completion"].get<double>(), 0.0122, 1e-4);  // 3 / 12345 / 0.02 = 0.01215
  // The counties keep the computed denominator: 公安 2 ventures / 2 workers.
  EXPECT_NEAR(child(f, "421022")["actual"].get<double>(), 1.0, 1e-9);
  auto w = figures("jz_leader", "out_of_province_workers", "421000", 2025);
  EXPECT_EQ(w["actual"], 12345);
  EXPECT_EQ(w["computed"], 3);
  // A figure needs its source; an indicator computed from records takes none.
  r = send("PUT", "jz_clerk", "/api/v1/indicators/out_of_province_workers/figures",
           nlohmann::json{{"region_code", "421000"}, {"year", 2025}, {"value", 1}}.dump());
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.json()["error"]["field"], "source");
  r = send("PUT", "jz_clerk", "/api/v1/indicators/new_ventures/figures",
           nlohmann::json{{"region_code", "421000"}, {"year", 2025}, {"value", 1}, {"source", "x"}}
               .dump());
  EXPECT_EQ(r.status, 400);
  // Removing it brings the computed figure back.
  r = send("DELETE", "jz_clerk",
           "/api/v1/indicators/out_of_province_workers/figures?region=421000&year=2025");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(figures("jz_leader", "out_of_province_workers", "421000", 2025)["actual"], 3);
}

TEST_F(IndicatorApi, EventsCountByLevelAgainstTheDefaultMinimums) {
  auto city = figures("jz_leader", "events_city", "421000", 2025);
  EXPECT_EQ(city["actual"], 1);
  EXPECT_EQ(city["target"]["value"], 4);  // city ≥ 4 a year
  EXPECT_NEAR(city["completion"].get<double>(), 0.25, 1e-9);
  EXPECT_EQ(figures("jz_leader", "events_city", "421000", 2026)["actual"], 1);
  auto county = figures("jz_leader", "events_county", "421000", 2025);
  EXPECT_EQ(county["actual"], 1);
  EXPECT_TRUE(county["target"].is_null());  // no county minimum for a city
  EXPECT_EQ(child(county, "421022")["actual"], 1);
  EXPECT_EQ(child(county, "421022")["target"], 6);  // each county ≥ 6
  EXPECT_EQ(child(county, "421088")["actual"], 0);
}

TEST_F(IndicatorApi, TargetsStayWithinTheAccountsScopeAndRatiosAreFractions) {
  auto put = [&](const std::string& user, const std::string& region, double value) {
    return send("PUT", user, "/api/v1/targets",
                nlohmann::json{{"region_code", region},
                               {"year", 2025},
                               {"indicator_code", "new_venture_ratio"},
                               {"value", value}}
                    .dump());
  };
  EXPECT_EQ(put("ga_clerk", "421088", 0.02).status, 403);  // another county
  EXPECT_EQ(put("ga_clerk", "421000", 0.02).status, 403);  // the city above
  auto r = put("jz_clerk", "421022", 2);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.json()["error"]["field"], "value");
  EXPECT_EQ(put("jz_leader", "421022", 0.03).status, 403);  // a leader reads only
  ASSERT_EQ(put("ga_clerk", "421022", 0.03).status, 200);
  auto f = figures("jz_leader", "new_venture_ratio", "421000", 2025);
  EXPECT_EQ(child(f, "421022")["target"], 0.03);
  EXPECT_EQ(child(f, "421088")["target"], 0.02);  // the default
  // A county account cannot read the city's figures.
  EXPECT_EQ(get("ga_clerk", "/api/v1/indicators/new_ventures?region=421000&year=2025").status, 403);
  EXPECT_EQ(get("ga_clerk", "/api/v1/dashboard?region=421000&year=2025").status, 403);
  // The change is audited.
  auto a = get("jz_aud", "/api/v1/audit?entity=indicator_target");
  ASSERT_EQ(a.status, 200) << a.body;
  EXPECT_GE(a.json()["items"].size(), 1u);
}

TEST_F(IndicatorApi, TargetsImportFromASheetReportingEveryBadRow) {
  std::string csv =
      "地区,年度,指标,目标值,来源\n"
      "荆州市/公安县,2027,新增返乡创业市场主体,120,县任务书\n"
      "421088,2027,new_venture_ratio,2%,县任务书\n"
      "荆州市/不存在县,2027,落地项目,5,\n"
      "421022,二〇二七,落地项目,5,\n"
      "421022,2027,没有的指标,5,\n"
      "421022,2027,落地项目,很多,\n";
  auto dry = send("POST", "jz_clerk", "/api/v1/targets/import?filename=t.csv&dry_run=true", csv);
  ASSERT_EQ(dry.status, 200) << dry.body;
  EXPECT_EQ(dry.json()["rows"], 6);
  EXPECT_EQ(dry.json()["accepted"], 2);
  EXPECT_EQ(dry.json()["rejected"], 4);
  auto errors = dry.json()["errors"];
  ASSERT_EQ(errors.size(), 4u);
  EXPECT_EQ(errors[0]["row"], 4);
  EXPECT_EQ(errors[0]["column"], "地区");
  EXPECT_EQ(errors[1]["column"], "年度");
  EXPECT_EQ(errors[2]["column"], "指标");
  EXPECT_EQ(errors[3]["column"], "目标值");
  // Nothing stored by the dry run.
  auto f = figures("jz_leader", "new_ventures", "421000", 2027);
  EXPECT_TRUE(child(f, "421022")["target"].is_null());
  auto done = send("POST", "jz_clerk", "/api/v1/targets/import?filename=t.csv&dry_run=false", csv);
  ASSERT_EQ(done.status, 200) << done.body;
  f = figures("jz_leader", "new_ventures", "421000", 2027);
  EXPECT_EQ(child(f, "421022")["target"], 120);
  EXPECT_NEAR(child(figures("jz_leader", "new_venture_ratio", "421000", 2027), "421088")["target"]
                  .get<double>(),
              0.02, 1e-9);
  auto list = get("jz_leader", "/api/v1/targets?region=421000&year=2027");
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(list.json()["targets"].size(), 2u);
  EXPECT_EQ(list.json()["targets"][0]["source"], "县任务书");
}

TEST_F(IndicatorApi, TargetsImportFromARealExcelFileWithNumberCells) {
  // As offices save it: numbers as number cells (年度 2028, 目标值 0.025 for 2.5%).
  auto path = std::filesystem::temp_directory_path() / "guiyan-targets-test.xlsx";
  {
    guiyan::io::XlsxWriter w(path.string(), "目标任务");
    w.header({"地区", "年度", "指标", "目标值", "来源"});
    using K = guiyan::io::CellKind;
    w.row({"荆州市", "2028", "新增返乡创业市场主体占上年末省外务工人员比例", "0.025", "市政府文件"},
          {K::text, K::number, K::text, K::number, K::text});
    w.row({"荆州市/监利市", "2028", "签约亿元以上项目", "40", ""},
          {K::text, K::number, K::text, K::number, K::text});
    w.close();
  }
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::filesystem::remove(path);
  auto r =
      send("POST", "jz_clerk", "/api/v1/targets/import?filename=目标.xlsx&dry_run=false", bytes);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["accepted"], 2) << r.body;
  auto ratio = figures("jz_leader", "new_venture_ratio", "421000", 2028);
  EXPECT_NEAR(ratio["target"]["value"].get<double>(), 0.025, 1e-9);
  EXPECT_EQ(ratio["target"]["source"], "市政府文件");
  EXPECT_EQ(
      child(figures("jz_leader", "major_projects_signed", "421000", 2028), "421088")["target"], 40);
  // Not a sheet at all: a clear error, nothing stored.
  auto bad =
      send("POST", "jz_clerk", "/api/v1/targets/import?filename=x.xlsx&dry_run=false", "not a zip");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.json()["error"]["field"], "file");
}

TEST_F(IndicatorApi, TheDashboardGathersEveryIndicatorTheRankingAndThePipeline) {
  auto r = get("jz_leader", "/api/v1/dashboard?region=421000&year=2025");
  ASSERT_EQ(r.status, 200) << r.body;
  auto d = r.json();
  EXPECT_EQ(d["region"]["name"], "荆州市");
  std::map<std::string, nlohmann::json> by_code;
  for (const auto& i : d["indicators"]) by_code[i["code"]] = i;
  EXPECT_EQ(by_code["new_ventures"]["actual"], 3);
  EXPECT_EQ(by_code["major_projects_signed"]["actual"], 1);
  EXPECT_EQ(by_code["events_city"]["target"]["value"], 4);  // the city's default
  ASSERT_TRUE(d["ranking"].is_array());
  EXPECT_GE(d["ranking"].size(), 2u);
  EXPECT_EQ(d["ranking"][0]["rank"], 1);
  ASSERT_TRUE(d["pipeline"]["stages"].is_array());
  // The follow-up lists: an overdue task of the year, the latest ended quarter's reports.
  ASSERT_TRUE(d["tasks"].is_object()) << d.dump();
  EXPECT_EQ(d["tasks"]["total_overdue"], 0);
  ASSERT_TRUE(d["reports"].is_object());
  EXPECT_EQ(d["reports"]["window"]["quarter"], 4);
  auto deps = get("jz_clerk", "/api/v1/departments?limit=500").json();
  int64_t unit = 0;
  for (const auto& dep : deps["items"]) {
    if (dep["name"] == "荆州市人社局") unit = dep["id"];
  }
  ASSERT_NE(unit, 0) << deps.dump();
  auto t = post("jz_clerk", "/api/v1/tasks",
                {{"year", 2025},
                 {"content", "发布返乡创业政策清单"},
                 {"deadline", "2025年4月"},
                 {"lead_department_id", unit}});
  ASSERT_EQ(t.status, 201) << t.body;
  d = get("jz_leader", "/api/v1/dashboard?region=421000&year=2025").json();
  EXPECT_EQ(d["tasks"]["total_overdue"], 1);
  ASSERT_EQ(d["tasks"]["overdue"].size(), 1u);
  EXPECT_EQ(d["tasks"]["overdue"][0]["deadline"], "2025-04-30");
  EXPECT_EQ(d["tasks"]["overdue"][0]["lead_unit"], "荆州市人社局");
  // A county's own dashboard: its children are its townships.
  auto c = get("ga_clerk", "/api/v1/dashboard?region=421022&year=2025");
  ASSERT_EQ(c.status, 200) << c.body;
  EXPECT_EQ(c.json()["indicators"][0]["actual"], 2);
  EXPECT_EQ(get("jz_leader", "/api/v1/dashboard?region=999999&year=2025").status, 400);
  EXPECT_EQ(get("jz_leader", "/api/v1/dashboard?region=421000&year=1999").status, 400);
}
