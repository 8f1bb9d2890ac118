// The import templates (导入模板): downloaded, filled in as an office would, and imported.
#include <fstream>

#include "api/api_env.h"
#include "core/id_number.h"
#include "io/sheet_reader.h"
#include "io/xlsx_writer.h"

using namespace guiyan::testing;

namespace {

std::vector<std::vector<std::string>> rows_of(const std::string& path, size_t sheet) {
  std::vector<std::vector<std::string>> rows;
  guiyan::io::read_sheet_at(path, sheet, [&](const guiyan::io::SheetRow& r) {
    rows.push_back(r.cells);
    return true;
  });
  return rows;
}

// The bytes of the file at `path`.
std::string bytes_of(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Downloads the template of `kind` into the server's directory; its path.
std::string download(ServerProcess& s, HttpClient& c, const std::string& token,
                     const std::string& kind) {
  auto r = c.get("/api/v1/imports/templates/" + kind, token);
  EXPECT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.headers["content-type"],
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  std::string path = s.dir() + "/template-" + kind + ".xlsx";
  std::ofstream(path, std::ios::binary) << r.body;
  return path;
}

}  // namespace

TEST(ImportTemplateApi, TheTemplateFilledInAsAnOfficeWouldImportsEveryColumn) {
  ServerProcess s;
  s.add_user("tpl_clerk", "clerk", "421022", "公安县人社局", kPassword);
  s.add_user("tpl_sys", "sysadmin", "421000", "荆州市人社局", kPassword);
  s.add_user("tpl_leader", "leader", "421000", "荆州市人社局", kPassword);
  s.start();
  HttpClient c(s.port());
  std::string clerk = token_of(c, "tpl_clerk");

  // A labour brand added on the 字典管理 page is offered by the next template.
  auto brand = c.post("/api/v1/vocabularies/labour_brands", {{"label", "埠河电焊工"}},
                      token_of(c, "tpl_sys"));
  ASSERT_EQ(brand.status, 201) << brand.body;

  std::string path = download(s, c, clerk, "people");
  ASSERT_EQ(guiyan::io::sheet_names(path), (std::vector<std::string>{"返乡人员台账", "填表说明"}));
  auto form = rows_of(path, 0);
  ASSERT_EQ(form.size(), 1u);  // the header, nothing to delete before filling in
  std::vector<std::string> header = form[0];
  EXPECT_EQ(header[0], "*姓名");

  // The instructions: a row per column, with its rule and choices.
  std::map<std::string, std::vector<std::string>> notes;
  for (const auto& row : rows_of(path, 1)) {
    if (!row.empty()) notes[row[0]] = row;
  }
  ASSERT_TRUE(notes.count("劳务品牌"));
  EXPECT_NE(notes["劳务品牌"][3].find("埠河电焊工"), std::string::npos);
  ASSERT_TRUE(notes.count("户籍地"));
  EXPECT_EQ(notes["户籍地"][1], "是");
  // A sum may be kept in 元 by renaming its header, as the importer converts it.
  ASSERT_TRUE(notes.count("资金需求（万元）"));
  EXPECT_NE(notes["资金需求（万元）"][2].find("表头改为“资金需求（元）”"), std::string::npos)
      << notes["资金需求（万元）"][2];
  // The example place is a village of the account's county, as a path of names.
  std::string place_note = notes["户籍地"][2];
  size_t from = place_note.find("如 公安县/"), to = place_note.find("；");
  ASSERT_TRUE(from != std::string::npos && to > from) << place_note;
  std::string place =
      place_note.substr(from + std::string("如 ").size(), to - from - std::string("如 ").size());

  // Filled in as an office would, every column with a value, the example place included.
  std::string id = guiyan::core::complete_id_number("42102219850304123");
  std::map<std::string, std::string> values = {{"*姓名", "模板填写"},
                                               {"身份证号", id},
                                               {"性别", "男"},
                                               {"出生日期", "1985/3/4"},
                                               {"联系电话", "13807161234"},
                                               {"备用电话", "0716-8123456"},
                                               {"*户籍地", place},
                                               {"详细地址", "二组18号"},
                                               {"务工省份", "广东省"},
                                               {"务工城市", "东莞市"},
                                               {"务工单位", "东莞某电子有限公司"},
                                               {"文化程度", "高中"},
                                               {"技能特长", "电工、焊工"},
                                               {"技能说明", "持高压电工证"},
                                               {"劳务品牌", "埠河电焊工"},
                                               {"有创业意愿", "是"},
                                               {"有创业能力", "是"},
                                               {"有良好信誉", "否"},
                                               {"人员状态", "返乡创业"},
                                               {"状态开始日期", "2026年3月1日"},
                                               {"工作进度", "联得上"},
                                               {"意向行业", "农业"},
                                               {"计划投资（万元）", "30"},
                                               {"资金需求（万元）", "10万"},
                                               {"需求", "贷款、培训"},
                                               {"其他需求", "子女入学"},
                                               {"创业意向", "开办电焊加工店"},
                                               {"创业导师", "周师傅"},
                                               {"备注", "春风行动登记"}};
  std::vector<std::string> row;
  for (const auto& h : header) {
    ASSERT_TRUE(values.count(h)) << "the test fills no value for the template's column " << h;
    row.push_back(values[h]);
  }
  std::string filled = s.dir() + "/filled.xlsx";
  {
    guiyan::io::XlsxWriter w(filled, "返乡人员台账");
    w.header(header);
    w.row(row);
    w.close();
  }
  auto job = run_import(c, clerk, "kind=people&filename=filled.xlsx&source=survey&dry_run=false",
                        bytes_of(filled));
  ASSERT_EQ(job["status"], "done") << job.dump();
  EXPECT_EQ(job["accepted"], 1) << job.dump();
  EXPECT_EQ(job["new"], 1);
  EXPECT_TRUE(job["issues"].empty()) << job.dump();  // no column ignored, no value questioned

  auto list = c.get("/api/v1/people?q=模板填写", clerk).json();
  ASSERT_EQ(list["total"], 1) << list.dump();
  auto person =
      c.get("/api/v1/people/" + std::to_string(list["items"][0]["id"].get<int64_t>()), clerk)
          .json();
  EXPECT_EQ(person["labour_brand"], brand.json()["key"]);
  EXPECT_EQ(person["status"], "started_business");
  EXPECT_EQ(person["status_since"], "2026-03-01");
  EXPECT_EQ(person["funnel_stage"], "contacted");
  EXPECT_EQ(person["intention_industry"], "01");  // GB/T 4754 大类 01 农业
  EXPECT_EQ(person["intention_funding_wan"], 10);
  EXPECT_EQ(person["help_wanted"], nlohmann::json({"loan", "training"}));
  EXPECT_EQ(person["help_wanted_note"], "子女入学");
  EXPECT_EQ(person["work_employer"], "东莞某电子有限公司");
  EXPECT_EQ(person["birth_date"], "1985-03-04");
  EXPECT_EQ(person["region_code"].get<std::string>().substr(0, 6), "421022");

  // The merchants' and ventures' templates are read by their importers as they are: a header
  // they accept (a missing required column fails the job), no column left unread.
  for (const char* kind : {"merchants", "ventures"}) {
    std::string blank = download(s, c, clerk, kind);
    auto dry = run_import(c, clerk, std::string("kind=") + kind + "&filename=t.xlsx&source=survey",
                          bytes_of(blank));
    EXPECT_EQ(dry["status"], "done") << kind << dry.dump();
    EXPECT_EQ(dry["rows_read"], 0) << kind;
    EXPECT_TRUE(dry["issues"].empty()) << kind << dry.dump();
  }

  auto other = c.get("/api/v1/imports/templates/projects", clerk);
  EXPECT_EQ(other.status, 400);
  EXPECT_EQ(other.json()["error"]["field"], "kind");
  EXPECT_EQ(c.get("/api/v1/imports/templates/people", token_of(c, "tpl_leader")).status, 403);
  EXPECT_EQ(c.get("/api/v1/imports/templates/people", "").status, 401);
}
