// Which rows of a ledger are totals, signatures or notes (sheet_notes.h), from the case file.
#include "service/sheet_notes.h"

#include <gtest/gtest.h>

#include "core/test_cases.h"
#include "core/text.h"

namespace guiyan::service {
namespace {

TEST(SheetNotes, RowsFromTheCaseFile) {
  // The header of every case (a two-row header's group row adds 外出务工情况 in the import).
  auto labels = header_labels({core::split("序号|姓名|身份证号|联系电话|户籍地", '|')});
  int cases = core::for_each_case(
      std::string(GUIYAN_SERVICE_TESTDATA_DIR) + "/note_rows.tsv", 4,
      [&](const std::vector<std::string>& cols, int number) {
        std::string kind = note_row_kind(core::split(cols[0], '|'), cols[1] == "1", labels);
        EXPECT_EQ(kind.empty() ? "-" : kind, cols[2]) << "line " << number << ": " << cols[3];
      });
  EXPECT_GE(cases, 40);
}

TEST(SheetNotes, EachKindHasItsReason) {
  EXPECT_EQ(note_row_reason("合计行"), "表中的合计行，不是一条记录，已跳过");
  EXPECT_EQ(note_row_reason("签名行"), "表下的签名、日期行，不是一条记录，已跳过");
  EXPECT_EQ(note_row_reason("注释行"), "表下的注释，不是一条记录，已跳过");
  EXPECT_EQ(note_row_reason("表头行"), "重复的表头行，不是一条记录，已跳过");
  EXPECT_EQ(note_row_reason("标题行"), "表格的标题行，不是一条记录，已跳过");
  EXPECT_EQ(note_row_reason("栏次行"), "表头下的栏次（列的序号）行，不是一条记录，已跳过");
}

}  // namespace
}  // namespace guiyan::service
