// Importing a people ledger (.xlsx or .csv as offices keep them): header synonyms, row-by-row
// validation with Chinese reasons, upsert with source precedence, whole batches only.
#pragma once

#include <atomic>
#include <exception>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "service/principal.h"
#include "store/db.h"

namespace guiyan::service {

struct ImportOptions {
  std::string source = "survey";  // big_data | survey | self_report | manual
  bool dry_run = false;           // validate and count only; write nothing
  std::string file_label;         // the file name recorded in provenance
  size_t batch_rows = 20000;      // rows per transaction (fewer, larger commits write less)
  // Checked before each row is written: once set, the open batch is rolled back and
  // import_people throws ImportStopped (a stopping server does not wait for a whole batch).
  const std::atomic<bool>* stop = nullptr;
};

// Thrown by import_people when ImportOptions::stop was set; every batch committed before stays.
struct ImportStopped : std::exception {
  const char* what() const noexcept override { return "导入已中止（服务停止）"; }
};

// One problem with one row (or the whole file when row is 0).
struct ImportIssue {
  size_t row = 0;
  std::string column;
  std::string value;
  std::string reason;
  bool kept = false;  // a warning: the row was saved anyway (an unverified ID number)
};

struct ImportSummary {
  size_t rows_read = 0;  // data rows, header excluded
  size_t accepted = 0;
  size_t rejected = 0;
  size_t created = 0;  // new people (in a dry run: would be created)
  size_t updated = 0;
  size_t unchanged = 0;
  size_t conflicts = 0;         // values kept because a more trusted source set them
  size_t duplicates_found = 0;  // probable duplicate pairs in the registry after the import
  size_t duplicates_added = 0;  // of which new
  std::vector<ImportIssue> issues;
  std::vector<std::string> ignored_columns;
};

// Imports the file at `path`. `by` is the signed-in account (rows outside its scope are rejected),
// or null for the operator's command line. Each committed batch stays committed whatever happens
// later; a row that fails never stops the others. `progress` is called after every batch. A real
// (not dry) import ends by refreshing the duplicate review queue, so new people pair with old.
// Throws io::SheetError when the file cannot be read or has no recognisable header.
ImportSummary import_people(store::Db& db, const Actor& actor, const Principal* by,
                            const std::string& path, const ImportOptions& options,
                            const std::function<void(const ImportSummary&)>& progress = {});

// The field a sheet header names (姓名 → name, 身份证号码 → id_number …), or "" when none.
std::string field_for_header(const std::string& header);

}  // namespace guiyan::service
