// XlsxWriter: what lands in the file (inspected in the package XML) and what reads back.
#include "io/xlsx_writer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <regex>

#include "io/sheet_reader.h"
#include "io/test_support.h"
#include "io/zip_reader.h"

namespace guiyan::io {
namespace {

using test_support::Row;
using test_support::TempDir;
using ::testing::HasSubstr;
using ::testing::Not;
using Rows = std::vector<Row>;

std::string sheet_xml(const std::string& path) {
  return ZipReader(path).read("xl/worksheets/sheet1.xml");
}

// Width Excel gets for 1-based column `col` (0 when not set).
double column_width(const std::string& xml, int col) {
  std::regex re("<col min=\"" + std::to_string(col) + "\" max=\"" + std::to_string(col) +
                "\" width=\"([0-9.]+)\"");
  std::smatch m;
  return std::regex_search(xml, m, re) ? std::stod(m[1]) : 0;
}

TEST(XlsxWriter, HeaderIsBoldFrozenAndColumnsFitChineseText) {
  TempDir dir;
  std::string path = dir.file("h.xlsx");
  XlsxWriter w(path, "台账");
  w.header({"姓名", "身份证号", "家庭住址", "x"});
  w.row({"王芳", "420102199001011234", "湖北省武汉市洪山区珞喻路一二三号院四栋", "1"});
  w.close();

  std::string xml = sheet_xml(path);
  EXPECT_THAT(xml, HasSubstr("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" "
                             "state=\"frozen\"/>"));
  EXPECT_THAT(xml, HasSubstr("<c r=\"A1\" s=\"1\" t=\"inlineStr\"><is><t>姓名</t>"));
  EXPECT_THAT(xml, HasSubstr("<c r=\"A2\" t=\"inlineStr\"><is><t>王芳</t>"));
  std::string styles = ZipReader(path).read("xl/styles.xml");
  EXPECT_THAT(styles, HasSubstr("<b/>"));
  // libxlsxwriter adds 0.71 of cell padding to the width asked for.
  EXPECT_NEAR(column_width(xml, 1), 8 + 0.71, 0.01);           // short names: the minimum
  EXPECT_NEAR(column_width(xml, 2), 20 + 0.71, 0.01);          // 18 digits + 2
  EXPECT_NEAR(column_width(xml, 3), 19 * 2 + 2 + 0.71, 0.01);  // 19 Chinese characters, 2 each
  EXPECT_NEAR(column_width(xml, 4), 8 + 0.71, 0.01);
}

TEST(XlsxWriter, TextCellsKeepEveryDigit) {
  TempDir dir;
  std::string path = dir.file("t.xlsx");
  {
    XlsxWriter w(path, "S");
    w.row({"420102199001011234", "0012345", "+8613800001234", "=1+2", "13800001234"});
  }
  std::string xml = sheet_xml(path);
  EXPECT_THAT(xml, HasSubstr("<t>420102199001011234</t>"));
  EXPECT_THAT(xml, Not(HasSubstr("<v>")));
  EXPECT_THAT(xml, Not(HasSubstr("<f>")));
  EXPECT_EQ(
      test_support::read_rows(path),
      (Rows{{1, {"420102199001011234", "0012345", "+8613800001234", "=1+2", "13800001234"}}}));
}

TEST(XlsxWriter, NumberAndDateKindsWithTextFallback) {
  TempDir dir;
  std::string path = dir.file("k.xlsx");
  {
    XlsxWriter w(path, "S");
    using K = CellKind;
    w.row({"3.25", "-7", "abc", "0123", "2024-02-29", "2023-02-29", "2024-03-05 14:30:00", "x"},
          {K::number, K::number, K::number, K::number, K::date, K::date, K::date});
  }
  std::string xml = sheet_xml(path);
  EXPECT_THAT(xml, HasSubstr("<c r=\"A1\"><v>3.25</v></c>"));
  EXPECT_THAT(xml, HasSubstr("<c r=\"B1\"><v>-7</v></c>"));
  EXPECT_THAT(xml, HasSubstr("<c r=\"C1\" t=\"inlineStr\"><is><t>abc</t>"));
  EXPECT_THAT(xml, HasSubstr("<c r=\"D1\" t=\"inlineStr\"><is><t>0123</t>"));
  EXPECT_THAT(xml, HasSubstr("<c r=\"E1\" s=\"1\"><v>45351</v></c>"));
  EXPECT_THAT(xml, HasSubstr("<c r=\"F1\" t=\"inlineStr\"><is><t>2023-02-29</t>"));
  EXPECT_EQ(
      test_support::read_rows(path),
      (Rows{{1,
             {"3.25", "-7", "abc", "0123", "2024-02-29", "2023-02-29", "2024-03-05 14:30", "x"}}}));
}

TEST(XlsxWriter, SheetNameMadeValid) {
  TempDir dir;
  std::string path = dir.file("n.xlsx");
  XlsxWriter(path, "2024/01 台账[副本]:*?\\一二三四五六七八九十一二三四五六七八九十").close();
  std::string workbook = ZipReader(path).read("xl/workbook.xml");
  // 18 characters before the digits, so 13 of them fit in Excel's 31.
  EXPECT_THAT(workbook, HasSubstr("name=\"2024_01 台账_副本_____一二三四五六七八九十一二三\""));
}

TEST(XlsxWriter, BrokenUtf8IsRepairedAndOddTextSurvives) {
  TempDir dir;
  std::string path = dir.file("u.xlsx");
  XlsxWriter(path, "S").row({"坏\xFF字", "控制\x01符\t", "_x0041_ 字面", "&<>\"'"});
  EXPECT_THAT(sheet_xml(path), HasSubstr("_x005F_x0041_"));
  EXPECT_EQ(test_support::read_rows(path),
            (Rows{{1, {"坏\xEF\xBF\xBD字", "控制\x01符\t", "_x0041_ 字面", "&<>\"'"}}}));
}

TEST(XlsxWriter, Errors) {
  TempDir dir;
  XlsxWriter big(dir.file("big.xlsx"), "S");
  EXPECT_THROW(big.row({std::string(32768, 'x')}), SheetError);

  XlsxWriter order(dir.file("o.xlsx"), "S");
  order.row({"a"});
  EXPECT_THROW(order.header({"h"}), std::logic_error);
  order.close();
  EXPECT_THROW(order.row({"b"}), std::logic_error);
  order.close();  // a second close does nothing

  XlsxWriter nowhere(dir.file("no/such/dir/x.xlsx"), "S");
  nowhere.row({"a"});
  try {
    nowhere.close();
    ADD_FAILURE() << "no error";
  } catch (const SheetError& e) {
    EXPECT_THAT(e.what(), HasSubstr("保存 xlsx 文件失败"));
  }
}

TEST(XlsxWriter, DestructorCloses) {
  TempDir dir;
  std::string path = dir.file("d.xlsx");
  {
    XlsxWriter w(path, "S");
    w.header({"姓名"});
    w.row({"王芳"});
  }
  EXPECT_EQ(test_support::read_rows(path), (Rows{{1, {"姓名"}}, {2, {"王芳"}}}));
}

}  // namespace
}  // namespace guiyan::io
