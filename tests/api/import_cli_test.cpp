// guiyan import people: real .csv and .xlsx files through the real binary.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <fstream>
#include <map>
#include <thread>

#include "api/api_env.h"
#include "core/clock.h"
#include "core/date.h"
#include "core/id_number.h"
#include "io/sheet_reader.h"
#include "io/test_support.h"
#include "io/xlsx_writer.h"
#include "service/person_import.h"
#include "store/db.h"
#include "support/postgres_server.h"

using namespace guiyan::testing;

namespace {

// A 17-digit stem for person n born 1980–1999 in 公安县.
std::string stem(int n) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "421022%04d%02d%02d%03d", 1980 + n % 20, 1 + n % 12, 1 + n % 28,
                n % 1000);
  return buf;
}

// Unique for n < 50,000: birth year 1950 + n / 1000, sequence n % 1000.
std::string unique_stem(int n) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "421022%04d0101%03d", 1950 + n / 1000, n % 1000);
  return buf;
}

void write_file(const std::string& path, const std::string& content) {
  std::ofstream(path, std::ios::binary) << content;
}

std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

nlohmann::json summary_of(const std::string& out) {
  auto line = out.substr(out.rfind('{'));
  return nlohmann::json::parse(line);
}

// The list item of the one person a search for `q` finds; an empty object when it finds none or
// several.
nlohmann::json only_person(HttpClient& c, const std::string& token, const std::string& q) {
  auto list = c.get("/api/v1/people?q=" + url_encode(q), token).json();
  return list["total"] == 1 ? list["items"][0] : nlohmann::json::object();
}

// 资金需求 and 计划投资 (in 万元) of the one person a search for `q` finds.
std::pair<nlohmann::json, nlohmann::json> amounts_of(HttpClient& c, const std::string& token,
                                                     const std::string& q) {
  auto p = only_person(c, token, q);
  return {p["intention_funding_wan"], p["intention_investment_wan"]};
}

// The status of the one person a search for `q` finds, its date and its history, as
// "returned 2026-02-14: away@2026-01-01 returned@2026-02-14" ("not found" for none or several).
std::string statuses_of(HttpClient& c, const std::string& token, const std::string& q) {
  auto p = only_person(c, token, q);
  if (!p.contains("id")) return "not found";
  auto f =
      c.get("/api/v1/people/" + std::to_string(p["id"].get<int64_t>()) + "/file", token).json();
  const auto& since = f["person"]["status_since"];
  std::string steps = f["person"]["status"].get<std::string>() + " " +
                      (since.is_null() ? "-" : since.get<std::string>()) + ":";
  for (const auto& h : f["history"]["status"])
    steps += " " + h["status"].get<std::string>() + "@" + h["since"].get<std::string>();
  return steps;
}

// `field` of the one person a search for `name` finds, as text; "" when it finds none or several.
std::string field_of_only(HttpClient& c, const std::string& token, const std::string& name,
                          const std::string& field) {
  auto p = only_person(c, token, name);
  return p.contains(field) && p[field].is_string() ? p[field].get<std::string>() : "";
}

std::string clerk_token(HttpClient& c) {
  return c.post("/api/v1/auth/login", {{"username", "imp_clerk"}, {"password", kPassword}})
      .json()["token"];
}

// The id of the one person a search for `id_number` finds, or "" when it finds none or several.
std::string only_person_with(HttpClient& c, const std::string& token,
                             const std::string& id_number) {
  auto list = c.get("/api/v1/people?q=" + id_number, token).json();
  if (list["total"] != 1) return "";
  return std::to_string(list["items"][0]["id"].get<int64_t>());
}

int64_t people_count(ServerProcess& s, const std::string& query = "") {
  HttpClient c(s.port());
  return c.get("/api/v1/people?limit=1" + query, clerk_token(c)).json()["total"];
}

class ImportCli : public ::testing::Test {
 protected:
  void SetUp() override { s.add_user("imp_clerk", "clerk", "421000", "荆州市人社局", kPassword); }
  std::string file(const std::string& name) { return s.dir() + "/" + name; }

  // Imports the system export `name` — two people: `first`, of 杨公堤社区, and one below whose
  // ten-digit phone refuses row 4 — from the command line, then starts the server and has the
  // console's upload of the same file find `first` unchanged in a dry run.
  void expect_export_imports(const std::string& name, const std::string& first) {
    std::string out;
    EXPECT_EQ(s.cli({"import", "people", file(name), "--report", file("r.xlsx")}, "", &out), 1)
        << out;
    auto sum = summary_of(out);
    EXPECT_EQ(sum["rows_read"], 2) << out;
    EXPECT_EQ(sum["new"], 1) << out;
    EXPECT_EQ(sum["rejected"], 1) << out;
    std::string reasons = report_lines(file("r.xlsx"));
    EXPECT_NE(reasons.find("4 联系电话: 手机号应为11位"), std::string::npos) << reasons;
    s.start();
    HttpClient c(s.port());
    std::string token = clerk_token(c);
    EXPECT_EQ(field_of_only(c, token, first, "region_code"), "421022101001");
    auto job = run_import(c, token, "kind=people&filename=" + url_encode(name) + "&dry_run=true",
                          read_bytes(file(name)));
    EXPECT_EQ(job["status"], "done") << job.dump();
    EXPECT_EQ(job["unchanged"], 1) << job.dump();
  }

  ServerProcess s;
};

}  // namespace

TEST_F(ImportCli, CsvWithOfficeHeadersReportsEveryBadRow) {
  // The 17th digit gives the gender: stem(2) is a woman's, stem(1) a man's.
  std::string good1 = guiyan::core::complete_id_number(stem(2)),
              good2 = guiyan::core::complete_id_number(stem(1));
  std::string bad_check =
      stem(3) + (guiyan::core::complete_id_number(stem(3)).back() == '1' ? "2" : "1");
  write_file(file("ledger.csv"),
             "序号,姓名,性别,身份证号码,手机号,所在村,技能特长,资金需求（万元）,需求,劳务品牌\n"
             "1,王芳,女," +
                 good1 +
                 ",13871234567,荆州市/公安县/埠河镇/"
                 "埠河社区居民委员会,电工、开挖掘机,30,贷款、培训,石首防水工\n"
                 "2,李强,男," +
                 good2 +
                 ",13971234567,421022100,焊工,,,\n"
                 "3,赵六,男," +
                 bad_check +
                 ",13771234567,421022,,,,\n"
                 "4,,男,,13671234567,421022,,,,\n"
                 "5,孙七,男,,13571234567,火星市/不存在县,,,,\n"
                 "6,周八,男,,13471234567,421022,,三十多,,\n"
                 "7,吴九,男," +
                 guiyan::core::complete_id_number(stem(4)) + ",13371234567,421022,,,,\n");
  std::string out;
  int rc = s.cli({"import", "people", file("ledger.csv"), "--source", "入户调查", "--report",
                  file("report.xlsx")},
                 "", &out);
  EXPECT_EQ(rc, 1);
  auto sum = summary_of(out);
  EXPECT_EQ(sum["rows_read"], 7);
  // The mistyped ID number is kept, unverified; the unreadable 资金需求 is left out, the person
  // kept.
  EXPECT_EQ(sum["accepted"], 4);
  EXPECT_EQ(sum["rejected"], 3);
  EXPECT_EQ(sum["new"], 4);
  // The report names the row, the column and the reason in Chinese.
  std::vector<std::vector<std::string>> rows;
  guiyan::io::read_sheet(file("report.xlsx"), [&](const guiyan::io::SheetRow& r) {
    rows.push_back(r.cells);
    return true;
  });
  ASSERT_GE(rows.size(), 6u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"行号", "列", "内容", "原因", "处理"}));
  std::map<std::string, std::string> reason_by_row, outcome_by_row;
  for (size_t i = 2; i < rows.size(); ++i) {
    if (rows[i].size() >= 4) reason_by_row[rows[i][0]] += rows[i][1] + ":" + rows[i][3] + ";";
    if (rows[i].size() >= 5) outcome_by_row[rows[i][0]] = rows[i][4];
  }
  EXPECT_NE(reason_by_row["4"].find("身份证号码:"), std::string::npos) << reason_by_row["4"];
  EXPECT_NE(reason_by_row["4"].find("校验位"), std::string::npos);
  EXPECT_EQ(outcome_by_row["4"], "已导入，待核实");
  EXPECT_EQ(outcome_by_row["5"], "未导入");
  EXPECT_NE(reason_by_row["5"].find("姓名为空"), std::string::npos);
  EXPECT_NE(reason_by_row["6"].find("找不到对应的行政区划"), std::string::npos);
  EXPECT_NE(reason_by_row["7"].find(
                "资金需求（万元）:资金需求应为数字（万元），实际为“三十多”；此项未导入"),
            std::string::npos)
      << reason_by_row["7"];
  EXPECT_EQ(outcome_by_row["7"], "已导入，待核实");
  EXPECT_NE(reason_by_row["8"].find("性别与身份证号不符"), std::string::npos) << reason_by_row["8"];
  s.start();
  EXPECT_EQ(people_count(s), 4);
  // The unverified number is kept (masked), with the birth date its digits give, and found by
  // its last six characters.
  HttpClient c(s.port());
  std::string token =
      c.post("/api/v1/auth/login", {{"username", "imp_clerk"}, {"password", kPassword}})
          .json()["token"];
  auto found = c.get("/api/v1/people?q=" + bad_check.substr(12), token).json();
  ASSERT_EQ(found["total"], 1) << found.dump();
  auto zhao = found["items"][0];
  EXPECT_EQ(zhao["name"], "赵六");
  EXPECT_TRUE(zhao["id_number"].is_null());
  EXPECT_EQ(zhao["id_number_raw"], bad_check.substr(0, 4) + "**********" + bad_check.substr(14));
  EXPECT_EQ(zhao["birth_date"],
            bad_check.substr(6, 4) + "-" + bad_check.substr(10, 2) + "-" + bad_check.substr(12, 2));
  // Skills outside the dictionary are kept as text and still searchable.
  EXPECT_EQ(people_count(s, "&q=%E6%8C%96%E6%8E%98%E6%9C%BA"), 1);  // 挖掘机
}

TEST_F(ImportCli, DryRunWritesNothingAndReimportIsIdempotent) {
  std::string content = "姓名,身份证号,联系电话,户籍地\n";
  for (int i = 0; i < 30; ++i) {
    content += "人员" + std::to_string(i) + "," + guiyan::core::complete_id_number(stem(i)) +
               ",1380000" + std::to_string(1000 + i) + ",421022100\n";
  }
  content += "无证件,,13912345678,421022100\n";
  // A mistyped number without a phone: found again by name and that number.
  std::string typo =
      stem(40) + (guiyan::core::complete_id_number(stem(40)).back() == '1' ? "2" : "1");
  content += "错号," + typo + ",,421022100\n";
  write_file(file("p.csv"), content);
  std::string out;
  EXPECT_EQ(s.cli({"import", "people", file("p.csv"), "--dry-run"}, "", &out), 0);
  EXPECT_EQ(summary_of(out)["new"], 32);
  s.start();
  EXPECT_EQ(people_count(s), 0);
  EXPECT_EQ(s.cli({"import", "people", file("p.csv")}, "", &out), 0);
  EXPECT_EQ(summary_of(out)["new"], 32);
  EXPECT_EQ(s.cli({"import", "people", file("p.csv")}, "", &out), 0);
  auto again = summary_of(out);
  EXPECT_EQ(again["new"], 0);
  EXPECT_EQ(again["updated"], 0);
  EXPECT_EQ(again["unchanged"], 32);
  EXPECT_EQ(people_count(s), 32);
}

TEST_F(ImportCli, APersonTwiceInOneBatchKeepsTheirWholeFile) {
  // Row 2 creates the person, row 3 changes the phone: on PostgreSQL their history, provenance
  // and audit rows wait for the end of the batch (store/deferred_insert) and must all be there.
  std::string id = guiyan::core::complete_id_number(stem(9));
  write_file(file("twice.csv"), "姓名,身份证号,联系电话,户籍地\n孙九," + id +
                                    ",13800001111,421022100\n孙九," + id +
                                    ",13800002222,421022100\n");
  std::string out;
  ASSERT_EQ(s.cli({"import", "people", file("twice.csv")}, "", &out), 0);
  EXPECT_EQ(summary_of(out)["new"], 1);
  EXPECT_EQ(summary_of(out)["updated"], 1);
  s.start();
  HttpClient c(s.port());
  std::string t = clerk_token(c);
  std::string pid = only_person_with(c, t, id);
  ASSERT_FALSE(pid.empty());
  EXPECT_EQ(c.get("/api/v1/people/" + pid + "?unmask=true", t).json()["phone"], "13800002222");
  auto f = c.get("/api/v1/people/" + pid + "/file", t).json();
  ASSERT_EQ(f["provenance"].size(), 2u);
  std::vector<int64_t> rows;
  for (const auto& p : f["provenance"]) rows.push_back(p["row"]);
  std::sort(rows.begin(), rows.end());
  EXPECT_EQ(rows, (std::vector<int64_t>{2, 3}));
  EXPECT_EQ(f["history"]["status"].size(), 1u);
  EXPECT_EQ(f["history"]["funnel"].size(), 1u);
  std::vector<std::string> actions;
  for (const auto& a : f["audit"]) actions.push_back(a["action"]);
  std::sort(actions.begin(), actions.end());
  EXPECT_EQ(actions, (std::vector<std::string>{"create", "update", "view_unmasked"}));
}

