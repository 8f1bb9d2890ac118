// What every import of a ledger (people, merchants) is given and reports: options, the problems
// of each row, the counts.
#pragma once

#include <atomic>
#include <cstddef>
#include <exception>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace guiyan::service {

struct ImportOptions {
  std::string source = "survey";  // big_data | survey | self_report | manual
  bool dry_run = false;           // validate and count only; write nothing
  std::string file_label;         // the file name recorded in provenance
  size_t batch_rows = 20000;      // rows per transaction (fewer, larger commits write less)
  // Checked before each row is written: once set, the open batch is rolled back and
  // the import throws ImportStopped (a stopping server does not wait for a whole batch).
  const std::atomic<bool>* stop = nullptr;
  // The rows of each imported record go in multi-row statements at the batch's end
  // (store/deferred_insert): history, provenance and audit, and on PostgreSQL new person rows
  // (the importer flushes them before it reads the registry); a batch replayed row by row after
  // a failure writes them at once.
  bool defer_rows = false;
};

// Thrown by an import when ImportOptions::stop was set; every batch committed before stays.
struct ImportStopped : std::exception {
  const char* what() const noexcept override { return "导入已中止（服务停止）"; }
};

// Ends the reason of a kept issue whose cell could not be read and was left out, the record
// saved with the rest of its row (an amount, a date, an industry: what describes, not identifies).
inline constexpr std::string_view kCellLeftOut = "；此项未导入";

// One problem with one row (or the whole file when row is 0).
struct ImportIssue {
  size_t row = 0;
  std::string column;
  std::string value;
  std::string reason;
  bool kept = false;  // a warning: the row was saved anyway (an unverified ID number)
  bool skipped =
      false;  // a row that is no record (a total, a signature: note_row_kind), passed over
};

struct ImportSummary {
  size_t rows_read = 0;  // data rows, header excluded
  size_t accepted = 0;
  size_t rejected = 0;
  size_t created = 0;  // new records (in a dry run: would be created)
  size_t updated = 0;
  size_t unchanged = 0;
  size_t conflicts = 0;         // values kept because a more trusted source set them
  size_t duplicates_found = 0;  // people: open probable-duplicate pairs in the queue afterwards
  size_t duplicates_added = 0;  // pairs the import added to the queue
  std::vector<ImportIssue> issues;
  std::vector<std::string> ignored_columns;
  // Where the rows were read: the worksheet (index into io::sheet_names, 0 for a .csv) and the
  // header's row number (0 until a header was found).
  size_t sheet_index = 0;
  size_t header_row = 0;
};

// A refused row saves nothing: its issues from index `first` on that said they were kept become
// refusals, each without the ending of `endings` that said what was kept (kCellLeftOut …).
inline void refuse_kept_issues(ImportSummary& summary, size_t first, size_t row,
                               std::initializer_list<std::string_view> endings) {
  for (size_t k = first; k < summary.issues.size(); ++k) {
    ImportIssue& issue = summary.issues[k];
    if (issue.row != row || !issue.kept) continue;
    issue.kept = false;
    for (std::string_view ending : endings) {
      if (issue.reason.ends_with(ending)) issue.reason.resize(issue.reason.size() - ending.size());
    }
  }
}

}  // namespace guiyan::service
