#include "io/xml_spreadsheet_reader.h"

#include <gtest/gtest.h>

#include <random>

#include "io/test_support.h"

namespace guiyan::io {
namespace {

using test_support::read_rows;
using test_support::Row;
using test_support::TempDir;
using test_support::write_bytes;
using Cells = std::vector<std::string>;

// src/io/testdata/ledger-2003.xls: a ledger saved from Excel as “XML 电子表格 2003” under the
// name .xls — a hidden first sheet, a title merged across, a comment, rich text, a number typed
// in the ID column, a village merged down, cells placed by ss:Index, a CDATA section.
std::string fixture() {
  return std::string(GUIYAN_IO_TESTDATA_DIR) + "/ledger-2003.xls";
}

// The rows read_sheet_at gives for the sheet at `index` of `path`.
std::vector<Row> rows_at(const std::string& path, size_t index) {
  std::vector<Row> rows;
  read_sheet_at(path, index, [&](const SheetRow& row) {
    rows.emplace_back(row.number, row.cells);
    return true;
  });
  return rows;
}

// The error read_rows(path) throws, or "" when none.
std::string error_reading(const std::string& path) {
  try {
    read_rows(path);
  } catch (const SheetError& e) {
    return e.what();
  }
  return "";
}

// A workbook of one worksheet holding `rows` (the <Row> elements).
std::string workbook(const std::string& rows,
                     const std::string& declaration = "<?xml version=\"1.0\"?>") {
  return declaration +
         "\n<Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\" "
         "xmlns:ss=\"urn:schemas-microsoft-com:office:spreadsheet\">\n"
         "<Worksheet ss:Name=\"Sheet1\"><Table>\n" +
         rows + "</Table></Worksheet></Workbook>\n";
}

TEST(XmlSpreadsheet, AnExcel2003LedgerReadsAsExcelShowsIt) {
  const std::string title = "公安县返乡人员台账（2026年春）";
  const std::string village = "荆州市/公安县/斗湖堤镇";
  EXPECT_EQ(read_rows(fixture()),
            (std::vector<Row>{
                {1, Cells(7, title)},
                {2, {"姓名", "身份证号", "联系电话", "出生日期", "户籍地", "技能特长", "已就业"}},
                // The comment on 王芳 is not her name; rich text keeps its words and line break.
                {3,
                 {"王芳", "421022199003151014", "13800001111", "1990-03-15", village,
                  "电工&焊工\n持证", "TRUE"}},
                // An ID number typed as a number reads as Excel shows it; 户籍地 is merged down.
                {4,
                 {"李梅", "421022199205200000", "", "1992-05-20 08:30", village,
                  "<中式面点师> & 育婴员", "FALSE"}},
                {6, {"张强", "", "", "#N/A"}}}));
}

TEST(XmlSpreadsheet, ItsSheetsAreTheVisibleWorksheets) {
  EXPECT_EQ(sheet_names(fixture()), (Cells{"返乡人员&台账", "企业", "空表"}));
  EXPECT_EQ(rows_at(fixture(), 1), (std::vector<Row>{{1, {"企业名称", "计划投资（万元）"}},
                                                     {2, {"荆楚农业有限公司", "1200.5"}}}));
  EXPECT_TRUE(rows_at(fixture(), 2).empty());
  try {
    rows_at(fixture(), 3);
    FAIL() << "no error";
  } catch (const SheetError& e) {
    EXPECT_STREQ(e.what(), "XML 电子表格中没有第4个工作表");
  }
}

TEST(XmlSpreadsheet, AWorkbookInGb2312SaysSoInItsDeclaration) {
  TempDir dir;
  std::string rows =
      "<Row><Cell><Data ss:Type=\"String\">姓名</Data></Cell>"
      "<Cell><Data ss:Type=\"String\">户籍地</Data></Cell></Row>\n"
      "<Row><Cell><Data ss:Type=\"String\">王芳</Data></Cell>"
      "<Cell><Data ss:Type=\"String\">公安县</Data></Cell></Row>\n";
  write_bytes(dir.file("gb.xls"),
              test_support::encode(workbook(rows, "<?xml version=\"1.0\" encoding=\"GB2312\"?>"),
                                   "GB18030"));
  EXPECT_EQ(read_rows(dir.file("gb.xls")),
            (std::vector<Row>{{1, {"姓名", "户籍地"}}, {2, {"王芳", "公安县"}}}));
  // Prefixed elements (ss:Workbook …) read the same; so does a name .xlsx.
  std::string prefixed =
      "<ss:Workbook xmlns:ss=\"urn:schemas-microsoft-com:office:spreadsheet\">"
      "<ss:Worksheet ss:Name=\"名单\"><ss:Table><ss:Row ss:Index=\"2\"><ss:Cell ss:Index=\"2\">"
      "<ss:Data ss:Type=\"String\">王芳</ss:Data></ss:Cell></ss:Row></ss:Table>"
      "</ss:Worksheet></ss:Workbook>";
  write_bytes(dir.file("p.xlsx"), prefixed);
  EXPECT_EQ(sheet_names(dir.file("p.xlsx")), (Cells{"名单"}));
  EXPECT_EQ(read_rows(dir.file("p.xlsx")), (std::vector<Row>{{2, {"", "王芳"}}}));
}

TEST(XmlSpreadsheet, ALargeWorkbookStreamsAcrossItsPiecesAndStopsWhenAsked) {
  TempDir dir;
  std::string rows =
      "<Row><Cell><Data ss:Type=\"String\">序号</Data></Cell>"
      "<Cell><Data ss:Type=\"String\">姓名</Data></Cell></Row>\n";
  const int count = 30000;
  for (int i = 1; i <= count; ++i) {
    rows += "<Row ss:AutoFitHeight=\"0\"><Cell><Data ss:Type=\"Number\">" + std::to_string(i) +
            "</Data></Cell><Cell><Data ss:Type=\"String\">王&amp;芳" + std::to_string(i) +
            "</Data></Cell>" +
            // A village merged down over each pair of rows: 15,000 merged ranges.
            (i % 2 == 1 ? "<Cell ss:MergeDown=\"1\"><Data ss:Type=\"String\">村" +
                              std::to_string(i) + "</Data></Cell>"
                        : "") +
            "</Row>\n";
    if (i % 997 == 0) rows += "<!-- <Row><Cell><Data>no row</Data></Cell></Row> -->\n";
  }
  std::string book = workbook(rows);
  ASSERT_GT(book.size(), 2000000u);
  write_bytes(dir.file("big.xls"), book);
  auto got = read_rows(dir.file("big.xls"));
  ASSERT_EQ(got.size(), static_cast<size_t>(count + 1));
  for (size_t i = 1; i < got.size(); ++i) {
    std::string village = "村" + std::to_string(i % 2 == 1 ? i : i - 1);
    ASSERT_EQ(got[i], (Row{i + 1, {std::to_string(i), "王&芳" + std::to_string(i), village}}));
  }
  std::vector<std::string> seen;
  read_xml_spreadsheet(
      dir.file("big.xls"),
      [&](const SheetRow& row) {
        seen.push_back(row.cells[0]);
        return seen.size() < 3;
      },
      0);
  EXPECT_EQ(seen, (Cells{"序号", "1", "2"}));
}

TEST(XmlSpreadsheet, AWorkbookWithoutAWorksheetSaysSo) {
  TempDir dir;
  write_bytes(dir.file("none.xls"),
              "<?xml version=\"1.0\"?>\n<?mso-application progid=\"Excel.Sheet\"?>\n"
              "<Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\"><Styles/>"
              "</Workbook>");
  EXPECT_EQ(error_reading(dir.file("none.xls")),
            "文件是 XML 电子表格，但其中没有工作表，请用 Excel 打开后另存为 .xlsx 再上传");
}

TEST(XmlSpreadsheet, AMangledWorkbookGivesRowsOrAReasonNeverACrash) {
  TempDir dir;
  std::string book;
  {
    std::ifstream in(fixture(), std::ios::binary);
    book.assign(std::istreambuf_iterator<char>(in), {});
  }
  std::mt19937 rng(11);
  for (int round = 0; round < 300; ++round) {
    std::string copy = book.substr(0, rng() % (book.size() + 1));
    for (int k = 0; k < 4 && !copy.empty(); ++k)
      copy[rng() % copy.size()] = "<>&;\"'=/ x9:-"[rng() % 13];
    write_bytes(dir.file("m.xls"), copy);
    try {
      for (size_t i = 0; i < sheet_names(dir.file("m.xls")).size(); ++i)
        rows_at(dir.file("m.xls"), i);
    } catch (const SheetError&) {
    }
  }
  // A file cut inside a row gives the rows before it and the cells of that row it holds.
  size_t cut = book.find("<Cell ss:MergeDown");
  write_bytes(dir.file("cut.xls"), book.substr(0, cut));
  auto rows = read_rows(dir.file("cut.xls"));
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[2], (Row{3, {"王芳", "421022199003151014", "13800001111", "1990-03-15"}}));
}

TEST(XmlSpreadsheet, OnlyAWorkbookLooksLikeOne) {
  EXPECT_TRUE(looks_like_xml_spreadsheet(
      "<?xml version=\"1.0\"?>\r\n<?mso-application progid=\"Excel.Sheet\"?>\r\n<Workbook "
      "xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\">"));
  EXPECT_TRUE(looks_like_xml_spreadsheet("\xEF\xBB\xBF<!-- 导出 --><ss:Workbook xmlns:ss=\"x\">"));
  EXPECT_TRUE(looks_like_xml_spreadsheet("<Workbook>"));
  EXPECT_FALSE(looks_like_xml_spreadsheet(
      "<?xml version=\"1.0\" encoding=\"utf-8\"?><!DOCTYPE html><html><table>"));
  EXPECT_FALSE(looks_like_xml_spreadsheet("<table><tr><td>Workbook</td></tr></table>"));
  EXPECT_FALSE(looks_like_xml_spreadsheet("<WorkbookX>"));
  EXPECT_FALSE(looks_like_xml_spreadsheet("<a:b:Workbook>"));
  EXPECT_FALSE(looks_like_xml_spreadsheet("<?xml version=\"1.0\""));  // cut in its declaration
  EXPECT_FALSE(looks_like_xml_spreadsheet(""));
}

}  // namespace
}  // namespace guiyan::io