TEST_F(ImportCli, PeopleWithoutANumberTwiceInOneBatchAreOnePersonEach) {
  // On PostgreSQL a new person's row waits for the end of the batch (store/person_repo:
  // keep_person); a later row of the same batch without an ID number is matched in the registry
  // by name and phone, or name and village, so the rows kept so far must be in it by then.
  std::string known = guiyan::core::complete_id_number(stem(11));
  write_file(file("first.csv"), "姓名,身份证号,户籍地\n郑一," + known + ",421022100\n");
  std::string out;
  ASSERT_EQ(s.cli({"import", "people", file("first.csv")}, "", &out), 0) << out;
  // Row 2 updates 郑一, whose history rows are kept before row 3's new person.
  write_file(file("batch.csv"),
             "姓名,身份证号,联系电话,户籍地,技能特长\n"
             "郑一," +
                 known +
                 ",13800007777,421022100,\n"
                 "周一,,13800005555,421022100,\n"
                 "冯二," +
                 guiyan::core::complete_id_number(stem(12)) +
                 ",,421022100,\n"
                 "吴二,,,421022100,\n"
                 "周一,,13800005555,421022100,电工\n"
                 "吴二,,,421022100,焊工\n");
  ASSERT_EQ(s.cli({"import", "people", file("batch.csv")}, "", &out), 0) << out;
  auto sum = summary_of(out);
  EXPECT_EQ(sum["new"], 3);
  EXPECT_EQ(sum["updated"], 3);
  s.start();
  EXPECT_EQ(people_count(s), 4);
  EXPECT_EQ(people_count(s, "&q=%E5%91%A8%E4%B8%80"), 1);  // 周一
  EXPECT_EQ(people_count(s, "&q=%E5%90%B4%E4%BA%8C"), 1);  // 吴二
  EXPECT_EQ(people_count(s, "&q=%E7%94%B5%E5%B7%A5"), 1);  // 电工, from 周一's second row
  EXPECT_EQ(people_count(s, "&q=%E7%84%8A%E5%B7%A5"), 1);  // 焊工, from 吴二's second row
  // Every new person has their whole file: history, provenance and the audit of the creation.
  HttpClient c(s.port());
  std::string t = clerk_token(c);
  std::string pid = only_person_with(c, t, guiyan::core::complete_id_number(stem(12)));
  ASSERT_FALSE(pid.empty());
  auto f = c.get("/api/v1/people/" + pid + "/file", t).json();
  EXPECT_EQ(f["history"]["status"].size(), 1u);
  EXPECT_EQ(f["provenance"].size(), 1u);
  std::vector<std::string> actions;
  for (const auto& a : f["audit"]) actions.push_back(a["action"]);
  EXPECT_EQ(std::count(actions.begin(), actions.end(), "create"), 1) << f["audit"].dump();
}

TEST_F(ImportCli, MoreTrustedSourcesWinAndConflictsAreListed) {
  std::string id = guiyan::core::complete_id_number(stem(7));
  write_file(file("survey.csv"),
             "姓名,身份证号,联系电话,户籍地\n钱八," + id + ",13800001111,421022\n");
  write_file(file("bigdata.csv"),
             "姓名,身份证号,联系电话,户籍地\n钱八," + id + ",13800002222,421022\n");
  write_file(file("self.csv"),
             "姓名,身份证号,联系电话,户籍地\n钱八," + id + ",13800003333,421022\n");
  std::string out;
  ASSERT_EQ(s.cli({"import", "people", file("survey.csv"), "--source", "入户调查"}, "", &out), 0);
  ASSERT_EQ(s.cli({"import", "people", file("bigdata.csv"), "--source", "大数据"}, "", &out), 0);
  EXPECT_EQ(summary_of(out)["conflicts"], 1);
  EXPECT_EQ(summary_of(out)["unchanged"], 1);
  s.start();
  HttpClient c(s.port());
  std::string t = clerk_token(c);
  std::string pid = only_person_with(c, t, id);
  ASSERT_FALSE(pid.empty());
  EXPECT_EQ(c.get("/api/v1/people/" + pid + "?unmask=true", t).json()["phone"], "13800001111");
  auto file_json = c.get("/api/v1/people/" + pid + "/file", t).json();
  ASSERT_EQ(file_json["conflicts"].size(), 1u);
  EXPECT_EQ(file_json["conflicts"][0]["field"], "phone");
  EXPECT_EQ(file_json["conflicts"][0]["offered_source"], "big_data");
  ASSERT_EQ(s.cli({"import", "people", file("self.csv"), "--source", "自主填报"}, "", &out), 0);
  EXPECT_EQ(summary_of(out)["updated"], 1);
  EXPECT_EQ(c.get("/api/v1/people/" + pid + "?unmask=true", t).json()["phone"], "13800003333");
}

TEST_F(ImportCli, Gb18030CsvAndXlsxWithATitleRow) {
  // "姓名,户籍地\n王五,421022\n" in GB18030 (as Chinese Excel saves CSV).
  write_file(file("gbk.csv"),
             std::string("\xd0\xd5\xc3\xfb,\xbb\xa7\xbc\xae\xb5\xd8\n\xcd\xf5\xce\xe5,421022\n"));
  std::string out;
  EXPECT_EQ(s.cli({"import", "people", file("gbk.csv")}, "", &out), 0) << out;
  EXPECT_EQ(summary_of(out)["new"], 1);
  {
    guiyan::io::XlsxWriter w(file("t.xlsx"), "台账");
    w.row({"公安县埠河镇返乡人员台账（2026年）"});
    w.row({"姓名", "身份证号", "户籍地", "人员状态", "工作进度"});
    w.row(
        {"陈九", guiyan::core::complete_id_number(stem(9)), "公安县/埠河镇", "返乡创业", "落得下"});
    w.close();
  }
  EXPECT_EQ(s.cli({"import", "people", file("t.xlsx")}, "", &out), 0) << out;
  EXPECT_EQ(summary_of(out)["new"], 1);
  s.start();
  EXPECT_EQ(people_count(s, "&status=started_business&funnel_stage=landed"), 1);
}

TEST_F(ImportCli, NumbersExcelKeptAsNumbersAreExplainedOrRead) {
  std::string valid = guiyan::core::complete_id_number(stem(5));
  // An ID number column formatted as a number: Excel keeps 15 digits (…1000 in the file).
  {
    guiyan::io::XlsxWriter w(file("numbers.xlsx"), "台账");
    w.row({"姓名", "身份证号", "联系电话", "户籍地"});
    w.row({"数字号", "421022199001011234", "13812340001", "421022"},
          {guiyan::io::CellKind::text, guiyan::io::CellKind::number, guiyan::io::CellKind::number,
           guiyan::io::CellKind::text});
    w.close();
  }
  std::string out;
  EXPECT_EQ(
      s.cli({"import", "people", file("numbers.xlsx"), "--report", file("r1.xlsx")}, "", &out), 0)
      << out;
  EXPECT_EQ(summary_of(out)["new"], 1);
  EXPECT_NE(report_lines(file("r1.xlsx"))
                .find("2 身份证号: 身份证号校验位应为X，实际为0（末三位为000，可能是 Excel "
                      "把号码当作数字丢失了后三位）"),
            std::string::npos)
      << report_lines(file("r1.xlsx"));
  // The same sheet saved as CSV by Excel: numbers in scientific notation, or with ".0"; a
  // leading apostrophe (Excel's text mark) typed into the cell.
  write_file(file("numbers.csv"),
             "姓名,身份证号,联系电话,户籍地\n"
             "科学号,4.21022E+17,13812340002,421022\n"
             "科学电话," +
                 guiyan::core::complete_id_number(stem(6)) +
                 ",1.38123E+10,421022\n"
                 "小数电话,'" +
                 valid + ",13812340003.0,421022\n");
  EXPECT_EQ(s.cli({"import", "people", file("numbers.csv"), "--report", file("r2.xlsx")}, "", &out),
            1)
      << out;
  auto sum = summary_of(out);
  EXPECT_EQ(sum["rejected"], 2);
  EXPECT_EQ(sum["new"], 1);
  std::string reasons = report_lines(file("r2.xlsx"));
  EXPECT_NE(reasons.find("2 身份证号: 身份证号显示成了科学计数法“4.21022E+17”"), std::string::npos)
      << reasons;
  EXPECT_NE(reasons.find("3 联系电话: 电话号码显示成了科学计数法“1.38123E+10”"), std::string::npos)
      << reasons;
  s.start();
  HttpClient c(s.port());
  std::string token = clerk_token(c);
  auto person = c.get("/api/v1/people?q=" + valid, token).json();
  ASSERT_EQ(person["total"], 1) << person.dump();
  EXPECT_EQ(person["items"][0]["name"], "小数电话");
  EXPECT_EQ(person["items"][0]["phone"], "138****0003");
}

// Amounts in 万元 columns as offices write them: with a unit (20万元, 1.2亿, 50000元) they are
// read in it; a bare 100000 is kept as 万元 but flagged, since a returnee's plan of ten 亿 was
// most likely written in 元. An ID number giving an age over 120 is kept and flagged too.
TEST_F(ImportCli, AmountsAreReadInTheirUnitAndImplausibleOnesFlagged) {
  std::string old = guiyan::core::complete_id_number("42102219000101001");
  write_file(file("amounts.csv"),
             "姓名,户籍地,资金需求,计划投资,身份证号\n"
             "带单位,421022,20万元,1.2亿,\n"
             "按元写,421022,50000元,100000,\n"
             "百岁余," +
                 std::string("421022,3,,") + old +
                 "\n"
                 "写汉字,421022,三十万元,两千五百万,\n");
  std::string out;
  EXPECT_EQ(s.cli({"import", "people", file("amounts.csv"), "--report", file("r.xlsx")}, "", &out),
            0)
      << out;
  EXPECT_EQ(summary_of(out)["new"], 4);
  std::string reasons = report_lines(file("r.xlsx"));
  EXPECT_NE(reasons.find("3 计划投资: 按万元计为100000万元；如按元填写，应为10万元"),
            std::string::npos)
      << reasons;
  EXPECT_NE(reasons.find("4 身份证号: 年龄超过120岁，请核实"), std::string::npos) << reasons;
  EXPECT_EQ(("\n" + reasons).find("\n2 "), std::string::npos) << reasons;  // units said: no flag
  s.start();
  HttpClient c(s.port());
  std::string token = clerk_token(c);
  EXPECT_EQ(amounts_of(c, token, "带单位"), std::pair(nlohmann::json(20), nlohmann::json(12000)));
  EXPECT_EQ(amounts_of(c, token, "按元写"), std::pair(nlohmann::json(5), nlohmann::json(100000)));
  EXPECT_EQ(amounts_of(c, token, "写汉字"), std::pair(nlohmann::json(30), nlohmann::json(2500)));
}

// A sheet giving its sums in 元 (资金需求（元）, 计划投资（千元）, 贷款需求（元）) is read in that
// unit and kept in 万元; a cell with a unit of its own keeps it, and a large sum in 元 is no sign
// of a sum written in the wrong unit.
TEST_F(ImportCli, SumsInAColumnOfYuanAreKeptInWan) {
  write_file(file("yuan.csv"),
             "姓名,户籍地,资金需求（元）,计划投资（千元）,贷款需求（元）\n"
             "元列甲,421022,50000,200,\n"
             "元列乙,421022,300000000,5万,\n"
             "元列丙,421022,,,80000\n");
  std::string out;
  EXPECT_EQ(s.cli({"import", "people", file("yuan.csv"), "--report", file("r.xlsx")}, "", &out), 0)
      << out;
  EXPECT_EQ(summary_of(out)["new"], 3);
  std::string reasons = report_lines(file("r.xlsx"));
  EXPECT_EQ(reasons.find("未识别的列"), std::string::npos) << reasons;
  EXPECT_EQ(reasons.find("按万元计为"), std::string::npos) << reasons;
  EXPECT_NE(reasons.find("4 贷款需求（元）: 记为需要“贷款”，资金需求按此记为8万元"),
            std::string::npos)
      << reasons;
  s.start();
  HttpClient c(s.port());
  std::string token = clerk_token(c);
  EXPECT_EQ(amounts_of(c, token, "元列甲"), std::pair(nlohmann::json(5), nlohmann::json(20)));
  EXPECT_EQ(amounts_of(c, token, "元列乙"), std::pair(nlohmann::json(30000), nlohmann::json(5)));
  EXPECT_EQ(amounts_of(c, token, "元列丙"), std::pair(nlohmann::json(8), nlohmann::json()));
}

// What sheets write for "nothing" (无, /, 待定) is a blank, not a bad row: a returnee without a
// phone is no error; where 无 means no (有创业意愿), it says no.
TEST_F(ImportCli, BlankWordsAreBlankCellsNotBadRows) {
  write_file(file("blank.csv"),
             "姓名,县,乡镇,村,联系电话,资金需求（万元）,务工城市,有创业意愿,需求,意向行业,出生年月,"
             "返乡时间,务工地\n"
             "没电话,公安县,埠河镇,无,无,待定,/,无,贷款、技术入股,待定,/,不详,无\n"
             "有电话,公安县,埠河镇,/,13800003333,面议,——,不详,无,无,不详,/,/\n");
  std::string out;
  EXPECT_EQ(s.cli({"import", "people", file("blank.csv"), "--report", file("r.xlsx")}, "", &out), 0)
      << out;
  EXPECT_EQ(summary_of(out)["new"], 2);
  // A need outside the list does not cost the person: the known ones are kept, the rest goes
  // to 其他需求 and is said.
  std::string reasons = report_lines(file("r.xlsx"));
  EXPECT_NE(reasons.find("2 需求: “技术入股”不在可选范围内，记入其他需求"), std::string::npos)
      << reasons;
  s.start();
  HttpClient c(s.port());
  std::string token = clerk_token(c);
  auto none = only_person(c, token, "没电话");
  EXPECT_TRUE(none["phone"].is_null()) << none.dump();
  EXPECT_TRUE(none["intention_funding_wan"].is_null());
  EXPECT_TRUE(none["work_city"].is_null());
  EXPECT_EQ(none["willing"], false);
  EXPECT_EQ(none["region_code"], "421022100");  // 村 无: a resident of the town itself
  EXPECT_EQ(none["help_wanted"], nlohmann::json::array({"loan"})) << none.dump();
  EXPECT_EQ(none["help_wanted_note"], "技术入股");
  auto some = only_person(c, token, "有电话");
  EXPECT_EQ(some["phone"], "138****3333");
  EXPECT_TRUE(some["willing"].is_null()) << some.dump();
}

