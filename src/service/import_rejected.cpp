#include "service/import_rejected.h"

#include <algorithm>
#include <cstddef>
#include <map>

#include "io/sheet_reader.h"
#include "io/xlsx_writer.h"

namespace guiyan::service {

size_t write_rejected_rows(const std::string& source_path, const ImportSummary& summary,
                           const std::string& out_path) {
  std::map<size_t, std::string> reasons;  // row number → why it was refused
  for (const auto& issue : summary.issues) {
    if (issue.row == 0 || issue.kept) continue;
    std::string& r = reasons[issue.row];
    r += (r.empty() ? "" : "；") + issue.reason;
  }
  io::XlsxWriter out(out_path, "未导入的行");
  size_t width = 0, written = 0;
  // The last row to read: the header's, or the last refused row's below it.
  size_t last = std::max(summary.header_row, reasons.empty() ? 0 : reasons.rbegin()->first);
  if (summary.header_row > 0) {
    io::read_sheet_at(source_path, summary.sheet_index, [&](const io::SheetRow& row) {
      if (row.number == summary.header_row) {
        std::vector<std::string> header = row.cells;
        width = header.size();
        header.push_back(kRejectedReasonHeader);
        out.header(header);
      } else if (auto it = reasons.find(row.number);
                 it != reasons.end() && row.number > summary.header_row) {
        // The reason under its header; cells past the header (no column name, not read)
        // follow it.
        std::vector<std::string> cells = row.cells;
        if (cells.size() < width) cells.resize(width);
        cells.insert(cells.begin() + static_cast<std::ptrdiff_t>(width), it->second);
        out.row(cells);
        ++written;
      }
      return row.number < last;  // nothing refused further down
    });
  }
  out.close();
  return written;
}

}  // namespace guiyan::service
