#include "io/html_table_reader.h"

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

// The rows of `page` saved as `name` and read as a sheet (read_sheet, which finds the page).
std::vector<Row> rows_of(const TempDir& dir, const std::string& page,
                         const std::string& name = "export.xls") {
  write_bytes(dir.file(name), page);
  return read_rows(dir.file(name));
}

TEST(HtmlTable, AnExportedPageReadsAsExcelShowsIt) {
  TempDir dir;
  // As a system's "导出Excel" writes it: a head with styles, a header of <th>, a number kept as
  // text by its style, entities, blanks and a line break, an empty row.
  std::string page =
      "\xEF\xBB\xBF<html xmlns:x=\"urn:schemas-microsoft-com:office:excel\">\n"
      "<head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">\n"
      "<style>td { mso-number-format:'\\@'; } /* <tr><td>not a row</td></tr> */</style>\n"
      "<script>var row = '<tr><td>nor this</td></tr>';</script></head><body>\n"
      "<!-- <tr><td>a comment</td></tr> -->\n"
      "<table border=1><thead><tr><TH>姓名</TH><th>身份证号</th><th>备注</th></tr></thead>\n"
      "<tbody><tr><td> 王&nbsp;芳 </td><td "
      "style=\"mso-number-format:'\\@'\">421022199003151014</td>"
      "<td>电工&amp;焊工<br/>持证&#20013;&#x7EA7;</td></tr>\n"
      "<tr></tr>\n"
      "<tr><td>李  梅\n</td><td></td><td>&lt;无&gt;</td></tr></tbody></table></body></html>";
  EXPECT_EQ(rows_of(dir, page),
            (std::vector<Row>{{1, {"姓名", "身份证号", "备注"}},
                              {2, {"王 芳", "421022199003151014", "电工&焊工\n持证中级"}},
                              {4, {"李 梅", "", "<无>"}}}));
}

TEST(HtmlTable, SpannedCellsFillEveryCellTheyCover) {
  TempDir dir;
  std::string page =
      "<table><tr><td colspan=\"3\">公安县返乡人员台账</td></tr>"
      "<tr><td rowspan=2>斗湖堤镇</td><td>王芳</td><td>返乡</td></tr>"
      "<tr><td>李梅</td><td>外出</td></tr>"
      "<tr><td>埠河镇</td><td colspan=2 rowspan='2'>待核实</td></tr>"
      "<tr><td>夹竹园镇</td></tr>"
      "<tr><td>藕池镇</td><td>张强</td><td rowspan=5>返乡</td></tr></table>";
  EXPECT_EQ(
      rows_of(dir, page),
      (std::vector<Row>{{1, {"公安县返乡人员台账", "公安县返乡人员台账", "公安县返乡人员台账"}},
                        {2, {"斗湖堤镇", "王芳", "返乡"}},
                        {3, {"斗湖堤镇", "李梅", "外出"}},
                        {4, {"埠河镇", "待核实", "待核实"}},
                        {5, {"夹竹园镇", "待核实", "待核实"}},
                        {6, {"藕池镇", "张强", "返乡"}}}));
}

TEST(HtmlTable, APageInGbkSaysSoInItsMeta) {
  TempDir dir;
  std::string page = test_support::encode(
      "<html><head><meta http-equiv=Content-Type content=\"text/html; charset=gb2312\"></head>"
      "<body><table><tr><td>姓名</td><td>户籍地</td></tr>"
      "<tr><td>王芳</td><td>公安县</td></tr></table></body></html>",
      "GB18030");
  EXPECT_EQ(rows_of(dir, page),
            (std::vector<Row>{{1, {"姓名", "户籍地"}}, {2, {"王芳", "公安县"}}}));
  // Without a meta, the bytes tell.
  std::string bare = test_support::encode(
      "<table><tr><td>姓名</td><td>户籍地</td></tr><tr><td>王芳</td><td>公安县</td></tr></table>",
      "GB18030");
  EXPECT_EQ(rows_of(dir, bare, "bare.xls")[1], (Row{2, {"王芳", "公安县"}}));
}