// Needs outside the list (子女入学, 土地流转: the seeds' returnees ask for them) are kept in
// 其他需求 beside the row's own 其他需求 column, found by search, and the same file imported again
// changes nothing.
TEST_F(ImportCli, NeedsOutsideTheListAreKeptAsOtherNeeds) {
  write_file(file("needs.csv"),
             "姓名,户籍地,需求,其他需求\n"
             "要上学,421022100,贷款、子女入学；土地流转,\n"
             "有说明,421022100,培训、住房,子女入学\n"
             "都知道,421022100,培训、住房,住房\n");
  std::string out;
  EXPECT_EQ(s.cli({"import", "people", file("needs.csv"), "--report", file("r.xlsx")}, "", &out), 0)
      << out;
  EXPECT_EQ(summary_of(out)["new"], 3);
  std::string reasons = report_lines(file("r.xlsx"));
  EXPECT_NE(reasons.find("2 需求: “子女入学、土地流转”不在可选范围内，记入其他需求"),
            std::string::npos)
      << reasons;
  EXPECT_NE(reasons.find("3 需求: “住房”不在可选范围内，记入其他需求"), std::string::npos)
      << reasons;
  EXPECT_EQ(s.cli({"import", "people", file("needs.csv")}, "", &out), 0) << out;
  EXPECT_EQ(summary_of(out)["unchanged"], 3) << out;
  s.start();
  HttpClient c(s.port());
  std::string token = clerk_token(c);
  auto school = only_person(c, token, "要上学");
  EXPECT_EQ(school["help_wanted"], nlohmann::json::array({"loan"})) << school.dump();
  EXPECT_EQ(school["help_wanted_note"], "子女入学、土地流转");
  EXPECT_EQ(field_of_only(c, token, "有说明", "help_wanted_note"), "子女入学、住房");
  EXPECT_EQ(field_of_only(c, token, "都知道", "help_wanted_note"), "住房");
  EXPECT_EQ(field_of_only(c, token, "土地流转", "name"), "要上学");  // searched like 技能说明
}

// Skills outside the dictionary (无人机飞手) join the row's own 技能说明 whichever of the two
// columns comes first (one used to overwrite the other); when 技能说明 would grow past its 200
// characters they are not saved, and the report says so.
TEST_F(ImportCli, SkillsOutsideTheDictionaryJoinTheRowsOwnSkillsNote) {
  write_file(file("note_first.csv"),
             "姓名,户籍地,技能说明,技能特长\n"
             "说明在前,421022100,会开挖掘机十年,电工、无人机飞手\n");
  write_file(file("note_last.csv"),
             "姓名,户籍地,技能特长,技能说明\n"
             "说明在后,421022100,电工、无人机飞手,会开挖掘机十年\n"
             "说明太长,421022100,电工、" +
                 std::string(201 * 3, 'a') + ",\n");
  std::string out;
  EXPECT_EQ(s.cli({"import", "people", file("note_first.csv")}, "", &out), 0) << out;
  EXPECT_EQ(
      s.cli({"import", "people", file("note_last.csv"), "--report", file("r.xlsx")}, "", &out), 0)
      << out;
  EXPECT_EQ(summary_of(out)["new"], 2) << out;
  std::string reasons = report_lines(file("r.xlsx"));
  EXPECT_NE(reasons.find("3 技能特长: 字典以外的技能未保存：记入技能说明将超过200个字符的上限"),
            std::string::npos)
      << reasons;
  EXPECT_EQ(s.cli({"import", "people", file("note_last.csv")}, "", &out), 0) << out;
  EXPECT_EQ(summary_of(out)["unchanged"], 2) << out;
  s.start();
  HttpClient c(s.port());
  std::string token = clerk_token(c);
  for (const char* name : {"说明在前", "说明在后"}) {
    auto p = only_person(c, token, name);
    EXPECT_EQ(p["skills_note"], "会开挖掘机十年、无人机飞手") << p.dump();
    EXPECT_EQ(p["skills"], nlohmann::json::array({"electrician"})) << p.dump();
  }
  auto long_one = only_person(c, token, "说明太长");
  EXPECT_TRUE(long_one["skills_note"].is_null()) << long_one.dump();
  EXPECT_EQ(long_one["skills"], nlohmann::json::array({"electrician"}));
}

// Numbers copied from a phone or a web page arrive wrapped in invisible direction marks, and
// names pasted from chat carry soft hyphens: those are left out, so the row is read as the clerk
// sees it. A control character (BEL) is refused with a reason of its own, not also "姓名为空".
TEST_F(ImportCli, InvisibleMarksAreLeftOutAndControlCharactersRefused) {
  write_file(file("copied.csv"),
             "姓名,身份证号,联系电话,户籍地\n"
             "复制号,\u202a420583198602230018\u202c,\u202a138 0000 4444\u202c,421022100\n"
             "周\u00ad杰,,13800005555,\u200e421022100\u200f\n"
             "杨\x07勇,,13800006666,421022100\n");
  std::string out;
  EXPECT_EQ(s.cli({"import", "people", file("copied.csv"), "--report", file("r.xlsx")}, "", &out),
            1)
      << out;
  EXPECT_EQ(summary_of(out)["new"], 2) << out;
  EXPECT_EQ(summary_of(out)["rejected"], 1) << out;
  std::string reasons = report_lines(file("r.xlsx"));
  EXPECT_NE(reasons.find("4 姓名: 姓名含有看不见的控制字符"), std::string::npos) << reasons;
  EXPECT_EQ(reasons.find("姓名为空"), std::string::npos) << reasons;
  s.start();
  HttpClient c(s.port());
  std::string token = clerk_token(c);
  auto copied = only_person(c, token, "420583198602230018");
  EXPECT_EQ(copied["name"], "复制号") << copied.dump();
  EXPECT_EQ(copied["phone"], "138****4444");
  EXPECT_EQ(only_person(c, token, "周杰")["region_code"], "421022100");
}

// A date of coming home or leaving before the person was born (1960 typed for 2016) is a slip:
// the person is kept without it and the report says why; a date after the birth stays.
TEST_F(ImportCli, DatesBeforeTheBirthAreLeftOut) {
  write_file(file("early.csv"),
             "姓名,身份证号,户籍地,人员状态,返乡时间,外出时间\n"
             "早返,420583198602230018,421022100,返乡,1960-01-01,\n"
             "早出,421125197101190020,421022100,外出,,1965年3月\n"
             "按时,422826198402040034,421022100,返乡,2026-01-10,\n");
  std::string out;
  EXPECT_EQ(s.cli({"import", "people", file("early.csv"), "--report", file("r.xlsx")}, "", &out), 0)
      << out;
  EXPECT_EQ(summary_of(out)["new"], 3) << out;
  std::string reasons = report_lines(file("r.xlsx"));
  EXPECT_NE(reasons.find("2 返乡时间: 返乡时间（1960-01-01）早于出生日期（1986-02-23），请核对"),
            std::string::npos)
      << reasons;
  EXPECT_NE(reasons.find("3 外出时间: 外出时间（1965-03-01）早于出生日期（1971-01-19），请核对"),
            std::string::npos)
      << reasons;
  s.start();
  HttpClient c(s.port());
  std::string token = clerk_token(c);
  EXPECT_TRUE(only_person(c, token, "早返")["status_since"].is_null());
  EXPECT_EQ(only_person(c, token, "早返")["status"], "returned");
  EXPECT_TRUE(only_person(c, token, "早出")["status_since"].is_null());
  EXPECT_EQ(only_person(c, token, "按时")["status_since"], "2026-01-10");
}

// A number written twice — in one cell, or again under 备用电话 — is one phone, not a second.
TEST_F(ImportCli, TheSameNumberTwiceIsOnePhone) {
  write_file(file("twice.csv"),
             "姓名,户籍地,联系电话,备用电话\n"
             "一格两次,421022100,13800001111/13800001111,\n"
             "两列同号,421022100,13800002222,13800002222\n"
             "两个号码,421022100,13800003333,13900003333\n");
  std::string out;
  EXPECT_EQ(s.cli({"import", "people", file("twice.csv")}, "", &out), 0) << out;
  EXPECT_EQ(summary_of(out)["new"], 3) << out;
  s.start();
  HttpClient c(s.port());
  std::string token = clerk_token(c);
  EXPECT_TRUE(only_person(c, token, "一格两次")["phone2"].is_null());
  EXPECT_TRUE(only_person(c, token, "两列同号")["phone2"].is_null());
  EXPECT_EQ(only_person(c, token, "两个号码")["phone2"], "139****3333");
}

// A column asking for one kind of help (培训意愿, 是否需要贷款, 有无场地需求) adds it to or removes
// it from the 需求 the row states or the person holds; a sum in a loan column fills an empty
// 资金需求, a description goes to 其他需求; the same file again changes nothing. The command line
// names the columns it did not read.
TEST_F(ImportCli, YesNoNeedColumnsAddOrRemoveTheirKind) {
  write_file(file("first.csv"),
             "姓名,联系电话,户籍地,需求\n"
             "要贷款,13800007001,421022,贷款\n"
             "两样都要,13800007002,421022,培训、贷款\n"
             "未说,13800007003,421022,\n");
  std::string out;
  ASSERT_EQ(s.cli({"import", "people", file("first.csv")}, "", &out), 0) << out;
  write_file(file("answers.csv"),
             "姓名,联系电话,户籍地,需求,资金需求,培训意愿,是否需要贷款,贷款需求（万元）,"
             "有无场地需求,月收入\n"
             "要贷款,13800007001,421022,,,是,否,,,4500\n"   // loan out, training in
             "两样都要,13800007002,421022,,,否,,,,\n"       // training out, loan stays
             "未说,13800007003,421022,,,电工,,20万,,\n"     // a description, a sum
             "说要培训,13800007004,421022,培训,,否,,,,\n"   // 需求 wins over 否
             "全无,13800007005,421022,,,无,无,,无,\n"       // 无 is no: nothing
             "要场地,13800007006,421022,,,,,,厂房200平,\n"  // a description
             "已填资金,13800007007,421022,,30,,,50,,\n");   // 资金需求 stays 30
  EXPECT_EQ(run_guiyan({"import", "people", file("answers.csv"), "--dry-run", "--db", s.db_url()},
                       "", &out),
            0);
  EXPECT_NE(out.find("未识别的列，已忽略：月收入"), std::string::npos) << out;
  auto dry = summary_of(out);
  EXPECT_EQ(s.cli({"import", "people", file("answers.csv"), "--report", file("r.xlsx")}, "", &out),
            0)
      << out;
  auto sum = summary_of(out);
  EXPECT_EQ(sum["new"], 4) << out;
  EXPECT_EQ(sum["updated"], 3) << out;
  EXPECT_EQ(dry, sum);
  std::string reasons = report_lines(file("r.xlsx"));
  for (const char* line : {"4 培训意愿: 记为需要“培训”，“电工”记入其他需求",
                           "4 贷款需求（万元）: 记为需要“贷款”，资金需求按此记为20万元",
                           "5 培训意愿: 与需求“培训”不符，按需求记录",
                           "7 有无场地需求: 记为需要“场地”，“厂房200平”记入其他需求",
                           "8 贷款需求（万元）: 记为需要“贷款”；资金需求已填30万元，此金额未保存",
                           " 月收入: 未识别的列"}) {
    EXPECT_NE(reasons.find(line), std::string::npos) << line << "\n" << reasons;
  }
  EXPECT_EQ(s.cli({"import", "people", file("answers.csv")}, "", &out), 0) << out;
  EXPECT_EQ(summary_of(out)["unchanged"], 7) << out;
  s.start();
  HttpClient c(s.port());
  std::string token = clerk_token(c);
  auto needs = [&](const std::string& name) { return only_person(c, token, name)["help_wanted"]; };
  using nlohmann::json;
  EXPECT_EQ(needs("要贷款"), json::array({"training"}));
  EXPECT_EQ(needs("两样都要"), json::array({"loan"}));
  EXPECT_EQ(needs("未说"), json::array({"loan", "training"}));
  EXPECT_EQ(needs("说要培训"), json::array({"training"}));
  EXPECT_EQ(needs("全无"), json::array());
  EXPECT_EQ(needs("要场地"), json::array({"site"}));
  EXPECT_EQ(needs("已填资金"), json::array({"loan"}));
  auto undecided = only_person(c, token, "未说");
  EXPECT_EQ(undecided["intention_funding_wan"], 20) << undecided.dump();
  EXPECT_EQ(undecided["help_wanted_note"], "培训：电工");
  EXPECT_EQ(field_of_only(c, token, "要场地", "help_wanted_note"), "场地：厂房200平");
  EXPECT_EQ(only_person(c, token, "已填资金")["intention_funding_wan"], 30);
}

// Sheets write a second phone in the same cell, and ID numbers grouped by spaces as forms print
// them: neither is a bad row.
TEST_F(ImportCli, TwoPhonesInACellAndASpacedIdNumberAreRead) {
  std::string id = guiyan::core::complete_id_number("42102219900101005");
  std::string spaced = id.substr(0, 6) + " " + id.substr(6, 8) + " " + id.substr(14);
  write_file(file("phones.csv"),
             "姓名,户籍地,联系电话,身份证号\n"
             "两个号,421022,13800004444/13900005555," +
                 spaced +
                 "\n"
                 "三个号,421022,13800006666、13900007777、13700008888,\n");
  std::string out;
  EXPECT_EQ(s.cli({"import", "people", file("phones.csv"), "--report", file("r.xlsx")}, "", &out),
            0)
      << out;
  EXPECT_EQ(summary_of(out)["new"], 2);
  std::string reasons = report_lines(file("r.xlsx"));
  EXPECT_NE(reasons.find("3 联系电话: 只保存前两个号码"), std::string::npos) << reasons;
  EXPECT_EQ(("\n" + reasons).find("\n2 "), std::string::npos) << reasons;
  s.start();
  HttpClient c(s.port());
  std::string token = clerk_token(c);
  auto found = c.get("/api/v1/people?q=" + id.substr(12), token).json();
  ASSERT_EQ(found["total"], 1) << found.dump();
  auto two =
      c.get("/api/v1/people/" + std::to_string(found["items"][0]["id"].get<int64_t>()), token)
          .json();
  EXPECT_EQ(two["name"], "两个号");
  EXPECT_EQ(two["phone"], "138****4444");
  EXPECT_EQ(two["phone2"], "139****5555") << two.dump();
}

