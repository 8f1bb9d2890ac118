// read_sheet on real .xls files (Excel 97-2003), written by xlwt (scripts/make-xls-fixtures.py):
// the cells as read_xlsx gives them, merged ranges filled, the visible worksheets in tab order.
#include "io/xls_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "io/test_support.h"
#include "io/xls_biff.h"
#include "io/xlsx_writer.h"

namespace guiyan::io {
namespace {

using test_support::Row;
using ::testing::HasSubstr;

std::string xls_file(const std::string& name) {
  return std::string(GUIYAN_IO_TESTDATA_DIR) + "/" + name;
}

TEST(ReadSheetXls, TheLedgerAfterASheetOfInstructionsReadsAsExcelShowsIt) {
  std::string path = xls_file("ledger.xls");
  // The hidden sheet of lists before them is passed over, as in an .xlsx.
  EXPECT_EQ(XlsBiff(path).hidden_sheets(), (std::vector<std::string>{"字典"}));
  EXPECT_EQ(sheet_names(path), (std::vector<std::string>{"填表说明", "返乡人员台账"}));
  EXPECT_EQ(test_support::read_rows_at(path, 0),
            (std::vector<Row>{{1, {"请按户籍地逐村填写"}}, {2, {"身份证号请设置为文本格式"}}}));
  // The title merged across the columns holds in each of them; a phone typed as a number reads
  // as its digits, a date cell as the day, 12.5 as written; row 4 is empty and not given; the
  // last row's empty cells at the end are trimmed.
  std::vector<std::string> title(8, "公安县返乡人员台账");
  EXPECT_EQ(test_support::read_rows_at(path, 1),
            (std::vector<Row>{
                {1, title},
                {2,
                 {"序号", "姓名", "身份证号", "联系电话", "户籍地", "返乡时间", "计划投资（万元）",
                  "备注"}},
                {3,
                 {"1", "张三", "421022199001010058", "13800001111", "公安县埠河镇", "2026-01-20",
                  "12.5", "春节返乡"}},
                {5, {"2", "李四", "421022199203150016", "13900002222", "421022", "2026年1月"}}}));
}

TEST(ReadSheetXls, MergedRangesFillTheirCellsInSmallAndLargeWorkbooks) {
  // A workbook under 4,096 bytes lives in the compound file's mini stream, a larger one in its
  // regular sectors: the merges are found in both.
  auto small = test_support::read_rows_at(xls_file("merged.xls"), 0);
  ASSERT_EQ(small.size(), 6u);
  EXPECT_EQ(small[1], (Row{2, {"1", "合并1", "斑竹垱镇", "车家垱村"}}));
  EXPECT_EQ(small[3], (Row{4, {"3", "合并3", "斑竹垱镇", "车家垱村"}}));
  EXPECT_EQ(small[5], (Row{6, {"5", "合并5", "斑竹垱镇", "斑竹垱社区"}}));
  auto large = test_support::read_rows_at(xls_file("large.xls"), 0);
  ASSERT_EQ(large.size(), 201u);
  for (size_t i = 1; i < large.size(); ++i) {
    ASSERT_EQ(large[i].second.size(), 3u) << i;
    EXPECT_EQ(large[i].second[2], "镇" + std::to_string((i - 1) / 20 + 1)) << i;
  }
  EXPECT_EQ(XlsBiff(xls_file("large.xls")).merged_ranges("台账").size(), 10u);
  EXPECT_TRUE(XlsBiff(xls_file("large.xls")).merged_ranges("别的表").empty());
}

TEST(ReadSheetXls, AnXlsRenamedXlsxAndAnXlsxRenamedXlsAreReadByWhatTheyHold) {
  test_support::TempDir dir;
  test_support::write_bytes(dir.file("renamed.xlsx"),
                            test_support::read_bytes(xls_file("merged.xls")));
  EXPECT_EQ(test_support::read_rows(dir.file("renamed.xlsx")).size(), 6u);
  {
    XlsxWriter w(dir.file("zip.xls"), "台账");
    w.header({"姓名"});
    w.close();
  }
  EXPECT_EQ(test_support::read_rows(dir.file("zip.xls")), (std::vector<Row>{{1, {"姓名"}}}));
}

TEST(ReadSheetXls, ABrokenXlsIsRefusedWithAReason) {
  test_support::TempDir dir;
  auto refused = [&](const std::string& name, const std::string& bytes, const std::string& text) {
    test_support::write_bytes(dir.file(name), bytes);
    try {
      test_support::read_rows(dir.file(name));
      ADD_FAILURE() << "no error for " << name;
    } catch (const SheetError& e) {
      EXPECT_THAT(e.what(), HasSubstr(text)) << name;
    }
  };
  const std::string magic("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  refused("zeros.xls", magic + std::string(600, '\0'), "文件不是有效的 xls 文件");
  std::string ledger = test_support::read_bytes(xls_file("ledger.xls"));
  refused("cut.xls", ledger.substr(0, 1024), "文件不是有效的 xls 文件");
  // FreeXL 1.0.6 crashes on this copy of ledger.xls with 18 bytes changed (found by fuzzing):
  // it runs in a child process, so only the reading fails.
  refused("crash.xls", test_support::read_bytes(xls_file("corrupt-freexl-crash.xls")),
          "文件已损坏，无法读取");
  // Text that is no table under the name .xls (a web page's table, or tab-separated text, is
  // read: html_table_reader_test.cpp, sheet_reader_test.cpp).
  refused("text.xls", "姓名,户籍地\n王芳,公安县\n", "可能是网页或文本文件改名为 .xls");
}

}  // namespace
}  // namespace guiyan::io
