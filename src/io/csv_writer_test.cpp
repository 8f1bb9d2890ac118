// CsvWriter: exact bytes, the formula-injection guard, and reading back with read_sheet.
#include "io/csv_writer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "io/sheet_reader.h"
#include "io/test_support.h"

namespace guiyan::io {
namespace {

using test_support::Row;
using test_support::TempDir;
using Rows = std::vector<Row>;

TEST(CsvWriter, BomCrlfAndQuoting) {
  TempDir dir;
  std::string path = dir.file("a.csv");
  CsvWriter w(path);
  w.header({"姓名", "备注"});
  w.row({"王芳", "a,b"});
  w.row({"说\"好\"", "一\n二"});
  w.row({"", "", "x"});
  w.row({});
  w.close();
  EXPECT_EQ(test_support::read_bytes(path),
            "\xEF\xBB\xBF姓名,备注\r\n王芳,\"a,b\"\r\n\"说\"\"好\"\"\",\"一\n二\"\r\n,,x\r\n\r\n");
}

TEST(CsvWriter, FormulaInjectionGuard) {
  EXPECT_EQ(csv_field("=1+2"), "'=1+2");
  EXPECT_EQ(csv_field("=HYPERLINK(\"http://x\",\"y\")"),
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
  EXPECT_EQ(csv_field("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(csv_field("+86-138-0000-1234"), "'+86-138-0000-1234");  // Excel would compute it
  EXPECT_EQ(csv_field("-2+3"), "'-2+3");
  EXPECT_EQ(csv_field("\tx"), "'\tx");
  EXPECT_EQ(csv_field("\rx"), "\"'\rx\"");
  // Plain numbers and the lone dash are data, not formulas.
  EXPECT_EQ(csv_field("+8613800001234"), "+8613800001234");
  EXPECT_EQ(csv_field("-12.5"), "-12.5");
  EXPECT_EQ(csv_field("-1e3"), "-1e3");
  EXPECT_EQ(csv_field("-"), "-");
  EXPECT_EQ(csv_field("王芳=好"), "王芳=好");
  EXPECT_EQ(csv_field(""), "");
}

TEST(CsvWriter, ReadsBackThroughReadSheet) {
  TempDir dir;
  std::string path = dir.file("round.csv");
  Rows rows = {{1, {"姓名", "身份证号", "电话", "备注"}},
               {2, {"王芳", "420102199001011234", "+8613800001234", "多\n行，\"引号\",逗号"}},
               {3, {"李四", "", "0710-1234567", "-"}},
               {4, {"=危险", "", "", "@x"}}};
  {
    CsvWriter w(path);
    for (const Row& r : rows) w.row(r.second);
  }
  rows[3].second = {"'=危险", "", "", "'@x"};  // the guard's apostrophe is part of the text
  EXPECT_EQ(test_support::read_rows(path), rows);
}

TEST(CsvWriter, Errors) {
  TempDir dir;
  EXPECT_THROW(CsvWriter(dir.file("no/such/dir/x.csv")), SheetError);
  CsvWriter w(dir.file("x.csv"));
  w.close();
  EXPECT_THROW(w.row({"a"}), std::logic_error);
  w.close();
}

TEST(CsvWriter, ReportsAFullDisk) {
  if (access("/dev/full", W_OK) != 0) GTEST_SKIP() << "no /dev/full";
  CsvWriter w("/dev/full");
  for (int i = 0; i < 100000; ++i) w.row({"湖北省武汉市洪山区", std::to_string(i)});
  EXPECT_THROW(w.close(), SheetError);
}

}  // namespace
}  // namespace guiyan::io