// Ledgers pad two-character names to the width of three ("王  芳", "李\u3000明") and write a name's
// dot as they can type it: each is stored in one form, so a search for 王芳 finds her and the next
// sheet that writes her name plainly updates her instead of adding her again. The same sheet's
// 目前状态 and 国外（日本） are read as the status and the place abroad.
TEST_F(ImportCli, NamesPaddedForWidthAreStoredWithoutTheirSpaces) {
  write_file(file("padded.csv"),
             "姓名,联系电话,户籍地,目前状态,务工地\n"
             "王  芳,13800008001,421022,已返乡,\n"
             "李\u3000明,13800008002,421022,在外务工,国外（日本）\n"
             "阿依古丽.买买提,13800008003,421022,,\n");
  std::string out;
  ASSERT_EQ(s.cli({"import", "people", file("padded.csv")}, "", &out), 0) << out;
  EXPECT_EQ(summary_of(out)["new"], 3) << out;
  write_file(file("plain.csv"),
             "姓名,联系电话,户籍地,状态\n"
             "王芳,13800008001,421022,返乡\n"
             "李明,13800008002,421022,外出\n"
             "阿依古丽·买买提,13800008003,421022,\n");
  ASSERT_EQ(s.cli({"import", "people", file("plain.csv")}, "", &out), 0) << out;
  auto sum = summary_of(out);
  EXPECT_EQ(sum["new"], 0) << out;
  EXPECT_EQ(sum["unchanged"], 3) << out;
  s.start();
  HttpClient c(s.port());
  std::string token = clerk_token(c);
  auto wang = only_person(c, token, "王芳");
  EXPECT_EQ(wang["name"], "王芳") << wang.dump();
  EXPECT_EQ(wang["status"], "returned");
  auto li = only_person(c, token, "李明");
  EXPECT_EQ(li["name"], "李明") << li.dump();
  EXPECT_EQ(li["status"], "away");
  EXPECT_EQ(li["work_province"], "境外");
  EXPECT_EQ(li["work_city"], "日本");
  EXPECT_EQ(field_of_only(c, token, "8003", "name"), "阿依古丽·买买提");
}

// 返乡时间 is the day a returnee came home: the date of their status at home, and the news that
// someone recorded away is back.
TEST_F(ImportCli, TheDayOfReturnDatesTheStatusAtHome) {
  write_file(file("first.csv"),
             "姓名,联系电话,户籍地,状态\n"
             "在外的,13800007001,421022,外出\n"
             "已回的,13800007002,421022,返乡\n"
             "创业的,13800007003,421022,返乡创业\n");
  std::string out;
  ASSERT_EQ(s.cli({"import", "people", file("first.csv")}, "", &out), 0) << out;
  write_file(file("return.csv"),
             "姓名,联系电话,户籍地,状态,返乡时间\n"
             "在外的,13800007001,421022,,2026-02-03\n"        // recorded away: home since then
             "已回的,13800007002,421022,,2026年1月\n"         // recorded home: the date corrected
             "创业的,13800007003,421022,,2026-01-20\n"        // in business: its own date kept
             "新来的,13800007004,421022,,2026/2/14\n"         // new: 返乡 since then
             "又走的,13800007005,421022,再外出,2026-01-05\n"  // away again: not used
             "错日期,13800007006,421022,,明年\n");
  // 明年 is no date: the person is kept without it, as the report says.
  EXPECT_EQ(s.cli({"import", "people", file("return.csv"), "--report", file("r.xlsx")}, "", &out),
            0)
      << out;
  auto sum = summary_of(out);
  EXPECT_EQ(sum["new"], 3);
  EXPECT_EQ(sum["updated"], 2);
  EXPECT_EQ(sum["unchanged"], 1);
  std::string reasons = report_lines(file("r.xlsx"));
  EXPECT_NE(
      reasons.find("2 返乡时间: 返乡时间早于已记录的“外出”开始日期" + guiyan::core::today_local()),
      std::string::npos)
      << reasons;
  EXPECT_NE(reasons.find("3 返乡时间: 只有年月，返乡时间按1月1日记录"), std::string::npos)
      << reasons;
  EXPECT_NE(reasons.find("6 返乡时间: 人员状态为“再外出”，返乡时间未使用"), std::string::npos)
      << reasons;
  EXPECT_NE(
      reasons.find(
          "7 返乡时间: 返乡时间应为日期或年月，如 2026-02-10、2026年2月，实际为“明年”；此项未导入"),
      std::string::npos)
      << reasons;
  s.start();
  HttpClient c(s.port());
  std::string token = clerk_token(c);
  std::string today = guiyan::core::today_local();
  // Recorded away since the first import (today): home again, but not before that day.
  EXPECT_EQ(statuses_of(c, token, "7001"),
            "returned " + today + ": away@" + today + " returned@" + today);
  EXPECT_EQ(statuses_of(c, token, "7002"), "returned 2026-01-01: returned@2026-01-01");
  EXPECT_EQ(statuses_of(c, token, "7003"), "started_business -: started_business@" + today);
  EXPECT_EQ(statuses_of(c, token, "7004"), "returned 2026-02-14: returned@2026-02-14");
  EXPECT_EQ(statuses_of(c, token, "7005"), "left_again -: left_again@" + today);
  EXPECT_EQ(statuses_of(c, token, "7006"), "returned -: returned@" + today);
}

// 外出时间 dates the status away as 返乡时间 dates the one at home; with no status stated, the
// later of the two says where the person is now.
TEST_F(ImportCli, TheDayOfLeavingDatesTheStatusAway) {
  write_file(file("first.csv"),
             "姓名,联系电话,户籍地,状态,返乡时间\n"
             "春节回,13800009001,421022,返乡,2026-01-20\n"
             "一直在外,13800009002,421022,外出,\n"
             "早回来,13800009003,421022,返乡,2026-01-10\n");
  std::string out;
  ASSERT_EQ(s.cli({"import", "people", file("first.csv")}, "", &out), 0) << out;
  write_file(file("left.csv"),
             "姓名,联系电话,户籍地,状态,返乡时间,外出时间\n"
             "春节回,13800009001,421022,,,2026-02-25\n"                // home, then left again
             "一直在外,13800009002,421022,,,2019年3月\n"               // away: the date corrected
             "早回来,13800009003,421022,,,2025-05-01\n"                // left before coming home
             "新外出,13800009004,421022,,,2026-03-01\n"                // new: 外出
             "回又走,13800009005,421022,,2026-01-15,2026-02-20\n"      // new: 再外出
             "回来了,13800009006,421022,,2026-02-10,2025-03-01\n"      // new: 返乡
             "矛盾的,13800009007,421022,返乡,2026-01-10,2026-02-01\n"  // stated: 返乡
             "说外出,13800009008,421022,外出,,2026-03-03\n"            // stated: 外出
             "错日期,13800009009,421022,,,下个月\n");
  for (bool dry : {true, false}) {
    std::vector<std::string> args = {"import", "people", file("left.csv"), "--report",
                                     file("r.xlsx")};
    if (dry) args.push_back("--dry-run");
    EXPECT_EQ(s.cli(args, "", &out), 0) << out;  // 下个月 is left out, its person kept
    auto sum = summary_of(out);
    EXPECT_EQ(sum["new"], 6) << (dry ? "dry run " : "") << out;
    EXPECT_EQ(sum["updated"], 2) << out;
    EXPECT_EQ(sum["unchanged"], 1) << out;
    EXPECT_EQ(sum["rejected"], 0) << out;
  }
  std::string reasons = report_lines(file("r.xlsx"));
  EXPECT_NE(reasons.find("3 外出时间: 只有年月，外出时间按3月1日记录"), std::string::npos)
      << reasons;
  EXPECT_NE(reasons.find("8 外出时间: 外出时间晚于返乡时间，与人员状态“返乡”不符，外出时间未使用"),
            std::string::npos)
      << reasons;
  EXPECT_NE(reasons.find("10 外出时间: 外出时间应为日期或年月"), std::string::npos) << reasons;
  // A corrected date stays after the history entry ahead of it (春节回 came home on 01-20).
  write_file(file("again.csv"),
             "姓名,联系电话,户籍地,外出时间\n"
             "春节回,13800009001,421022,2026-01-05\n");
  EXPECT_EQ(s.cli({"import", "people", file("again.csv"), "--report", file("r2.xlsx")}, "", &out),
            0)
      << out;
  reasons = report_lines(file("r2.xlsx"));
  EXPECT_NE(
      reasons.find("2 外出时间: 外出时间早于已记录的“返乡”开始日期2026-01-20，按2026-01-20记录"),
      std::string::npos)
      << reasons;
  s.start();
  HttpClient c(s.port());
  std::string token = clerk_token(c);
  EXPECT_EQ(statuses_of(c, token, "9001"),
            "left_again 2026-01-20: returned@2026-01-20 left_again@2026-01-20");
  EXPECT_EQ(statuses_of(c, token, "9002"), "away 2019-03-01: away@2019-03-01");
  EXPECT_EQ(statuses_of(c, token, "9003"), "returned 2026-01-10: returned@2026-01-10");
  EXPECT_EQ(statuses_of(c, token, "9004"), "away 2026-03-01: away@2026-03-01");
  EXPECT_EQ(statuses_of(c, token, "9005"), "left_again 2026-02-20: left_again@2026-02-20");
  EXPECT_EQ(statuses_of(c, token, "9006"), "returned 2026-02-10: returned@2026-02-10");
  EXPECT_EQ(statuses_of(c, token, "9007"), "returned 2026-01-10: returned@2026-01-10");
  EXPECT_EQ(statuses_of(c, token, "9008"), "away 2026-03-03: away@2026-03-03");
}

// 是否返乡 says whether the person is home now, where the row states no status and gives no day:
// a new person who is not is 外出, a record that disagrees changes, one that agrees is kept.
TEST_F(ImportCli, IsHomeAnswersWhereTheStatusIsNotStated) {
  write_file(file("first.csv"),
             "姓名,联系电话,户籍地,状态\n"
             "在家的,13800005001,421022,返乡\n"
             "在外的,13800005002,421022,外出\n"
             "创业的,13800005003,421022,返乡创业\n");
  std::string out;
  ASSERT_EQ(s.cli({"import", "people", file("first.csv")}, "", &out), 0) << out;
  write_file(file("answers.csv"),
             "姓名,联系电话,户籍地,状态,是否返乡\n"
             "在家的,13800005001,421022,,否\n"    // recorded home, not home: 再外出
             "在外的,13800005002,421022,,是\n"    // recorded away, home: 返乡
             "创业的,13800005003,421022,,是\n"    // agrees: 返乡创业 kept
             "新否,13800005004,421022,,否\n"      // new, not home: 外出
             "新是,13800005005,421022,,是\n"      // new, home: 返乡
             "新无,13800005006,421022,,无\n"      // 无 in a yes/no column is 否
             "矛盾,13800005007,421022,返乡,否\n"  // the stated status wins, said
             "乱填,13800005008,421022,,也许\n");
  EXPECT_EQ(s.cli({"import", "people", file("answers.csv"), "--report", file("r.xlsx")}, "", &out),
            1)
      << out;
  auto sum = summary_of(out);
  EXPECT_EQ(sum["new"], 4) << out;
  EXPECT_EQ(sum["updated"], 2) << out;
  EXPECT_EQ(sum["unchanged"], 1) << out;
  std::string reasons = report_lines(file("r.xlsx"));
  EXPECT_NE(reasons.find("8 是否返乡: 与人员状态“返乡”不符，按人员状态记录"), std::string::npos)
      << reasons;
  EXPECT_NE(reasons.find("9 是否返乡: 是否返乡应填“是”或“否”，实际为“也许”"), std::string::npos)
      << reasons;
  s.start();
  HttpClient c(s.port());
  std::string token = clerk_token(c);
  std::string today = guiyan::core::today_local();
  EXPECT_EQ(statuses_of(c, token, "5001"),
            "left_again -: returned@" + today + " left_again@" + today);
  EXPECT_EQ(statuses_of(c, token, "5002"), "returned -: away@" + today + " returned@" + today);
  EXPECT_EQ(statuses_of(c, token, "5003"), "started_business -: started_business@" + today);
  EXPECT_EQ(field_of_only(c, token, "5004", "status"), "away");
  EXPECT_EQ(field_of_only(c, token, "5005", "status"), "returned");
  EXPECT_EQ(field_of_only(c, token, "5006", "status"), "away");
  EXPECT_EQ(field_of_only(c, token, "5007", "status"), "returned");
}

// A ledger with only a household address (家庭住址, no 户籍地 column) places each person where the
// address begins, as it does a row whose 户籍地 is blank; what it cannot place is refused with the
// reason, and the address is kept whole.
TEST_F(ImportCli, AHouseholdAddressGivesThePlaceTheSheetLeavesOut) {
  write_file(file("address.csv"),
             "姓名,联系电话,家庭住址,外出务工地点,从事工种\n"
             "地址村,13800006001,公安县斑竹垱镇车家垱村三组18号,广东东莞,电工\n"
             "地址镇,13800006002,公安县埠河镇中和村3组,浙江义乌,\n"
             "外省址,13800006003,广东省东莞市长安镇,,\n"
             "无地址,13800006004,,,\n");
  std::string out;
  EXPECT_EQ(s.cli({"import", "people", file("address.csv"), "--report", file("r.xlsx")}, "", &out),
            1)
      << out;
  auto sum = summary_of(out);
  EXPECT_EQ(sum["new"], 2) << out;
  EXPECT_EQ(sum["rejected"], 2) << out;
  std::string reasons = report_lines(file("r.xlsx"));
  EXPECT_NE(reasons.find("家庭住址: 表中没有户籍地列"), std::string::npos) << reasons;
  EXPECT_NE(reasons.find("3 家庭住址: 地址中的“中和村”在“公安县埠河镇”下未找到，户籍地按埠河镇"),
            std::string::npos)
      << reasons;
  EXPECT_NE(reasons.find("4 家庭住址: 户籍地（按家庭住址读取）：“广东省东莞市长安镇”开头找不到"),
            std::string::npos)
      << reasons;
  EXPECT_NE(reasons.find("5 家庭住址: 户籍地为空（按家庭住址读取）"), std::string::npos) << reasons;
  // Beside a 户籍地 column, the address fills a blank place only.
  write_file(file("blank_place.csv"),
             "姓名,联系电话,户籍地,家庭住址\n"
             "空户籍,13800006005,,公安县斑竹垱镇车家垱村五组\n"
             "都空,13800006006,,\n"
             "读不出,13800006007,,三组18号\n"
             "有户籍,13800006008,421022100,公安县斑竹垱镇车家垱村\n");
  EXPECT_EQ(
      s.cli({"import", "people", file("blank_place.csv"), "--report", file("r2.xlsx")}, "", &out),
      1)
      << out;
  EXPECT_EQ(summary_of(out)["new"], 2) << out;
  reasons = report_lines(file("r2.xlsx"));
  EXPECT_NE(reasons.find("2 家庭住址: 户籍地为空，按家庭住址记为车家垱村村民委员会"),
            std::string::npos)
      << reasons;
  EXPECT_NE(reasons.find("3 户籍地: 户籍地为空"), std::string::npos) << reasons;
  EXPECT_NE(reasons.find("4 户籍地: 户籍地为空，家庭住址中也读不出：“三组18号”开头找不到"),
            std::string::npos)
      << reasons;
  s.start();
  HttpClient c(s.port());
  std::string token = clerk_token(c);
  auto village = only_person(c, token, "6001");
  EXPECT_EQ(village["region_code"], "421022112217") << village.dump();
  EXPECT_EQ(village["address"], "公安县斑竹垱镇车家垱村三组18号");
  EXPECT_EQ(village["work_province"], "广东省");
  EXPECT_FALSE(village["skills"].empty()) << village.dump();  // 从事工种 read as a skill
  EXPECT_EQ(field_of_only(c, token, "6002", "region_code"), "421022100");
  EXPECT_EQ(field_of_only(c, token, "6002", "work_province"), "浙江省");
  EXPECT_EQ(field_of_only(c, token, "6005", "region_code"), "421022112217");
  EXPECT_EQ(field_of_only(c, token, "6008", "region_code"), "421022100");
}

