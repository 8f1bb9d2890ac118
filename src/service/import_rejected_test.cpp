// write_rejected_rows: the refused rows of a real .csv come back as a real .xlsx in the sheet's
// layout.
#include "service/import_rejected.h"

#include <gtest/gtest.h>

#include "io/test_support.h"
#include "service/person_import.h"

namespace guiyan::service {
namespace {

using io::test_support::Row;
using io::test_support::TempDir;
using Rows = std::vector<Row>;

ImportSummary refused(size_t header_row, std::vector<ImportIssue> issues) {
  ImportSummary s;
  s.header_row = header_row;
  s.issues = std::move(issues);
  return s;
}

TEST(RejectedRows, TheHeaderThenEachRefusedRowWithItsReasons) {
  TempDir dir;
  io::test_support::write_bytes(dir.file("in.csv"),
                                "台账标题\n姓名,身份证号,户籍地\n甲,,421022\n乙,123,火星\n"
                                "丙,42102219900101001X,421022\n丁,,421022,表外\n");
  // Row 4 has two problems; row 5 was kept with a warning; row 6 runs past the header.
  auto s = refused(2, {{0, "备注", "", "未识别的列，已忽略"},
                       {4, "身份证号", "123", "身份证号应为18位"},
                       {4, "户籍地", "火星", "找不到对应的行政区划"},
                       {5, "身份证号", "", "校验位不符；已按待核实号码导入", true},
                       {6, "姓名", "丁", "重名"}});
  EXPECT_EQ(write_rejected_rows(dir.file("in.csv"), s, field_for_header, dir.file("out.xlsx")), 2u);
  EXPECT_EQ(io::test_support::read_rows(dir.file("out.xlsx")),
            (Rows{{1, {"姓名", "身份证号", "户籍地", "未导入原因"}},
                  {2, {"乙", "123", "火星", "身份证号应为18位；找不到对应的行政区划"}},
                  {3, {"丁", "", "421022", "重名", "表外"}}}));
}

TEST(RejectedRows, NothingRefusedStillGivesTheHeaderUnderATitle) {
  TempDir dir;
  io::test_support::write_bytes(dir.file("in.csv"), "台账标题\n\n姓名,户籍地\n甲,421022\n");
  EXPECT_EQ(write_rejected_rows(dir.file("in.csv"), refused(3, {}), field_for_header,
                                dir.file("out.xlsx")),
            0u);
  EXPECT_EQ(io::test_support::read_rows(dir.file("out.xlsx")),
            (Rows{{1, {"姓名", "户籍地", "未导入原因"}}}));
}

}  // namespace
}  // namespace guiyan::service
