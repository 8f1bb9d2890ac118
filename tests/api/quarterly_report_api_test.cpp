// Quarterly reports 信息报送 through the real server: reporting lines, filing at the quarter's
// boundaries, the office's view of who has not filed, a lead unit's view and compilation,
// reminders and the .xlsx export read back; on a server of its own.
#include <fstream>

#include "api/own_server.h"
#include "io/sheet_reader.h"

using namespace guiyan::testing;

namespace {

class QuarterlyReportApi : public OwnServerSuite {
 protected:
  static std::string report_field_of(const HttpResult& r) {
    return r.json()["error"].value("field", std::string());
  }
  static int64_t report_dept(const std::string& name) {
    auto j = get("jz_office", "/api/v1/departments?limit=500").json();
    for (const auto& d : j["items"]) {
      if (d["name"] == name) return d["id"];
    }
    throw std::runtime_error("no department " + name);
  }
  static HttpResult file(const std::string& user, int year, int quarter, const std::string& on,
                         const std::string& progress = "推进情况") {
    return post(user, "/api/v1/quarterly-reports",
                {{"year", year},
                 {"quarter", quarter},
                 {"progress", progress},
                 {"problems", "要素保障不足"},
                 {"experience", "专班调度"},
                 {"filed_on", on}});
  }
  // The row of unit `id` in a sheet.
  static nlohmann::json row_of(const nlohmann::json& sheet, int64_t id) {
    for (const auto& i : sheet["items"]) {
      if (i["department_id"] == id) return i;
    }
    return nullptr;
  }

  static void SetUpTestSuite() {
    server = std::make_unique<ServerProcess>();
    server->add_user("jz_office", "clerk", "421000", "荆州市联席会议办公室", kPassword);
    server->add_user("jz_inv", "clerk", "421000", "荆州市招商服务中心", kPassword);
    server->add_user("jz_fed", "clerk", "421000", "荆州市工商业联合会", kPassword);
    server->add_user("ga_gov", "clerk", "421022", "公安县人民政府", kPassword);
    server->add_user("jl_gov", "clerk", "421088", "监利市人民政府", kPassword);
    server->add_user("jz_edu", "clerk", "421000", "荆州市教育局", kPassword);
    server->add_user("jz_aud", "auditor", "421000", "荆州市联席会议办公室", kPassword);
    server->start();
    office = report_dept("荆州市联席会议办公室");
    inv = report_dept("荆州市招商服务中心");
    fed = report_dept("荆州市工商业联合会");
    ga = report_dept("公安县人民政府");
    jl = report_dept("监利市人民政府");
    // The counties and the investment centre report to the office (the default); the
    // federation to the investment centre.
    for (int64_t d : {ga, jl, inv}) {
      auto r =
          put("jz_office", "/api/v1/report-lines/" + std::to_string(d), nlohmann::json::object());
      if (r.status != 200) throw std::runtime_error("line: " + r.body);
    }
    auto r = put("jz_office", "/api/v1/report-lines/" + std::to_string(fed),
                 {{"lead_department_id", inv}});
    if (r.status != 200) throw std::runtime_error("line: " + r.body);
  }
  static void TearDownTestSuite() {
    tokens.clear();
    server.reset();
  }
  static inline int64_t office = 0, inv = 0, fed = 0, ga = 0, jl = 0;
};

}  // namespace

TEST_F(QuarterlyReportApi, ReportingLinesDefaultToTheJointOffice) {
  auto lines = get("jz_office", "/api/v1/report-lines").json();
  EXPECT_EQ(lines["joint_office"]["id"], office);
  ASSERT_EQ(lines["items"].size(), 4u);
  for (const auto& l : lines["items"]) {
    EXPECT_EQ(l["lead_department_id"], l["department_id"] == fed ? inv : office);
    EXPECT_EQ(l["region_code"], "421000");
  }
  EXPECT_EQ(
      put("ga_gov", "/api/v1/report-lines/" + std::to_string(fed), nlohmann::json::object()).status,
      404);  // not its scope; and a county clerk lacks nothing but the scope
  auto self = put("jz_office", "/api/v1/report-lines/" + std::to_string(inv),
                  {{"lead_department_id", inv}});
  EXPECT_EQ(report_field_of(self), "lead_department_id");
}