// 务工地 as offices write it gives the province, which counts people working outside Hubei.
TEST_F(ImportCli, AWorkPlaceWrittenShortGivesItsProvince) {
  write_file(file("work.csv"),
             "姓名,联系电话,户籍地,务工地,状态\n"
             "广东东莞,13800008001,421022,广东东莞,外出\n"
             "只写城市,13800008002,421022,义乌,外出\n"
             "省内,13800008003,421022,武汉,外出\n"
             "出国,13800008004,421022,日本大阪,外出\n"
             "在家务农,13800008005,421022,在家务农,返乡\n");  // no place of work: said
  std::string out;
  ASSERT_EQ(s.cli({"import", "people", file("work.csv"), "--report", file("r.xlsx")}, "", &out), 0)
      << out;
  EXPECT_EQ(report_lines(file("r.xlsx")),
            "行号 列: 原因\n : 共读取 5 行，接受 5 行，拒绝 0 行\n"
            "6 务工地: “在家务农”表示未外出务工，未记录务工地\n");
  s.start();
  HttpClient c(s.port());
  std::string token = clerk_token(c);
  auto where = [&](const std::string& phone) {
    return field_of_only(c, token, phone, "work_province") + " " +
           field_of_only(c, token, phone, "work_city");
  };
  EXPECT_EQ(where("8001"), "广东省 东莞市");
  EXPECT_EQ(where("8002"), "浙江省 义乌市");
  EXPECT_EQ(where("8003"), "湖北省 武汉市");
  EXPECT_EQ(where("8004"), "境外 日本大阪");
  EXPECT_EQ(where("8005"), " ");  // neither province nor city
  // Columns of their own are read as written, 在家 excepted.
  write_file(file("work2.csv"),
             "姓名,联系电话,户籍地,务工省份,务工城市,状态\n"
             "分列,13800008006,421022,广东省,东莞市,外出\n"
             "分列在家,13800008007,421022,,在家,返乡\n");
  ASSERT_EQ(s.cli({"import", "people", file("work2.csv"), "--report", file("r2.xlsx")}, "", &out),
            0)
      << out;
  EXPECT_NE(report_lines(file("r2.xlsx")).find("3 务工城市: “在家”表示未外出务工，未记录务工地"),
            std::string::npos)
      << report_lines(file("r2.xlsx"));
  EXPECT_EQ(where("8006"), "广东省 东莞市");
  EXPECT_EQ(where("8007"), " ");
}

// A warning on a row refused for another column must not say the row was saved.
TEST_F(ImportCli, AWarningOnARefusedRowSaysItWasNotImported) {
  std::string old = guiyan::core::complete_id_number("42102219000101001");
  std::string typo = guiyan::core::complete_id_number("42102219900101002");
  typo.back() = typo.back() == '1' ? '2' : '1';
  write_file(file("refused.csv"),
             "姓名,联系电话,户籍地,身份证号\n"
             "老人,1380000,421022," +
                 old +
                 "\n"
                 ",13800001111,421022," +
                 typo +
                 "\n"
                 "错号,13800002222,421022," +
                 typo + "\n");
  std::string out;
  EXPECT_EQ(s.cli({"import", "people", file("refused.csv"), "--report", file("r.xlsx")}, "", &out),
            1)
      << out;
  EXPECT_EQ(summary_of(out)["rejected"], 2);
  std::map<std::string, std::pair<std::string, std::string>> id_issue;  // row → reason, outcome
  guiyan::io::read_sheet(file("r.xlsx"), [&](const guiyan::io::SheetRow& r) {
    if (r.cells.size() >= 5 && r.cells[1] == "身份证号")
      id_issue[r.cells[0]] = {r.cells[3], r.cells[4]};
    return true;
  });
  ASSERT_EQ(id_issue.size(), 3u);
  const std::pair<std::string, std::string> aged{"年龄超过120岁，请核实", "未导入"};
  EXPECT_EQ(id_issue["2"], aged);
  EXPECT_EQ(id_issue["3"].second, "未导入");
  EXPECT_EQ(id_issue["3"].first.find("已按待核实号码导入"), std::string::npos)
      << id_issue["3"].first;
  // The same mistyped number on a row that is saved keeps its word.
  EXPECT_EQ(id_issue["4"].second, "已导入，待核实");
  EXPECT_NE(id_issue["4"].first.find("已按待核实号码导入"), std::string::npos)
      << id_issue["4"].first;
}

TEST_F(ImportCli, ALedgerAfterAnInstructionsSheetIsFound) {
  // Offices' templates often open on a 填表说明 sheet; the ledger is on the next one.
  lxw_workbook* wb = workbook_new(file("template.xlsx").c_str());
  lxw_worksheet* notes = workbook_add_worksheet(wb, "填表说明");
  lxw_worksheet* ledger = workbook_add_worksheet(wb, "返乡人员");
  for (int r = 0; r < 12; ++r) {
    worksheet_write_string(notes, r, 0, ("说明第" + std::to_string(r + 1) + "条").c_str(), nullptr);
  }
  worksheet_write_string(ledger, 0, 0, "姓名", nullptr);
  worksheet_write_string(ledger, 0, 1, "户籍地", nullptr);
  worksheet_write_string(ledger, 1, 0, "说明后", nullptr);
  worksheet_write_string(ledger, 1, 1, "421022", nullptr);
  ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);
  std::string out;
  EXPECT_EQ(
      s.cli({"import", "people", file("template.xlsx"), "--report", file("r.xlsx")}, "", &out), 0)
      << out;
  EXPECT_EQ(summary_of(out)["new"], 1);
  std::string reasons = report_lines(file("r.xlsx"));
  EXPECT_NE(reasons.find(" : 已读取工作表“返乡人员”（之前的工作表中没有表头）"), std::string::npos)
      << reasons;

  // No sheet with a header: the refusal says every sheet was looked at.
  wb = workbook_new(file("no_header.xlsx").c_str());
  worksheet_write_string(workbook_add_worksheet(wb, "一"), 0, 0, "备注", nullptr);
  worksheet_write_string(workbook_add_worksheet(wb, "二"), 0, 0, "备注", nullptr);
  ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);
  EXPECT_NE(s.cli({"import", "people", file("no_header.xlsx")}, "", &out), 0);
  s.start();
  HttpClient c(s.port());
  std::string token = clerk_token(c);
  auto job = run_import(c, token, "kind=people&filename=a.xlsx&dry_run=true",
                        read_bytes(file("no_header.xlsx")));
  EXPECT_EQ(job["status"], "failed");
  EXPECT_EQ(job["error"], "各工作表中未找到表头：表头应包含“姓名”和“户籍地”等列") << job.dump();
}

TEST_F(ImportCli, TheRefusedRowsComeBackAsTheSheetHasThemToCorrectAndImportAgain) {
  s.add_user("imp_aud", "auditor", "421000", "荆州市人社局", kPassword);
  // A 填表说明 sheet, then the ledger under a title row; two of its four rows are refused.
  std::string ok1 = guiyan::core::complete_id_number(unique_stem(101)),
              refused_id = guiyan::core::complete_id_number(unique_stem(102)),
              fixed_id = guiyan::core::complete_id_number(unique_stem(103));
  lxw_workbook* wb = workbook_new(file("ledger.xlsx").c_str());
  worksheet_write_string(workbook_add_worksheet(wb, "填表说明"), 0, 0, "身份证号请设为文本格式",
                         nullptr);
  lxw_worksheet* ledger = workbook_add_worksheet(wb, "返乡人员");
  std::vector<std::vector<std::string>> rows = {{"公安县返乡人员台账"},
                                                {"序号", "姓名", "身份证号", "户籍地", "备注"},
                                                {"1", "退回甲", ok1, "421022", ""},
                                                {"2", "退回乙", "12345", "421022", "号码待补"},
                                                {"3", "退回丙", refused_id, "火星", ""},
                                                {"4", "退回丁", "", "421022", "", "表外一格"}};
  for (size_t r = 0; r < rows.size(); ++r) {
    for (size_t col = 0; col < rows[r].size(); ++col) {
      worksheet_write_string(ledger, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(col),
                             rows[r][col].c_str(), nullptr);
    }
  }
  ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);
  std::string out;
  EXPECT_EQ(s.cli({"import", "people", file("ledger.xlsx"), "--rejected", file("refused.xlsx")}, "",
                  &out),
            1)
      << out;
  EXPECT_EQ(summary_of(out)["new"], 2);
  auto read_rows = [](const std::string& path) {
    std::vector<std::vector<std::string>> got;
    guiyan::io::read_sheet(path, [&](const guiyan::io::SheetRow& r) {
      got.push_back(r.cells);
      return true;
    });
    return got;
  };
  // The header as the ledger has it plus 未导入原因; each refused row as it was, ID number intact.
  auto refused = read_rows(file("refused.xlsx"));
  ASSERT_EQ(refused.size(), 3u);
  EXPECT_EQ(refused[0],
            (std::vector<std::string>{"序号", "姓名", "身份证号", "户籍地", "备注", "未导入原因"}));
  ASSERT_EQ(refused[1].size(), 6u);
  EXPECT_EQ(refused[1][1], "退回乙");
  EXPECT_EQ(refused[1][4], "号码待补");
  EXPECT_NE(refused[1][5].find("身份证号"), std::string::npos) << refused[1][5];
  ASSERT_EQ(refused[2].size(), 6u);
  EXPECT_EQ(refused[2][2], refused_id);
  EXPECT_NE(refused[2][5].find("找不到对应的行政区划"), std::string::npos) << refused[2][5];

  // Corrected in place and imported again: both come in, the reasons column passed over.
  refused[1][2] = fixed_id;
  refused[2][3] = "421022";
  wb = workbook_new(file("corrected.xlsx").c_str());
  lxw_worksheet* sheet = workbook_add_worksheet(wb, "未导入的行");
  for (size_t r = 0; r < refused.size(); ++r) {
    for (size_t col = 0; col < refused[r].size(); ++col) {
      worksheet_write_string(sheet, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(col),
                             refused[r][col].c_str(), nullptr);
    }
  }
  ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);
  EXPECT_EQ(
      s.cli({"import", "people", file("corrected.xlsx"), "--report", file("r.xlsx")}, "", &out), 0)
      << out;
  EXPECT_EQ(summary_of(out)["new"], 2);
  EXPECT_EQ(report_lines(file("r.xlsx")).find("未识别的列"), std::string::npos)
      << report_lines(file("r.xlsx"));

  // The console's way: the job keeps where it read the rows and hands them back.
  s.start();
  HttpClient c(s.port());
  std::string token = clerk_token(c);
  auto job = run_import(c, token, "kind=people&filename=ledger.xlsx&dry_run=true",
                        read_bytes(file("ledger.xlsx")));
  ASSERT_EQ(job["rejected"], 2) << job.dump();
  auto download =
      c.get("/api/v1/imports/" + std::to_string(job["id"].get<int64_t>()) + "/rejected", token);
  ASSERT_EQ(download.status, 200) << download.body;
  write_file(file("downloaded.xlsx"), download.body);
  auto again = read_rows(file("downloaded.xlsx"));
  ASSERT_EQ(again.size(), 3u);
  EXPECT_EQ(again[0].back(), "未导入原因");
  EXPECT_EQ(again[2][2], refused_id);
  // Unmasked personal data went out: the audit log says who took which job's rows.
  auto log = c.get("/api/v1/audit?entity=import_job&entity_id=" +
                       std::to_string(job["id"].get<int64_t>()) + "&action=export",
                   c.post("/api/v1/auth/login", {{"username", "imp_aud"}, {"password", kPassword}})
                       .json()["token"]);
  ASSERT_EQ(log.json()["items"].size(), 1u) << log.body;
  EXPECT_EQ(log.json()["items"][0]["username"], "imp_clerk");
  EXPECT_EQ(log.json()["items"][0]["after"]["rejected_rows"], 2);
  auto clean = run_import(c, token, "kind=people&filename=corrected.xlsx&dry_run=true",
                          read_bytes(file("corrected.xlsx")));
  auto none =
      c.get("/api/v1/imports/" + std::to_string(clean["id"].get<int64_t>()) + "/rejected", token);
  EXPECT_EQ(none.status, 409);
  EXPECT_EQ(none.json()["error"]["message"], "本次导入没有未导入的行");
}