TEST(HtmlTable, ALargePageStreamsAcrossItsPieces) {
  TempDir dir;
  // Over a megabyte: tags, entities and a comment fall across the reader's 256 KiB pieces.
  std::string page = "<html><body><table><tr><th>序号</th><th>姓名</th></tr>\n";
  const int rows = 30000;
  for (int i = 1; i <= rows; ++i) {
    page += "<tr class=\"data-row\"><td>" + std::to_string(i) + "</td><td>王&amp;芳" +
            std::to_string(i) + "</td></tr>\n";
    if (i % 997 == 0) page += "<!-- a comment -- with <tr><td>no row</td></tr> inside -->\n";
  }
  page += "</table></body></html>";
  ASSERT_GT(page.size(), 1000000u);
  auto got = rows_of(dir, page);
  ASSERT_EQ(got.size(), static_cast<size_t>(rows + 1));
  EXPECT_EQ(got.back(), (Row{static_cast<size_t>(rows + 1),
                             {std::to_string(rows), "王&芳" + std::to_string(rows)}}));
  for (size_t i = 1; i < got.size(); ++i) {
    ASSERT_EQ(got[i].second[0], std::to_string(i)) << "row " << i;
  }
}

TEST(HtmlTable, ReadingStopsWhenAsked) {
  TempDir dir;
  write_bytes(dir.file("a.xls"),
              "<table><tr><td>1</td></tr><tr><td>2</td></tr><tr><td>3</td></tr>");
  std::vector<std::string> seen;
  read_html_table(dir.file("a.xls"), [&](const SheetRow& row) {
    seen.push_back(row.cells[0]);
    return seen.size() < 2;
  });
  EXPECT_EQ(seen, (Cells{"1", "2"}));
}

TEST(HtmlTable, APageWithoutATableRowSaysSo) {
  TempDir dir;
  write_bytes(dir.file("empty.xls"), "<html><body><table></table><p>无数据</p></body></html>");
  try {
    read_rows(dir.file("empty.xls"));
    FAIL() << "no error";
  } catch (const SheetError& e) {
    EXPECT_NE(std::string(e.what()).find("网页格式，但其中没有表格"), std::string::npos)
        << e.what();
  }
  // A page under the name .xlsx is read as well; it has one sheet.
  write_bytes(dir.file("page.xlsx"), "<table><tr><td>姓名</td></tr></table>");
  EXPECT_EQ(read_rows(dir.file("page.xlsx")), (std::vector<Row>{{1, {"姓名"}}}));
  EXPECT_EQ(sheet_names(dir.file("page.xlsx")), (Cells{""}));
}

TEST(HtmlTable, AMangledPageGivesRowsOrAReasonNeverACrash) {
  TempDir dir;
  const std::string page =
      "<html><head><meta charset=utf-8><style>p{}</style></head><body><table>"
      "<tr><th colspan=2>姓名</th><td rowspan=3>户籍地</td></tr><tr><td>王芳&amp;<br>"
      "</td><td>a < b</td></tr><!-- x --><tr><td>&#x110000;&#0;&bogus;&</td></tr></table>";
  std::mt19937 rng(7);
  for (int round = 0; round < 300; ++round) {
    std::string copy = page.substr(0, rng() % (page.size() + 1));
    for (int k = 0; k < 3 && !copy.empty(); ++k)
      copy[rng() % copy.size()] = "<>&;\"'=/ x"[rng() % 10];
    write_bytes(dir.file("m.xls"), "<table>" + copy);
    try {
      read_html_table(dir.file("m.xls"), [](const SheetRow& row) { return !row.cells.empty(); });
    } catch (const SheetError&) {
    }
  }
  // Character references that name nothing, and a lone "<", stay as written; one past the last
  // code point is U+FFFD, as browsers read it.
  write_bytes(dir.file("odd.xls"),
              "<table><tr><td>&#0;&bogus;&#x110000; a < b, 1<2</td></tr></table>");
  EXPECT_EQ(read_rows(dir.file("odd.xls")),
            (std::vector<Row>{{1, {"&#0;&bogus;\uFFFD a < b, 1<2"}}}));
}

TEST(HtmlTable, OnlyAPageWithATableLooksLikeOne) {
  EXPECT_TRUE(looks_like_html_table("<html><head>"));
  EXPECT_TRUE(looks_like_html_table("\xEF\xBB\xBF  \r\n<TABLE border=1>"));
  EXPECT_TRUE(looks_like_html_table("<!DOCTYPE html><HTML>"));
  EXPECT_FALSE(looks_like_html_table("姓名,户籍地\n王芳,公安县"));
  EXPECT_FALSE(looks_like_html_table("<?xml version=\"1.0\"?><Workbook>"));  // SpreadsheetML
  EXPECT_FALSE(looks_like_html_table(""));
}

}  // namespace
}  // namespace guiyan::io