TEST_F(QuarterlyReportApi, LatenessAtTheQuarterBoundaries) {
  // Q1 2025: the last day is on time, the next day one day late.
  auto on_time = file("ga_gov", 2025, 1, "2025-03-31");
  ASSERT_EQ(on_time.status, 201) << on_time.body;
  EXPECT_EQ(on_time.json()["timeliness"], "on_time");
  EXPECT_EQ(on_time.json()["window"]["opens_on"], "2025-03-25");
  EXPECT_EQ(on_time.json()["window"]["due_on"], "2025-03-31");
  auto late = file("jl_gov", 2025, 1, "2025-04-01");
  ASSERT_EQ(late.status, 201) << late.body;
  EXPECT_EQ(late.json()["timeliness"], "late");
  EXPECT_EQ(late.json()["days_late"], 1);
  EXPECT_TRUE(late.json()["late"]);
  auto early = file("jz_inv", 2025, 1, "2025-03-10");
  EXPECT_EQ(early.json()["timeliness"], "early");
  // Q4: 31 December on time, the next year's 1 January late.
  EXPECT_EQ(file("ga_gov", 2025, 4, "2025-12-31").json()["timeliness"], "on_time");
  EXPECT_EQ(file("jl_gov", 2025, 4, "2026-01-01").json()["timeliness"], "late");
  // An edit keeps the first filing date and answers 200.
  auto edit = file("jl_gov", 2025, 4, "2026-01-05", "改后的推进情况");
  ASSERT_EQ(edit.status, 200) << edit.body;
  EXPECT_EQ(edit.json()["report"]["filed_on"], "2026-01-01");
  EXPECT_EQ(edit.json()["report"]["progress"], "改后的推进情况");
  // The office's sheet of Q4 as of 2 January: who filed, who is late, who is missing.
  auto sheet = get("jz_office", "/api/v1/quarterly-reports?year=2025&quarter=4&as_of=2026-01-02");
  ASSERT_EQ(sheet.status, 200) << sheet.body;
  auto s = sheet.json();
  EXPECT_EQ(s["counts"]["members"], 4);
  EXPECT_EQ(s["counts"]["filed"], 2);
  EXPECT_EQ(s["counts"]["late"], 1);
  EXPECT_EQ(s["counts"]["missing"], 2);
  EXPECT_EQ(row_of(s, inv)["timeliness"], "missing");
  EXPECT_EQ(row_of(s, inv)["days_late"], 2);
  EXPECT_EQ(row_of(s, jl)["timeliness"], "late");
  // Before the window opens nothing is missing yet.
  auto before =
      get("jz_office", "/api/v1/quarterly-reports?year=2025&quarter=4&as_of=2025-12-24").json();
  EXPECT_EQ(row_of(before, inv)["timeliness"], "not_due");
  EXPECT_EQ(
      row_of(
          get("jz_office", "/api/v1/quarterly-reports?year=2025&quarter=4&as_of=2025-12-25").json(),
          inv)["timeliness"],
      "open");
}

TEST_F(QuarterlyReportApi, RefusesBadFilingsNamingTheField) {
  auto bad = [&](const std::string& user, nlohmann::json body) {
    return report_field_of(post(user, "/api/v1/quarterly-reports", body));
  };
  EXPECT_EQ(bad("ga_gov", {{"year", 2025}, {"quarter", 5}, {"progress", "x"}}), "quarter");
  EXPECT_EQ(bad("ga_gov", {{"quarter", 1}, {"progress", "x"}}), "year");
  EXPECT_EQ(bad("ga_gov", {{"year", 2025}, {"quarter", 1}}), "progress");
  EXPECT_EQ(bad("ga_gov",
                {{"year", 2025}, {"quarter", 2}, {"progress", "x"}, {"filed_on", "2999-01-01"}}),
            "filed_on");
  EXPECT_EQ(bad("ga_gov",
                {{"year", 2025}, {"quarter", 3}, {"progress", "x"}, {"filed_on", "2025-06-30"}}),
            "filed_on");  // before the quarter began
  // 教育局 is no member unit; the county may not file for another unit.
  EXPECT_EQ(bad("jz_edu", {{"year", 2025}, {"quarter", 2}, {"progress", "x"}}), "department_id");
  EXPECT_EQ(
      bad("ga_gov", {{"year", 2025}, {"quarter", 2}, {"progress", "x"}, {"department_id", jl}}),
      "department_id");
  EXPECT_EQ(get("jz_office", "/api/v1/quarterly-reports?year=2025").status, 400);
}

