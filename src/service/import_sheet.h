// Reading a sheet into an importer, shared by the people, merchant and venture imports: the header
// is looked for in the first rows, then every row is handed over and the accepted ones written in
// batches, with progress reported after each batch.
#pragma once

#include <algorithm>
#include <functional>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "io/sheet_error.h"
#include "io/sheet_reader.h"
#include "service/import_summary.h"
#include "service/sheet_headers.h"
#include "service/sheet_notes.h"

namespace guiyan::service {

// Feeds the sheet at `path` to `imp`: `imp.header(row)` for each row until it returns true (a
// header must come within the first 10 rows of a worksheet; an .xlsx's visible worksheets are
// tried in tab order, so a 填表说明 sheet before the ledger is passed over, and an issue of row 0
// names the worksheet read when it is not the first), then `imp.row(row)` for each row,
// `imp.flush()` every `options.batch_rows` rows (when `progress` is given) and at the end;
// `progress` gets `imp.summary` after each flush. Rows that are no record (totals, signatures,
// notes, titles, the header again: note_row_kind) are not given to `imp.row`; an issue marked
// skipped names each. A header of two rows (group titles over the columns, two_row_header by
// `field_of`) is given to `imp.header` as one; summary.header_row is its first row. Throws
// io::SheetError naming `what_header` (e.g. "表头应包含“姓名”和“户籍地”等列") when no header is
// found.
template <class SheetImporter>
void feed_sheet(SheetImporter& imp, const std::string& path, const ImportOptions& options,
                const std::string& what_header, FieldOf field_of,
                const std::function<void(const ImportSummary&)>& progress) {
  bool have_header = false, ten_rows = false, after_note = false;
  std::unordered_set<std::string> labels;  // the header's, to know it again below
  std::vector<std::string> sheets = io::sheet_names(path);
  for (size_t sheet = 0; sheet < sheets.size() && !have_header; ++sheet) {
    size_t scanned = 0;
    // A row that may be the header, tried once the row below it is seen (a second header row?).
    std::optional<io::SheetRow> pending;
    auto try_header = [&](const io::SheetRow& row, size_t first_row) {
      have_header = imp.header(row);
      if (!have_header) return false;
      imp.summary.sheet_index = sheet;
      imp.summary.header_row = first_row;
      labels = header_labels({row.cells});
      if (sheet > 0) {
        imp.summary.issues.push_back(
            {0, "", "", "已读取工作表“" + sheets[sheet] + "”（之前的工作表中没有表头）"});
      }
      return true;
    };
    io::read_sheet_at(path, sheet, [&](const io::SheetRow& row) {
      if (!have_header && pending) {
        if (auto both = two_row_header(pending->cells, row.cells, field_of)) {
          if (try_header({pending->number, *both}, pending->number)) {
            labels.merge(header_labels({pending->cells, row.cells}));
            return true;
          }
        }
        if (!try_header(*pending, pending->number)) pending.reset();
      }
      if (!have_header) {
        if (++scanned < 10) {
          pending = row;
          return true;
        }
        if (try_header(row, row.number)) return true;  // the tenth row: tried alone
        ten_rows = true;
        return false;  // not this worksheet: the next one, if any
      }
      // A total, a signature, a note, a title or the header again (note_row_kind) is passed over
      // with a word.
      NoteRow note = note_row_kind(row.cells, after_note, labels);
      after_note = note == NoteRow::note;
      if (note != NoteRow::none) {
        auto filled = std::find_if(row.cells.begin(), row.cells.end(), [](const std::string& c) {
          return c.find_first_not_of(" \t\r\n") != std::string::npos;
        });
        imp.summary.issues.push_back({row.number, "", *filled, note_row_reason(note), false, true});
        return true;
      }
      imp.row(row);
      if (progress && imp.summary.rows_read % options.batch_rows == 0) {
        imp.flush();
        progress(imp.summary);
      }
      return true;
    });
    if (!have_header && pending) try_header(*pending, pending->number);  // a sheet's last row
  }
  if (!have_header) {
    std::string where = sheets.size() > 1 ? "各工作表" : ten_rows ? "前10行" : "文件";
    if (sheets.size() > 1) where += ten_rows ? "的前10行" : "";
    throw io::SheetError(where + "中未找到表头：" + what_header);
  }
  imp.flush();
}

}  // namespace guiyan::service
