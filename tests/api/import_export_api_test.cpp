// Uploads run as background jobs on whichever server claims them; ledgers export as real files.
#include <fstream>
#include <thread>

#include "api/api_env.h"
#include "core/clock.h"
#include "core/date.h"
#include "core/id_number.h"
#include "io/sheet_reader.h"
#include "support/postgres_server.h"

using namespace guiyan::testing;

namespace {

HttpResult upload(HttpClient& c, const std::string& token, const std::string& query,
                  const std::string& bytes) {
  return c.request("POST", "/api/v1/imports?" + query, bytes,
                   {"Authorization: Bearer " + token, "Content-Type: application/octet-stream"});
}

nlohmann::json wait_done(HttpClient& c, const std::string& token, int64_t id) {
  for (int i = 0; i < 300; ++i) {
    auto j = c.get("/api/v1/imports/" + std::to_string(id), token).json();
    if (j["status"] == "done" || j["status"] == "failed") return j;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  throw std::runtime_error("import did not finish");
}

std::vector<std::vector<std::string>> read_file(const std::string& path) {
  std::vector<std::vector<std::string>> rows;
  guiyan::io::read_sheet(path, [&](const guiyan::io::SheetRow& r) {
    rows.push_back(r.cells);
    return true;
  });
  return rows;
}

}  // namespace

TEST(ImportApi, DryRunThenCommitOnTwoServersRunsEachJobOnce) {
  ServerProcess a;
  a.add_user("up_clerk", "clerk", "421000", "荆州市人社局", kPassword);
  ServerProcess b(a.db_url());
  a.start();
  b.start();
  HttpClient ca(a.port()), cb(b.port());
  std::string t = token_of(ca, "up_clerk");
  std::string csv = "姓名,身份证号,户籍地\n";
  for (int i = 0; i < 40; ++i) {
    char stem[32];
    std::snprintf(stem, sizeof stem, "421022199001%02d%03d", 1 + i % 28, i);
    csv +=
        "导入" + std::to_string(i) + "," + guiyan::core::complete_id_number(stem) + ",421022100\n";
  }
  std::string typo = guiyan::core::complete_id_number("42102219900101999");
  typo.back() = typo.back() == '1' ? '2' : '1';
  csv += "错号," + typo + ",421022100\n";  // kept, unverified, with a warning
  csv += "坏行," + guiyan::core::complete_id_number("42102219900101998") +
         ",\n";  // no household region: rejected
  auto queued = upload(ca, t, "kind=people&filename=ledger.csv&source=survey&dry_run=true", csv);
  ASSERT_EQ(queued.status, 202) << queued.body;
  int64_t id = queued.json()["id"];
  auto dry = wait_done(cb, t, id);  // seen from the other server
  EXPECT_EQ(dry["status"], "done") << dry.dump();
  EXPECT_EQ(dry["rows_read"], 42);
  EXPECT_EQ(dry["rejected"], 1);
  EXPECT_EQ(dry["new"], 41);
  ASSERT_EQ(dry["issues"].size(), 2u) << dry.dump();
  EXPECT_EQ(dry["issues"][0]["row"], 42);
  EXPECT_EQ(dry["issues"][0]["kept"], true);
  EXPECT_EQ(dry["issues"][1]["row"], 43);
  EXPECT_EQ(dry["issues"][1]["kept"], false);
  EXPECT_EQ(ca.get("/api/v1/people?limit=1", t).json()["total"], 0);  // a dry run writes nothing
  // The report is a real .xlsx file.
  auto report = ca.get("/api/v1/imports/" + std::to_string(id) + "/report", t);
  ASSERT_EQ(report.status, 200);
  EXPECT_NE(report.headers["content-disposition"].find("filename*=UTF-8''"), std::string::npos);
  std::string path = a.dir() + "/report.xlsx";
  std::ofstream(path, std::ios::binary) << report.body;
  auto rows = read_file(path);
  ASSERT_GE(rows.size(), 4u);
  EXPECT_EQ(rows[2][0], "42");
  EXPECT_EQ(rows[2][4], "已导入，待核实");
  EXPECT_EQ(rows[3][0], "43");
  EXPECT_EQ(rows[3][4], "未导入");
  // Commit through the other server: the same file, for real, run by exactly one worker.
  auto commit =
      cb.post("/api/v1/imports/" + std::to_string(id) + "/commit", nlohmann::json::object(), t);
  ASSERT_EQ(commit.status, 202) << commit.body;
  auto real = wait_done(ca, t, commit.json()["id"]);
  EXPECT_EQ(real["new"], 41);
  EXPECT_EQ(ca.get("/api/v1/people?limit=1", t).json()["total"], 41);
  EXPECT_EQ(
      cb.post("/api/v1/imports/" + std::to_string(id) + "/commit", nlohmann::json::object(), t)
          .status,
      202);  // a second commit imports again: idempotent, nothing new
  EXPECT_EQ(ca.get("/api/v1/imports", t).json()["items"].size(), 3u);
}

// A county clerk's sheet names its villages alone: of the province's three 东湖村, the county's
// own is meant; for a city clerk, all three are its own, and the cell stays ambiguous.
TEST(ImportApi, AnOfficesVillagesByNameAloneAreItsOwn) {
  ServerProcess s;
  s.add_user("dh_city", "clerk", "421000", "荆州市人社局", kPassword);
  s.add_user("dh_county", "clerk", "421022", "公安县人社局", kPassword);
  s.start();
  HttpClient c(s.port());
  std::string csv = "姓名,联系电话,户籍地\n张东湖,13800001234,东湖村\n";
  auto dry_run = [&](const std::string& token) {
    auto queued = upload(c, token, "kind=people&filename=dh.csv&dry_run=true", csv);
    EXPECT_EQ(queued.status, 202) << queued.body;
    return wait_done(c, token, queued.json()["id"]);
  };
  std::string city = token_of(c, "dh_city"), county = token_of(c, "dh_county");
  auto ambiguous = dry_run(city);
  EXPECT_EQ(ambiguous["rejected"], 1) << ambiguous.dump();
  ASSERT_EQ(ambiguous["issues"].size(), 1u);
  EXPECT_NE(ambiguous["issues"][0]["reason"].get<std::string>().find("有3个同名区划"),
            std::string::npos)
      << ambiguous.dump();
  auto own = dry_run(county);
  EXPECT_EQ(own["rejected"], 0) << own.dump();
  EXPECT_EQ(own["new"], 1);
  auto commit = c.post("/api/v1/imports/" + std::to_string(int64_t(own["id"])) + "/commit",
                       nlohmann::json::object(), county);
  ASSERT_EQ(commit.status, 202) << commit.body;
  EXPECT_EQ(wait_done(c, county, commit.json()["id"])["new"], 1);
  auto people = c.get("/api/v1/people", county).json();
  ASSERT_EQ(people["total"], 1) << people.dump();
  EXPECT_EQ(people["items"][0]["region_code"], "421022100238");
}

TEST(ImportApi, UploadsAreCheckedBeforeQueuing) {
  auto& env = ApiEnv::get();
  HttpClient c = env.client();
  std::string t = env.token("ga_clerk");
  EXPECT_EQ(upload(c, t, "kind=people&filename=a.pdf", "x").json()["error"]["field"], "filename");
  EXPECT_EQ(upload(c, t, "kind=projects&filename=a.csv", "x").json()["error"]["field"], "kind");
  EXPECT_EQ(upload(c, t, "kind=people&filename=a.csv&source=rumour", "x").json()["error"]["field"],
            "source");
  EXPECT_EQ(upload(c, t, "kind=people&filename=a.csv", "").json()["error"]["field"], "file");
  EXPECT_EQ(upload(c, env.token("ga_sys"), "kind=people&filename=a.csv", "x").status, 403);
  // Uploads may be larger than JSON bodies (1 MiB) but not unlimited.
  std::string big(2 << 20, 'a');
  EXPECT_EQ(upload(c, t, "kind=people&filename=big.csv", big).status, 202);
  EXPECT_EQ(upload(c, t, "kind=people&filename=huge.csv", std::string(65 << 20, 'a')).status, 413);
}

TEST(ExportApi, LedgerDownloadsAreMaskedUnlessUnmaskedAndAudited) {
  ServerProcess s;  // its own database: the people counted elsewhere stay as they are
  s.add_user("jl_clerk", "clerk", "421088", "监利市人社局", kPassword);
  s.add_user("city_aud", "auditor", "421000", "荆州市人社局", kPassword);
  s.add_user("city_sys", "sysadmin", "421000", "荆州市人社局", kPassword);
  s.start();
  HttpClient c(s.port());
  std::string t = token_of(c, "jl_clerk");
  std::string id = guiyan::core::complete_id_number("42108819800808001");
  ASSERT_EQ(c.post("/api/v1/people",
                   {{"name", "导出甲"},
                    {"id_number", id},
                    {"region_code", "421088"},
                    {"phone", "13912340000"},
                    {"skills", {"电工", "焊工"}},
                    {"labour_brand", "监利铍铝商"},
                    {"willing", true}},
                   t)
                .status,
            201);
  auto masked = c.get("/api/v1/people/export?format=xlsx&q=%E5%AF%BC%E5%87%BA%E7%94%B2", t);
  ASSERT_EQ(masked.status, 200) << masked.body;
  EXPECT_NE(masked.headers["content-type"].find("spreadsheetml"), std::string::npos);
  std::string path = s.dir() + "/export.xlsx";
  std::ofstream(path, std::ios::binary) << masked.body;
  auto rows = read_file(path);
  ASSERT_EQ(rows.size(), 2u);  // header + one person
  auto col = [&](const std::string& name) {
    return std::find(rows[0].begin(), rows[0].end(), name) - rows[0].begin();
  };
  EXPECT_EQ(rows[1][col("姓名")], "导出甲");
  EXPECT_EQ(rows[1][col("身份证号")], "4210**********" + id.substr(14));
  EXPECT_EQ(rows[1][col("技能特长")], "电工、焊工");
  EXPECT_EQ(rows[1][col("联系电话")], "139****0000");
  EXPECT_EQ(rows[1][col("劳务品牌")], "监利铍铝商");
  EXPECT_EQ(rows[1][col("有创业意愿")], "是");
  EXPECT_EQ(rows[1][col("出生日期")], "1980-08-08");
  EXPECT_EQ(rows[1][col("年龄")],  // full years on the day of the export, as the list shows
            std::to_string(guiyan::core::Date{1980, 8, 8}.age_on(
                *guiyan::core::Date::parse_iso(guiyan::core::today_local()))));
  auto full = c.get("/api/v1/people/export?format=csv&unmask=true&q=" + id, t);
  ASSERT_EQ(full.status, 200);
  EXPECT_NE(full.body.find(id), std::string::npos);
  EXPECT_EQ(full.body.substr(0, 3), "\xEF\xBB\xBF");  // BOM for Excel
  auto log = c.get("/api/v1/audit?action=export&user=jl_clerk", token_of(c, "city_aud")).json();
  ASSERT_GE(log["items"].size(), 2u);
  EXPECT_EQ(log["items"][0]["after"]["unmasked"], true);
  EXPECT_EQ(log["items"][0]["after"]["rows"], 1);
  EXPECT_EQ(c.get("/api/v1/people/export?format=pdf", t).status, 400);
  EXPECT_EQ(c.get("/api/v1/people/export", token_of(c, "city_sys")).status, 403);
}

TEST(ImportApi, AStoppingServerHandsItsImportToAnother) {
  ServerProcess a;
  a.add_user("long_clerk", "clerk", "421000", "荆州市人社局", kPassword);
  a.start();
  HttpClient ca(a.port());
  std::string t = token_of(ca, "long_clerk");
  std::string csv = "姓名,身份证号,户籍地\n";
  const int n = testing_on_postgres() || sanitized_build()
                    ? 6000
                    : 30000;  // long enough to be stopped midway
  for (int i = 0; i < n; ++i) {
    char stem[32];
    std::snprintf(stem, sizeof stem, "421022%04d0101%03d", 1950 + i / 1000, i % 1000);
    csv +=
        "长表" + std::to_string(i) + "," + guiyan::core::complete_id_number(stem) + ",421022100\n";
  }
  auto queued = upload(ca, t, "kind=people&filename=long.csv&dry_run=false", csv);
  ASSERT_EQ(queued.status, 202) << queued.body;
  std::string job = "/api/v1/imports/" + std::to_string(queued.json()["id"].get<int64_t>());
  // Wait until the first batches are in, then stop the server.
  for (int i = 0; i < 400 && ca.get(job, t).json()["rows_read"].get<int>() == 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
  auto started = std::chrono::steady_clock::now();
  EXPECT_EQ(a.stop(), 0);
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(20));
  ServerProcess b(a.db_url());
  b.start();
  HttpClient cb(b.port());
  std::string tb = token_of(cb, "long_clerk");
  nlohmann::json done;
  for (int i = 0; i < 1200; ++i) {
    done = cb.get(job, tb).json();
    if (done["status"] == "done" || done["status"] == "failed") break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_EQ(done["status"], "done") << done.dump();
  EXPECT_EQ(cb.get("/api/v1/people?limit=1", tb).json()["total"], n);  // no duplicates, none lost
}