TEST_F(ImportCli, APlaceSplitOverCountyTownAndVillageColumnsIsOnePlace) {
  // 县（市、区） | 乡镇（街道） | 村（社区）, villages by the short names offices use.
  write_file(file("split.csv"),
             "序号,姓名,县（市、区）,乡镇（街道）,村（社区）\n"
             "1,分列甲,公安县,斑竹垱镇,车家垱村\n"
             "2,分列乙,,埠河镇,埠河社区\n"
             "3,分列丙,公安县,埠河镇,\n"
             "4,分列丁,公安县,闸口镇,车家垱村\n"
             "5,分列戊,,,421022112217\n");
  std::string out;
  EXPECT_EQ(s.cli({"import", "people", file("split.csv"), "--report", file("r.xlsx")}, "", &out), 1)
      << out;
  auto sum = summary_of(out);
  EXPECT_EQ(sum["new"], 4);
  EXPECT_EQ(sum["rejected"], 1);
  std::string reasons = report_lines(file("r.xlsx"));
  EXPECT_NE(
      reasons.find("5 村（社区）: 户籍地“公安县/闸口镇/车家垱村”找不到对应的行政区划（车家垱村 "
                   "在 荆州市/公安县/斑竹垱镇/车家垱村村民委员会）"),
      std::string::npos)
      << reasons;
  s.start();
  HttpClient c(s.port());
  std::string token = clerk_token(c);
  auto region_of = [&](const std::string& name) {
    return field_of_only(c, token, name, "region_code");
  };
  EXPECT_EQ(region_of("分列甲"), "421022112217");
  EXPECT_EQ(region_of("分列乙"), "421022100001");
  EXPECT_EQ(region_of("分列丙"), "421022100");
  EXPECT_EQ(region_of("分列戊"), "421022112217");
}

TEST_F(ImportCli, WithoutANumberTheSheetsGenderAndBirthDateAreKept) {
  std::string chen = guiyan::core::complete_id_number("42102219850615001");  // a man's
  std::string zhou = guiyan::core::complete_id_number("42102219800101003");
  write_file(file("born.csv"), "姓名,身份证号,性别,出生日期,户籍地\n陈刚," + chen +
                                   ",男,1985-06-15,421022100001\n"
                                   "陈刚,,男,1985/6/15,421022100001\n"
                                   "刘梅,,女,1990年3月7日,421022100001\n"
                                   "周明," +
                                   zhou +
                                   ",男,1980-01-02,421022\n"
                                   "郑红,,M,,421022\n"
                                   "吴亮,,男,2099-01-01,421022\n");
  std::string out;
  EXPECT_EQ(s.cli({"import", "people", file("born.csv"), "--report", file("r.xlsx")}, "", &out), 1)
      << out;
  auto sum = summary_of(out);
  EXPECT_EQ(sum["new"], 3);
  EXPECT_EQ(sum["rejected"], 3);
  std::string reasons = report_lines(file("r.xlsx"));
  for (const char* line :
       {"5 出生日期: 出生日期与身份证号不符（身份证号显示为1980-01-01）",
        "6 性别: 性别“M”不在可选范围内，可填：男、女", "7 出生日期: 出生日期不能晚于今天"}) {
    EXPECT_NE(reasons.find(line), std::string::npos) << line << "\n" << reasons;
  }
  // The same file again changes nothing: the stated values are the ones kept.
  EXPECT_EQ(s.cli({"import", "people", file("born.csv"), "--dry-run"}, "", &out), 1) << out;
  EXPECT_EQ(summary_of(out)["unchanged"], 3) << out;
  EXPECT_EQ(s.cli({"import", "people", file("born.csv")}, "", &out), 1) << out;
  EXPECT_EQ(summary_of(out)["unchanged"], 3) << out;
  // A less trusted source's other birth date is a conflict to review, not a change.
  write_file(file("bigdata.csv"), "姓名,性别,出生日期,户籍地\n刘梅,女,1990-03-08,421022100001\n");
  EXPECT_EQ(s.cli({"import", "people", file("bigdata.csv"), "--source", "大数据"}, "", &out), 0)
      << out;
  EXPECT_EQ(summary_of(out)["conflicts"], 1) << out;
  s.start();
  HttpClient c(s.port());
  std::string token = clerk_token(c);
  EXPECT_EQ(field_of_only(c, token, "刘梅", "birth_date"), "1990-03-07");
  auto liu = c.get("/api/v1/people?q=" + url_encode("刘梅"), token).json()["items"][0];
  auto conflicts =
      c.get("/api/v1/people/" + std::to_string(liu["id"].get<int64_t>()) + "/file", token)
          .json()["conflicts"];
  ASSERT_EQ(conflicts.size(), 1u) << conflicts.dump();
  EXPECT_EQ(conflicts[0]["field"], "birth_date");
  EXPECT_EQ(field_of_only(c, token, "刘梅", "gender"), "female");
  // 陈刚 without a number pairs with 陈刚 by name, birth date and village.
  auto queue = c.get("/api/v1/people/duplicates?status=open", token).json();
  ASSERT_EQ(queue["total"], 1) << queue.dump();
  std::string keys;
  for (const auto& r : queue["items"][0]["reasons"]) keys += r["key"].get<std::string>() + " ";
  EXPECT_EQ(queue["items"][0]["people"][0]["name"], "陈刚");
  EXPECT_EQ(keys, "same_birth_date same_village same_name ");
}

TEST_F(ImportCli, AYearAndMonthOfBirthChecksTheNumberAndAWholeDateIsKept) {
  std::string march = guiyan::core::complete_id_number("42102219850304001");
  std::string october = guiyan::core::complete_id_number("42102219851004003");
  std::string may = guiyan::core::complete_id_number("42102219900511005");
  write_file(file("months.csv"),
             "姓名,身份证号,出生年月,户籍地\n"
             "年月甲," +
                 march +
                 ",1985.03,421022100001\n"  // agrees
                 "年月乙," +
                 october +
                 ",1985.1,421022100001\n"  // 1985.10 typed into a number cell
                 "年月丙," +
                 may +
                 ",1990年4月,421022100001\n"          // disagrees
                 "年月丁,,1992.07,421022100001\n"     // no number: checks nothing
                 "年月戊,,1993-08-09,421022100001\n"  // a whole date: the birth date
                 "年月己,,八五年三月,421022100001\n"  // unreadable
                 "年月庚,,2999.01,421022100001\n");   // after this month
  std::string out;
  EXPECT_EQ(s.cli({"import", "people", file("months.csv"), "--report", file("r.xlsx")}, "", &out),
            1)
      << out;
  auto sum = summary_of(out);
  EXPECT_EQ(sum["new"], 4) << out;
  EXPECT_EQ(sum["rejected"], 3) << out;
  std::string reasons = report_lines(file("r.xlsx"));
  for (const char* line :
       {"4 出生年月: 出生年月与身份证号不符（身份证号显示为1990年5月）",
        "7 出生年月: 出生年月应为年月或日期，如 1985.03、1985年3月、1985-03-04，实际为“八五年三月”",
        "8 出生年月: 出生年月应在1900年1月至本月之间",
        "出生年月: "
        "出生年月只有年和月：有身份证号的行用来核对身份证号；没有身份证号的人员未记录出生日期"}) {
    EXPECT_NE(reasons.find(line), std::string::npos) << line << "\n" << reasons;
  }
  EXPECT_EQ(reasons.find("未识别"), std::string::npos) << reasons;  // the column is read
  s.start();
  HttpClient c(s.port());
  std::string token = clerk_token(c);
  EXPECT_EQ(field_of_only(c, token, "年月戊", "birth_date"), "1993-08-09");
  EXPECT_EQ(field_of_only(c, token, "年月乙", "birth_date"), "1985-10-04");  // from the number
  auto ding = c.get("/api/v1/people?q=" + url_encode("年月丁"), token).json();
  ASSERT_EQ(ding["total"], 1);
  EXPECT_TRUE(ding["items"][0]["birth_date"].is_null()) << ding.dump();
}

// A township's sheet gives each person's 年龄 beside the number. A row sorted apart from its
// number (Excel sorting one column) shows as an age the number does not give: a warning, the
// person kept, since a sheet's ages may also be a year or two old (or 虚岁).
TEST_F(ImportCli, AnAgeTheNumberDoesNotGiveIsAWarning) {
  std::string born_1985 = guiyan::core::complete_id_number("42102219850304001");
  std::string born_1990 = guiyan::core::complete_id_number("42102219900511005");
  auto today = *guiyan::core::Date::parse_iso(guiyan::core::today_local());
  int full_1985 = guiyan::core::Date{1985, 3, 4}.age_on(today);
  int full_1990 = guiyan::core::Date{1990, 5, 11}.age_on(today);
  std::string n1985 = std::to_string(full_1985), n1990 = std::to_string(full_1990);
  write_file(file("ages.csv"),
             "姓名,身份证号,年龄,户籍地\n"
             "年龄甲," +
                 born_1985 + "," + n1985 +
                 "岁,421022100001\n"  // agrees
                 "年龄乙," +
                 born_1990 + "," + std::to_string(full_1990 - 1) +  // last year's sheet
                 ",421022100001\n"
                 "年龄丙," +
                 guiyan::core::complete_id_number("42102219900511007") + "," + n1985 +
                 ",421022100001\n"  // another person's
                 "年龄丁," +
                 guiyan::core::complete_id_number("42102219850304002") +
                 ",三十多,421022100001\n"       // unreadable: not checked
                 "年龄戊,,45,421022100001\n");  // no number: nothing to check
  std::string out;
  EXPECT_EQ(s.cli({"import", "people", file("ages.csv"), "--report", file("r.xlsx")}, "", &out), 0)
      << out;
  auto sum = summary_of(out);
  EXPECT_EQ(sum["new"], 5) << out;
  EXPECT_EQ(sum["rejected"], 0) << out;
  std::string reasons = report_lines(file("r.xlsx"));
  for (const std::string& line :
       {"4 年龄: 年龄与身份证号不符（按身份证号为" + n1990 + "周岁），请核对身份证号",
        std::string("5 年龄: 年龄应为整数岁数，如 35、35岁，实际为“三十多”；未用于核对"),
        std::string("年龄: 年龄用来核对身份证号，不单独保存；没有有效身份证号的人员未记录年龄")}) {
    EXPECT_NE(reasons.find(line), std::string::npos) << line << "\n" << reasons;
  }
  for (const char* fine : {"2 年龄", "3 年龄", "6 年龄", "未识别"}) {
    EXPECT_EQ(reasons.find(fine), std::string::npos) << fine << "\n" << reasons;
  }
  s.start();
  HttpClient c(s.port());
  std::string token = clerk_token(c);
  EXPECT_EQ(field_of_only(c, token, "年龄丙", "birth_date"), "1990-05-11");  // kept, as numbered
  auto wu = c.get("/api/v1/people?q=" + url_encode("年龄戊"), token).json();
  ASSERT_EQ(wu["total"], 1);
  EXPECT_TRUE(wu["items"][0]["birth_date"].is_null()) << wu.dump();
}

// Offices write round figures and loose dates. A figure said about (约30万, 10万左右, 50万以上, 5W)
// is kept as that figure; a month given as 2月初 or 年底 is that month; what cannot be read (a
// range, 去年冬天) is left out with the person kept and the report saying so. Who the person is,
// where they belong and where they stand still refuse the row when unreadable.
TEST_F(ImportCli, AnUnreadableFigureOrDateIsLeftOutAndThePersonKept) {
  write_file(file("loose.csv"),
             "姓名,联系电话,户籍地,状态,返乡时间,资金需求,计划投资\n"
             "约数甲,13800006001,421022,,2026年2月初,10万左右,约30万\n"
             "范围乙,13800006002,421022,,2025年底,5-10万,50万以上\n"
             "春节丙,13800006003,421022,,去年冬天,5W,\n"
             "状态丁,13800006004,421022,打工,,,\n"
             "电话戊,1380000600,421022,,,,\n");
  std::string out;
  std::vector<std::string> args = {"import", "people", file("loose.csv"), "--report",
                                   file("r.xlsx")};
  EXPECT_EQ(run_guiyan({"import", "people", file("loose.csv"), "--dry-run", "--db", s.db_url()}, "",
                       &out),
            1);
  auto dry = summary_of(out);
  EXPECT_EQ(s.cli(args, "", &out), 1) << out;
  auto sum = summary_of(out);
  EXPECT_EQ(sum["new"], 3) << out;
  EXPECT_EQ(sum["rejected"], 2) << out;
  EXPECT_EQ(dry, sum);
  std::string reasons = report_lines(file("r.xlsx"));
  for (const char* line : {"2 资金需求: “10万左右”按10万元记录", "2 计划投资: “约30万”按30万元记录",
                           "3 资金需求: 资金需求应为数字（万元），实际为“5-10万”；此项未导入",
                           "3 计划投资: “50万以上”按50万元记录",
                           "4 返乡时间: 返乡时间应为日期或年月，如 "
                           "2026-02-10、2026年2月，实际为“去年冬天”；此项未导入",
                           "5 状态: 人员状态“打工”不在可选范围内", "6 联系电话: 手机号应为11位"}) {
    EXPECT_NE(reasons.find(line), std::string::npos) << line << "\n" << reasons;
  }
  EXPECT_EQ(s.cli(args, "", &out), 1) << out;
  EXPECT_EQ(summary_of(out)["unchanged"], 3) << out;
  s.start();
  HttpClient c(s.port());
  std::string token = clerk_token(c);
  auto first = only_person(c, token, "约数甲");
  EXPECT_EQ(first["intention_funding_wan"], 10) << first.dump();
  EXPECT_EQ(first["intention_investment_wan"], 30);
  EXPECT_EQ(first["status_since"], "2026-02-01");
  auto second = only_person(c, token, "范围乙");
  EXPECT_TRUE(second["intention_funding_wan"].is_null()) << second.dump();
  EXPECT_EQ(second["intention_investment_wan"], 50);
  EXPECT_EQ(second["status_since"], "2025-12-01");
  auto third = only_person(c, token, "春节丙");
  EXPECT_EQ(third["intention_funding_wan"], 5) << third.dump();
  EXPECT_TRUE(third["status_since"].is_null());
}

TEST_F(ImportCli, AnIntendedIndustryMayBeWrittenByItsName) {
  write_file(file("industry.csv"),
             "姓名,户籍地,创业行业\n行业甲,421022,餐饮\n行业乙,421022,H62\n行业丙,421022,农业\n"
             "行业丁,421022,电子商务\n");
  std::string out;
  // 电子商务 names no section or division: left out, the person kept.
  EXPECT_EQ(s.cli({"import", "people", file("industry.csv"), "--report", file("r.xlsx")}, "", &out),
            0)
      << out;
  EXPECT_EQ(summary_of(out)["new"], 4);
  std::string reasons = report_lines(file("r.xlsx"));
  EXPECT_NE(
      reasons.find("5 创业行业: 意向行业“电子商务”不是国民经济行业分类（GB/T 4754）的门类或大类"),
      std::string::npos)
      << reasons;
  s.start();
  HttpClient c(s.port());
  std::string token = clerk_token(c);
  auto industry_of = [&](const std::string& name) {
    return field_of_only(c, token, name, "intention_industry");
  };
  EXPECT_EQ(industry_of("行业甲"), "62");
  EXPECT_EQ(industry_of("行业乙"), "62");
  EXPECT_EQ(industry_of("行业丙"), "01");
  auto ding = only_person(c, token, "行业丁");  // kept: found, without an industry
  ASSERT_TRUE(ding.contains("id")) << ding.dump();
  EXPECT_TRUE(ding["intention_industry"].is_null()) << ding.dump();
}