TEST_F(QuarterlyReportApi, LeadUnitSeesItsUnitsCompilesAndLocksThem) {
  ASSERT_EQ(file("jz_fed", 2025, 2, "2025-06-28").status, 201);
  // The investment centre sees only the federation, which reports to it.
  auto mine = get("jz_inv", "/api/v1/quarterly-reports?year=2025&quarter=2&lead_department_id=" +
                                std::to_string(inv));
  ASSERT_EQ(mine.status, 200) << mine.body;
  ASSERT_EQ(mine.json()["items"].size(), 1u);
  EXPECT_EQ(mine.json()["items"][0]["department_id"], fed);
  // The county may not read the investment centre's view nor the city's sheet.
  EXPECT_EQ(get("ga_gov", "/api/v1/quarterly-reports?year=2025&quarter=2&lead_department_id=" +
                              std::to_string(inv))
                .status,
            404);
  EXPECT_EQ(get("ga_gov", "/api/v1/quarterly-reports?year=2025&quarter=2&region=421000").status,
            404);
  auto c = post("jz_inv", "/api/v1/quarterly-reports/compilations",
                {{"year", 2025}, {"quarter", 2}, {"content", "工商联按时报送。"}});
  ASSERT_EQ(c.status, 201) << c.body;
  EXPECT_EQ(c.json()["lead_department_id"], inv);
  // Compiled: the federation's report can no longer change.
  auto locked = file("jz_fed", 2025, 2, "2025-06-29", "再改");
  EXPECT_EQ(locked.status, 409);
  auto sheet = get("jz_office", "/api/v1/quarterly-reports?year=2025&quarter=2").json();
  ASSERT_EQ(sheet["compilations"].size(), 1u);
  EXPECT_EQ(sheet["compilations"][0]["content"], "工商联按时报送。");
  EXPECT_TRUE(
      get("jz_fed", "/api/v1/quarterly-reports/unit?year=2025&quarter=2").json()["compiled"]);
}

TEST_F(QuarterlyReportApi, RemindersGoToNonFilersAndTheQuarterExports) {
  ASSERT_EQ(file("ga_gov", 2024, 3, "2024-09-26").status, 201);
  auto sent =
      post("jz_office", "/api/v1/quarterly-reports/reminders",
           {{"year", 2024}, {"quarter", 3}, {"message", "请尽快报送"}, {"sent_on", "2024-10-08"}});
  ASSERT_EQ(sent.status, 201) << sent.body;
  EXPECT_EQ(sent.json()["count"], 3);  // all but 公安县
  EXPECT_EQ(post("jz_inv", "/api/v1/quarterly-reports/reminders", {{"year", 2024}, {"quarter", 3}})
                .status,
            201);  // any clerk of the city may remind (task:supervise)
  auto sheet =
      get("jz_office", "/api/v1/quarterly-reports?year=2024&quarter=3&as_of=2024-10-08").json();
  EXPECT_EQ(row_of(sheet, jl)["reminders"].size(), 2u);
  EXPECT_EQ(row_of(sheet, jl)["reminders"][0]["sent_on"], "2024-10-08");
  EXPECT_TRUE(row_of(sheet, ga)["reminders"].empty());
  auto x =
      get("jz_office", "/api/v1/quarterly-reports/export?year=2024&quarter=3&as_of=2024-10-08");
  ASSERT_EQ(x.status, 200) << x.body;
  std::string path = server->dir() + "/quarter.xlsx";
  std::ofstream(path, std::ios::binary) << x.body;
  std::vector<std::vector<std::string>> rows;
  guiyan::io::read_sheet(path, [&](const guiyan::io::SheetRow& r) {
    rows.push_back(r.cells);
    return true;
  });
  ASSERT_EQ(rows.size(), 5u);  // the header and four member units
  EXPECT_EQ(rows[0][1], "成员单位");
  EXPECT_EQ(rows[0][6], "工作推进情况");
  bool ga_row = false;
  for (const auto& r : rows) {
    if (r[1] == "公安县人民政府") {
      ga_row = true;
      EXPECT_EQ(r[4], "按时报送");
      EXPECT_EQ(r[6], "推进情况");
    }
  }
  EXPECT_TRUE(ga_row);
  auto page = get("jz_office", "/api/v1/quarterly-reports/print?year=2024&quarter=3");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("2024年第三季度"), std::string::npos);
  EXPECT_NE(page.body.find("公安县人民政府"), std::string::npos);
  auto log = get("jz_aud", "/api/v1/audit?entity=quarterly_report&action=export").json();
  EXPECT_EQ(log["items"].size(), 1u);
}
