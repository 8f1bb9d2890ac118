// Which rows of a ledger are totals, signatures or notes (sheet_notes.h), from the case file.
#include "service/sheet_notes.h"

#include <gtest/gtest.h>

#include <set>

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
        std::string kind =
            note_row_label(note_row_kind(core::split(cols[0], '|'), cols[1] == "1", labels));
        EXPECT_EQ(kind.empty() ? "-" : kind, cols[2]) << "line " << number << ": " << cols[3];
      });
  EXPECT_GE(cases, 40);
}

TEST(SheetNotes, EachKindHasAReasonOfItsOwnThatSaysTheRowWasPassedOver) {
  std::set<std::string> reasons;
  for (NoteRow kind : {NoteRow::total, NoteRow::signature, NoteRow::note, NoteRow::header,
                       NoteRow::title, NoteRow::column_numbers}) {
    std::string reason = note_row_reason(kind);
    EXPECT_TRUE(reason.ends_with("不是一条记录，已跳过")) << reason;
    EXPECT_FALSE(note_row_label(kind).empty());
    reasons.insert(reason);
  }
  EXPECT_EQ(reasons.size(), 6u);  // the report tells the kinds apart
}

}  // namespace
}  // namespace guiyan::service