TEST_F(ImportCli, AVillageMergedDownOverItsPeoplesRowsIsEachOnesVillage) {
  // 乡镇 and 村 merged down over the rows of the people who live there, as offices lay it out.
  lxw_workbook* wb = workbook_new(file("merged.xlsx").c_str());
  lxw_worksheet* ws = workbook_add_worksheet(wb, "摸排表");
  lxw_format* center = workbook_add_format(wb);
  format_set_align(center, LXW_ALIGN_CENTER);
  const char* head[] = {"序号", "姓名", "乡镇", "村"};
  for (int c = 0; c < 4; ++c) worksheet_write_string(ws, 0, c, head[c], nullptr);
  for (int r = 1; r <= 5; ++r) {
    worksheet_write_number(ws, r, 0, r, nullptr);
    worksheet_write_string(ws, r, 1, ("合并" + std::to_string(r)).c_str(), nullptr);
  }
  worksheet_merge_range(ws, 1, 2, 5, 2, "斑竹垱镇", center);
  worksheet_merge_range(ws, 1, 3, 3, 3, "车家垱村", center);
  worksheet_merge_range(ws, 4, 3, 5, 3, "斑竹垱社区", center);
  ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);
  std::string out;
  EXPECT_EQ(s.cli({"import", "people", file("merged.xlsx")}, "", &out), 0) << out;
  EXPECT_EQ(summary_of(out)["new"], 5);
  s.start();
  HttpClient c(s.port());
  std::string token = clerk_token(c);
  auto region_of = [&](const std::string& name) {
    return field_of_only(c, token, name, "region_name");
  };
  EXPECT_EQ(region_of("合并1"), "车家垱村村民委员会");
  EXPECT_EQ(region_of("合并3"), "车家垱村村民委员会");
  EXPECT_NE(region_of("合并4").find("斑竹垱"), std::string::npos) << region_of("合并4");
  EXPECT_NE(region_of("合并5").find("斑竹垱"), std::string::npos) << region_of("合并5");
}

// A ledger whose header takes two rows under its title: group titles (外出务工情况, 返乡情况)
// merged across the columns named in the row below, the other headers merged down over both rows.
// The columns below the titles are read, the second header row is no person, and the refused rows
// come back under the header as one row.
TEST_F(ImportCli, AHeaderOfTwoRowsIsReadAsOne) {
  lxw_workbook* wb = workbook_new(file("two_rows.xlsx").c_str());
  lxw_worksheet* ws = workbook_add_worksheet(wb, "外出务工人员台账");
  lxw_format* center = workbook_add_format(wb);
  format_set_align(center, LXW_ALIGN_CENTER);
  worksheet_merge_range(ws, 0, 0, 0, 8, "斑竹垱镇外出务工人员台账", center);
  const char* down[] = {"序号", "姓名", "身份证号码", "户籍地"};
  for (int c = 0; c < 4; ++c) worksheet_merge_range(ws, 1, c, 2, c, down[c], center);
  worksheet_merge_range(ws, 1, 4, 1, 6, "外出务工情况", center);
  worksheet_merge_range(ws, 1, 7, 1, 8, "返乡情况", center);
  const char* below[] = {"务工地", "务工单位", "外出时间", "是否返乡", "返乡时间"};
  for (int c = 0; c < 5; ++c) worksheet_write_string(ws, 2, 4 + c, below[c], nullptr);
  std::string id = guiyan::core::complete_id_number("42102219900101007");
  const std::vector<std::vector<std::string>> rows = {
      {"1", "两行甲", id, "421022", "广东东莞", "某电子厂", "2025-03-01", "是", "2026-01-20"},
      {"2", "两行乙", "123", "421022", "浙江义乌", "", "2025-05-01", "否", ""}};
  for (size_t r = 0; r < rows.size(); ++r) {
    for (size_t c = 0; c < rows[r].size(); ++c) {
      worksheet_write_string(ws, static_cast<lxw_row_t>(3 + r), static_cast<lxw_col_t>(c),
                             rows[r][c].c_str(), nullptr);
    }
  }
  ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);
  std::string out;
  EXPECT_EQ(s.cli({"import", "people", file("two_rows.xlsx"), "--report", file("r.xlsx"),
                   "--rejected", file("x.xlsx")},
                  "", &out),
            1)
      << out;
  auto sum = summary_of(out);
  EXPECT_EQ(sum["rows_read"], 2) << out;  // the second header row is not a row of data
  EXPECT_EQ(sum["new"], 1) << out;
  EXPECT_EQ(sum["rejected"], 1) << out;
  std::string reasons = report_lines(file("r.xlsx"));
  EXPECT_EQ(reasons.find("务工单位"), std::string::npos) << reasons;  // read, under its title
  EXPECT_EQ(reasons.find("外出务工情况"), std::string::npos) << reasons;
  std::vector<std::vector<std::string>> back;
  guiyan::io::read_sheet(file("x.xlsx"), [&](const guiyan::io::SheetRow& r) {
    back.push_back(r.cells);
    return true;
  });
  ASSERT_EQ(back.size(), 2u);
  EXPECT_EQ(back[0],
            (std::vector<std::string>{"序号", "姓名", "身份证号码", "户籍地", "务工地", "务工单位",
                                      "外出时间", "是否返乡", "返乡时间", "未导入原因"}));
  EXPECT_EQ(back[1][1], "两行乙");
  s.start();
  HttpClient c(s.port());
  std::string token = clerk_token(c);
  EXPECT_EQ(statuses_of(c, token, "两行甲"), "returned 2026-01-20: returned@2026-01-20");
  EXPECT_EQ(field_of_only(c, token, "两行甲", "work_province"), "广东省");
  EXPECT_EQ(field_of_only(c, token, "两行甲", "work_city"), "东莞市");
  EXPECT_EQ(field_of_only(c, token, "两行甲", "work_employer"), "某电子厂");
}

// A ledger saved by Excel 97-2003 or WPS as .xls — instructions on its first sheet, the ledger on
// the second under a merged title; another with villages merged down — imports as its .xlsx
// would, from the command line and through the console's upload.
TEST_F(ImportCli, AnXlsLedgerImportsAsItsXlsxWould) {
  const std::string dir = std::string(GUIYAN_SOURCE_DIR) + "/src/io/testdata/";
  std::string out;
  EXPECT_EQ(s.cli({"import", "people", dir + "ledger.xls", "--report", file("r.xlsx")}, "", &out),
            0)
      << out;
  EXPECT_EQ(summary_of(out)["new"], 2) << out;
  std::string reasons = report_lines(file("r.xlsx"));
  EXPECT_NE(reasons.find("已读取工作表“返乡人员台账”"), std::string::npos) << reasons;
  EXPECT_NE(reasons.find("5 返乡时间: 只有年月，返乡时间按1月1日记录"), std::string::npos)
      << reasons;
  EXPECT_EQ(s.cli({"import", "people", dir + "merged.xls"}, "", &out), 0) << out;
  EXPECT_EQ(summary_of(out)["new"], 5) << out;
  s.start();
  HttpClient c(s.port());
  std::string token = clerk_token(c);
  EXPECT_EQ(statuses_of(c, token, "张三"), "returned 2026-01-20: returned@2026-01-20");
  std::string phone = field_of_only(c, token, "张三", "phone");  // typed as a number in the sheet
  EXPECT_TRUE(phone.starts_with("138") && phone.ends_with("1111")) << phone;
  EXPECT_EQ(only_person(c, token, "张三")["intention_investment_wan"], 13);  // 12.5, whole 万元
  EXPECT_EQ(field_of_only(c, token, "合并3", "region_name"), "车家垱村村民委员会");
  EXPECT_NE(field_of_only(c, token, "合并5", "region_name").find("斑竹垱"), std::string::npos);
  // The console's upload takes the same file by its name .xls: a dry run finds both unchanged.
  auto job =
      run_import(c, token, "kind=people&filename=" + url_encode("台账.xls") + "&dry_run=true",
                 read_bytes(dir + "ledger.xls"));
  EXPECT_EQ(job["status"], "done") << job.dump();
  EXPECT_EQ(job["unchanged"], 2) << job.dump();
  // A file that crashes FreeXL fails its job with the reason; the server goes on.
  auto broken = run_import(c, token, "kind=people&filename=broken.xls&dry_run=true",
                           read_bytes(dir + "corrupt-freexl-crash.xls"));
  EXPECT_EQ(broken["status"], "failed") << broken.dump();
  EXPECT_NE(broken["error"].get<std::string>().find("文件已损坏"), std::string::npos)
      << broken.dump();
  EXPECT_EQ(c.get("/api/v1/health").status, 200);
}

// A ledger exported by a web system as .xls — a web page holding a table, in GBK, a title over
// it and villages merged down — imports as Excel would show it, from the command line and
// through the console's upload; the report's row numbers are the rows Excel numbers.
TEST_F(ImportCli, AWebPageSavedAsXlsImportsAsExcelShowsIt) {
  std::string id = guiyan::core::complete_id_number("42102219900315101");
  std::string page =
      "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">"
      "<style>td{mso-number-format:'\\@';}</style></head><body><table border=1>"
      "<tr><td colspan=5>公安县返乡人员台账（系统导出）</td></tr>"
      "<tr><th>姓名</th><th>身份证号码</th><th>户籍地</th><th>联系电话</th><th>技能特长</th></tr>"
      "<tr><td>网页甲</td><td>" +
      id +
      "</td><td rowspan=2>公安县/斗湖堤镇/杨公堤社区</td>"
      "<td>13807160101</td><td>电工&nbsp;</td></tr>"
      "<tr><td>网页乙</td><td></td><td>1380716010</td><td></td></tr>"
      "</table></body></html>";
  write_file(file("导出.xls"), guiyan::io::test_support::encode(page, "GB18030"));
  expect_export_imports("导出.xls", "网页甲");
}

TEST_F(ImportCli, AnExcel2003XmlSpreadsheetImportsAsExcelShowsIt) {
  // “XML 电子表格 2003” under the name .xls, as some systems export: a hidden sheet first (its
  // person is not imported), a title merged across, a village merged down, a phone as a number.
  std::string id = guiyan::core::complete_id_number("42102219900315101");
  auto cell = [](const std::string& text, const std::string& attrs = "") {
    return "<Cell" + attrs + "><Data ss:Type=\"String\">" + text + "</Data></Cell>";
  };
  std::string header = "<Row>" + cell("姓名") + cell("身份证号码") + cell("户籍地") +
                       cell("联系电话") + cell("技能特长") + "</Row>\n";
  std::string book =
      "<?xml version=\"1.0\" encoding=\"GB2312\"?>\n<?mso-application progid=\"Excel.Sheet\"?>\n"
      "<Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\" "
      "xmlns:x=\"urn:schemas-microsoft-com:office:excel\" "
      "xmlns:ss=\"urn:schemas-microsoft-com:office:spreadsheet\">\n"
      "<Worksheet ss:Name=\"旧表\"><Table>" +
      header + "<Row>" + cell("隐藏人") + "<Cell/>" + cell("公安县") +
      "</Row></Table><WorksheetOptions xmlns=\"urn:schemas-microsoft-com:office:excel\">"
      "<Visible>SheetHidden</Visible></WorksheetOptions></Worksheet>\n"
      "<Worksheet ss:Name=\"台账\"><Table>\n<Row>" +
      cell("公安县返乡人员台账（系统导出）", " ss:MergeAcross=\"4\"") + "</Row>\n" + header +
      "<Row>" + cell("表格甲") + cell(id) +
      cell("公安县/斗湖堤镇/杨公堤社区", " ss:MergeDown=\"1\"") +
      "<Cell><Data ss:Type=\"Number\">13807160101</Data></Cell>" + cell("电工") + "</Row>\n" +
      "<Row>" + cell("表格乙") +
      "<Cell ss:Index=\"4\"><Data ss:Type=\"Number\">1380716010</Data>"
      "</Cell></Row>\n</Table></Worksheet></Workbook>\n";
  write_file(file("导出2003.xls"), guiyan::io::test_support::encode(book, "GB18030"));
  expect_export_imports("导出2003.xls", "表格甲");
  EXPECT_EQ(people_count(s, "&q=" + url_encode("隐藏人")), 0);
}

// The totals in a ledger, the title and header of a second ledger pasted under the first, and
// the signatures and notes under the table are no people: they are passed over with a word in
// the report (已跳过), not refused one by one, and the import succeeds.
TEST_F(ImportCli, TotalsSignaturesAndNotesInALedgerArePassedOverNotRefused) {
  std::string ledger =
      "公安县返乡人员台账\n"
      "序号,姓名,身份证号,联系电话,户籍地\n"
      "1,汇总甲,,13807160201,公安县/斗湖堤镇/杨公堤社区\n"
      "斗湖堤镇小计,1人,,,\n"
      "埠河镇返乡人员台账,,,,\n"
      "序号,姓名,身份证号,联系电话,户籍地\n"
      "2,汇总乙,,13807160202,公安县/斗湖堤镇/杨公堤社区\n"
      "合  计,2人,,,\n"
      "填表人：张三,,审核人：李四,填报日期：2026年2月20日,\n"
      "注：1.本表由村委会填写；,,,,\n"
      "2.户籍地填到村。,,,,\n";
  write_file(file("汇总.csv"), ledger);
  std::string out;
  EXPECT_EQ(s.cli({"import", "people", file("汇总.csv"), "--report", file("r.xlsx")}, "", &out), 0)
      << out;
  auto sum = summary_of(out);
  EXPECT_EQ(sum["rows_read"], 2) << out;
  EXPECT_EQ(sum["new"], 2) << out;
  EXPECT_EQ(sum["rejected"], 0) << out;
  std::vector<std::string> passed;
  guiyan::io::read_sheet(file("r.xlsx"), [&](const guiyan::io::SheetRow& r) {
    if (r.cells.size() >= 5 && r.cells[4] == "已跳过")
      passed.push_back(r.cells[0] + " " + r.cells[2]);
    return true;
  });
  EXPECT_EQ(passed, (std::vector<std::string>{
                        "4 斗湖堤镇小计", "5 埠河镇返乡人员台账", "6 序号", "8 合  计",
                        "9 填表人：张三", "10 注：1.本表由村委会填写；", "11 2.户籍地填到村。"}));
  // The console's upload says the same of each.
  s.start();
  HttpClient c(s.port());
  auto job = run_import(c, clerk_token(c),
                        "kind=people&filename=" + url_encode("汇总.csv") + "&dry_run=true",
                        read_bytes(file("汇总.csv")));
  EXPECT_EQ(job["rejected"], 0) << job.dump();
  EXPECT_EQ(job["unchanged"], 2) << job.dump();
  int skipped = 0;
  for (const auto& issue : job["issues"]) skipped += issue.value("skipped", false) ? 1 : 0;
  EXPECT_EQ(skipped, 7) << job.dump();
}

