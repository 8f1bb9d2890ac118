// Reading a sheet into an importer, shared by the people, merchant and venture imports: the header
// is looked for in the first rows, then every row is handed over and the accepted ones written in
// batches, with progress reported after each batch.
#pragma once

#include <functional>
#include <string>

#include "io/sheet_error.h"
#include "io/sheet_reader.h"
#include "service/import_summary.h"

namespace guiyan::service {

// Feeds the sheet at `path` to `imp`: `imp.header(row)` for each row until it returns true (a
// header must come within the first 10 rows), then `imp.row(row)` for each row, `imp.flush()`
// every `options.batch_rows` rows (when `progress` is given) and at the end; `progress` gets
// `imp.summary` after each flush. Throws io::SheetError naming `what_header` (e.g. "表头应包含
// “姓名”和“户籍地”等列") when no header is found.
template <class SheetImporter>
void feed_sheet(SheetImporter& imp, const std::string& path, const ImportOptions& options,
                const std::string& what_header,
                const std::function<void(const ImportSummary&)>& progress) {
  bool have_header = false;
  size_t scanned = 0;
  io::read_sheet(path, [&](const io::SheetRow& row) {
    if (!have_header) {
      have_header = imp.header(row);
      if (!have_header && ++scanned >= 10) {
        throw io::SheetError("前10行中未找到表头：" + what_header);
      }
      return true;
    }
    imp.row(row);
    if (progress && imp.summary.rows_read % options.batch_rows == 0) {
      imp.flush();
      progress(imp.summary);
    }
    return true;
  });
  if (!have_header) throw io::SheetError("文件中未找到表头：" + what_header);
  imp.flush();
}

}  // namespace guiyan::service