// The console lists 200 issues: a refused row comes before the rows passed over, however many
// subtotals stand above it.
TEST_F(ImportCli, TheConsoleListsARefusedRowBeforeTheRowsPassedOver) {
  std::string ledger = "序号,姓名,联系电话,户籍地\n";
  for (int i = 1; i <= 250; ++i) {
    ledger += std::to_string(i) + ",组员" + std::to_string(i) + ",,公安县\n第" + std::to_string(i) +
              "组小计,1人,,\n";
  }
  ledger += "251,错号人,1380716,公安县\n";
  write_file(file("小计.csv"), ledger);
  s.start();
  HttpClient c(s.port());
  auto job = run_import(c, clerk_token(c),
                        "kind=people&filename=" + url_encode("小计.csv") + "&dry_run=true",
                        read_bytes(file("小计.csv")));
  EXPECT_EQ(job["rejected"], 1) << job.dump();
  EXPECT_EQ(job["issue_count"], 251);
  ASSERT_EQ(job["issues"].size(), 200u);
  EXPECT_EQ(job["issues"][0]["row"], 502) << job["issues"][0].dump();
  EXPECT_FALSE(job["issues"][0].value("skipped", false));
  EXPECT_TRUE(job["issues"][1].value("skipped", false));
  EXPECT_EQ(job["issues"][1]["row"], 3);
}

TEST_F(ImportCli, RowsPastedFromAGbkSheetIntoAUtf8CsvAreRejectedOneByOne) {
  // A UTF-8 ledger where three rows came from an older sheet saved as GB18030 (李四 is
  // \xc0\xee\xcb\xc4 there): the file is still read as UTF-8, those rows are refused with the
  // reason, every other row goes in. Read as GB18030, the whole file would be gibberish and
  // refused for want of a header.
  std::string csv = "姓名,户籍地,技能特长\n";
  for (int i = 0; i < 40; ++i) {
    csv += "人员" + std::to_string(i) + ",421022,电工\n";
    if (i % 15 == 7) csv += "\xc0\xee\xcb\xc4" + std::to_string(i) + ",421022,\n";
  }
  write_file(file("mixed.csv"), csv);
  std::string out;
  EXPECT_EQ(
      s.cli({"import", "people", file("mixed.csv"), "--report", file("mixed.xlsx")}, "", &out), 1)
      << out;
  auto sum = summary_of(out);
  EXPECT_EQ(sum["rows_read"], 43);
  EXPECT_EQ(sum["new"], 40);
  EXPECT_EQ(sum["rejected"], 3);
  std::vector<std::string> refused;
  guiyan::io::read_sheet(file("mixed.xlsx"), [&](const guiyan::io::SheetRow& r) {
    if (r.cells.size() >= 4 && r.cells[3].find("含有无法识别的字符") != std::string::npos) {
      refused.push_back(r.cells[0] + ":" + r.cells[1]);
    }
    return true;
  });
  // Rows 10, 26 and 42 of the file (the header is row 1).
  EXPECT_EQ(refused, (std::vector<std::string>{"10:姓名", "26:姓名", "42:姓名"}));
  s.start();
  EXPECT_EQ(people_count(s, "&q=%E4%BA%BA%E5%91%98"), 40);  // 人员
}

TEST_F(ImportCli, FilesWithoutAHeaderAreRefusedClearly) {
  write_file(file("none.csv"), "a,b\n1,2\n");
  std::string out;
  EXPECT_NE(run_guiyan({"import", "people", file("none.csv"), "--db", s.db_url()}, "", &out), 0);
  EXPECT_NE(out.find("未找到表头"), std::string::npos) << out;
  write_file(file("x.txt"), "姓名\n");
  EXPECT_NE(run_guiyan({"import", "people", file("x.txt"), "--db", s.db_url()}, "", &out), 0);
  EXPECT_NE(out.find(".xlsx"), std::string::npos) << out;
}

TEST_F(ImportCli, AKillDuringImportLeavesWholeBatchesAndARerunCompletes) {
  std::string content = "姓名,身份证号,户籍地\n";
  // Big enough that the import is still running at the kill (PostgreSQL and ASan import more
  // slowly).
  const int n = testing_on_postgres() || sanitized_build() ? 8000 : 40000;
  for (int i = 0; i < n; ++i) {
    content += "批量" + std::to_string(i) + "," + guiyan::core::complete_id_number(unique_stem(i)) +
               ",421022100\n";
  }
  write_file(file("big.csv"), content);
  pid_t pid = fork();
  if (pid == 0) {
    int devnull = open("/dev/null", O_WRONLY);
    dup2(devnull, 1);
    dup2(devnull, 2);
    execl(GUIYAN_BIN, GUIYAN_BIN, "import", "people", file("big.csv").c_str(), "--db",
          s.db_url().c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  s.start();
  int64_t partial = people_count(s);
  const int64_t batch = guiyan::service::ImportOptions{}.batch_rows;
  EXPECT_EQ(partial % batch, 0) << partial;  // whole batches only
  EXPECT_LT(partial, n) << "the import finished before the kill; raise n";
  std::string out;
  EXPECT_EQ(s.cli({"import", "people", file("big.csv")}, "", &out), 0);
  EXPECT_EQ(summary_of(out)["new"], n - partial);
  EXPECT_EQ(people_count(s), n);
}

TEST_F(ImportCli, ARowTheDatabaseRefusesLosesOnlyThatRowAndLeavesSearchIntact) {
  // The database refuses one row (here a trigger; in life a constraint or a full disk): the
  // batch is written again row by row, so only that row is lost, and the rows around it, the
  // search index and the tally are whole.
  {
    auto db = guiyan::store::open_db(s.db_url(), 1);
    auto conn = db->acquire();
    if (testing_on_postgres()) {
      conn->exec_script(
          "CREATE FUNCTION refuse_row() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
          "RAISE EXCEPTION '测试拒绝'; END $$; CREATE TRIGGER refuse_row BEFORE INSERT ON person "
          "FOR EACH ROW WHEN (NEW.name = '拒收') EXECUTE FUNCTION refuse_row();");
    } else {
      conn->exec_script(
          "CREATE TRIGGER refuse_row BEFORE INSERT ON person WHEN NEW.name = '拒收' BEGIN "
          "SELECT RAISE(ABORT, '测试拒绝'); END;");
    }
  }
  std::string content = "姓名,身份证号,户籍地,技能特长\n";
  const char* names[] = {"甲一", "乙二", "拒收", "丙三", "丁四"};
  for (int i = 0; i < 5; ++i) {
    content += std::string(names[i]) + "," + guiyan::core::complete_id_number(unique_stem(i)) +
               ",421022100,木工\n";
  }
  write_file(file("refused.csv"), content);
  std::string out;
  EXPECT_EQ(
      s.cli({"import", "people", file("refused.csv"), "--report", file("refused.xlsx")}, "", &out),
      1)
      << out;
  auto sum = summary_of(out);
  EXPECT_EQ(sum["accepted"], 4);
  EXPECT_EQ(sum["rejected"], 1);
  std::vector<std::vector<std::string>> report;
  guiyan::io::read_sheet(file("refused.xlsx"), [&](const guiyan::io::SheetRow& r) {
    report.push_back(r.cells);
    return true;
  });
  std::vector<std::string> refused;
  for (const auto& r : report) {
    if (!r.empty() && r[0] == "4") refused = r;  // the sheet's header is row 1
  }
  ASSERT_GE(refused.size(), 4u) << "no line for row 4 in the report";
  EXPECT_NE(refused[3].find("保存失败"), std::string::npos) << refused[3];
  s.start();
  EXPECT_EQ(people_count(s), 4);
  EXPECT_EQ(people_count(s, "&q=%E6%9C%A8%E5%B7%A5"), 4);  // 木工: every saved row is findable
  EXPECT_EQ(people_count(s, "&q=%E4%B8%81%E5%9B%9B"), 1);  // 丁四, after the refused row
  EXPECT_EQ(tally_mismatch(s.db_url()), "");
  if (!testing_on_postgres()) {
    auto db = guiyan::store::open_db(s.db_url(), 1);
    auto conn = db->acquire();
    EXPECT_NO_THROW(
        conn->exec_script("INSERT INTO person_fts (person_fts) VALUES ('integrity-check')"));
  }
}

TEST_F(ImportCli, ALargeImportKeepsThePlannersStatisticsFresh) {
  // On PostgreSQL, statements prepared while the table was empty keep plans for an empty table
  // (a whole-table scan for each batch's ID numbers) until it is analyzed: the import analyzes
  // the table whenever it has doubled (1,000 rows, then 2,000; the third batch is not enough).
  if (!testing_on_postgres()) GTEST_SKIP() << "SQLite plans each statement without statistics";
  std::string content = "姓名,身份证号,联系电话,户籍地\n";
  for (int i = 0; i < 3000; ++i) {
    content += "人员" + std::to_string(i) + "," + guiyan::core::complete_id_number(unique_stem(i)) +
               ",,421022100\n";
  }
  write_file(file("p.csv"), content);
  std::string out;
  ASSERT_EQ(s.cli({"import", "people", file("p.csv"), "--batch-rows", "1000"}, "", &out), 0) << out;
  EXPECT_EQ(summary_of(out)["new"], 3000);
  auto db = guiyan::store::open_db(s.db_url(), 1);
  auto c = db->acquire();
  EXPECT_GE(guiyan::store::query_int(
                *c, "SELECT reltuples::bigint FROM pg_class WHERE oid = 'person'::regclass"),
            2000);
}

TEST_F(ImportCli, TheFullTextIndexMergesAsUsualAgainAfterAnImport) {
  // SQLite's full-text index merges less often during an import (store::set_bulk_search_index);
  // the everyday setting must come back, or every later save leaves more segments for searches to
  // read.
  if (s.db_url().rfind("sqlite:", 0) != 0) GTEST_SKIP() << "FTS5 setting, SQLite only";
  write_file(file("one.csv"), "姓名,户籍地\n陶一,421022100\n");
  std::string out;
  ASSERT_EQ(s.cli({"import", "people", file("one.csv")}, "", &out), 0) << out;
  auto db = guiyan::store::open_db(s.db_url(), 1);
  auto c = db->acquire();
  EXPECT_EQ(guiyan::store::query_int(*c, "SELECT v FROM person_fts_config WHERE k = 'automerge'"),
            4);
}

// What village ledgers write beside a value: a note on a phone, a plan in the 创业意愿 column, a
// two-digit year, a return dated by 春节, a status under 人员现状.
TEST_F(ImportCli, WhatALedgerWritesBesideAValueIsKept) {
  write_file(file("beside.csv"),
             "姓名,联系电话,户籍地,人员现状,返乡时间,文化程度,创业意愿,备注\n"
             "旁注甲,13800009001（微信同号）,421022,已返乡,24年2月,小学以下,想搞养殖,家中有老人\n"
             "旁注乙,（父亲）13800009002,421022,在外务工,,,暂不考虑,\n"
             "旁注丙,13800009003,421022,返乡,2025年春节后,,是,\n");
  std::string out;
  std::vector<std::string> args = {"import", "people", file("beside.csv"), "--report",
                                   file("r.xlsx")};
  EXPECT_EQ(s.cli(args, "", &out), 0) << out;
  EXPECT_EQ(summary_of(out)["new"], 3) << out;
  std::string reasons = report_lines(file("r.xlsx"));
  for (const char* line : {"2 返乡时间: 只有年月，返乡时间按2024年2月1日记录",
                           "2 创业意愿: 记为有创业意愿，“想搞养殖”记入创业意向",
                           "3 联系电话: “联系电话：父亲”记入备注",
                           "3 创业意愿: 有创业意愿应填“是”或“否”，实际为“暂不考虑”；此项未导入",
                           "4 返乡时间: 返乡时间按2025年春节（1月29日）记录"}) {
    EXPECT_NE(reasons.find(line), std::string::npos) << line << "\n" << reasons;
  }
  EXPECT_EQ(reasons.find("微信同号"), std::string::npos) << reasons;  // nothing to say of it
  EXPECT_EQ(reasons.find("人员现状"), std::string::npos) << reasons;  // read, not ignored
  EXPECT_EQ(s.cli(args, "", &out), 0) << out;
  EXPECT_EQ(summary_of(out)["unchanged"], 3) << out;
  s.start();
  HttpClient c(s.port());
  std::string token = clerk_token(c);
  auto first = only_person(c, token, "旁注甲");
  EXPECT_EQ(first["phone"], "138****9001") << first.dump();
  EXPECT_EQ(first["status"], "returned");
  EXPECT_EQ(first["status_since"], "2024-02-01");
  EXPECT_EQ(first["education"], "primary");
  EXPECT_EQ(first["willing"], true);
  EXPECT_EQ(first["intention_note"], "想搞养殖");
  EXPECT_EQ(first["notes"], "家中有老人");
  auto second = only_person(c, token, "旁注乙");
  EXPECT_EQ(second["phone"], "138****9002") << second.dump();
  EXPECT_EQ(second["status"], "away");
  EXPECT_EQ(second["notes"], "联系电话：父亲");
  EXPECT_TRUE(second["willing"].is_null());
  auto third = only_person(c, token, "旁注丙");
  EXPECT_EQ(third["willing"], true) << third.dump();
  EXPECT_EQ(third["status_since"], "2025-01-29");
}
