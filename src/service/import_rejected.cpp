#include "service/import_rejected.h"

#include <algorithm>
#include <cstddef>
#include <map>
#include <optional>

#include "io/sheet_reader.h"
#include "io/xlsx_writer.h"

namespace guiyan::service {

size_t write_rejected_rows(const std::string& source_path, const ImportSummary& summary,
                           FieldOf field_of, const std::string& out_path) {
  std::map<size_t, std::string> reasons;  // row number → why it was refused
  for (const auto& issue : summary.issues) {
    if (issue.row == 0 || issue.kept || issue.skipped) continue;
    std::string& r = reasons[issue.row];
    r += (r.empty() ? "" : "；") + issue.reason;
  }
  io::XlsxWriter out(out_path, "未导入的行");
  size_t width = 0, written = 0;
  // The header once it is known: its first row is held until the row below says whether it is
  // the second row of the header (refused rows come below both).
  std::optional<std::vector<std::string>> first;
  bool header_written = false;
  auto write_header = [&](std::vector<std::string> header) {
    width = header.size();
    header.push_back(kRejectedReasonHeader);
    out.header(header);
    header_written = true;
  };
  // The last row to read: the one below the header's, or the last refused row.
  size_t last = std::max(summary.header_row + 1, reasons.empty() ? 0 : reasons.rbegin()->first);
  if (summary.header_row > 0) {
    io::read_sheet_at(source_path, summary.sheet_index, [&](const io::SheetRow& row) {
      if (row.number == summary.header_row) {
        first = row.cells;
        return true;
      }
      if (first && !header_written) {
        auto both = two_row_header(*first, row.cells, field_of);
        write_header(both ? *both : *first);
        if (both) return row.number < last;
      }
      if (auto it = reasons.find(row.number);
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
    if (first && !header_written) write_header(*first);  // the header was the last row
  }
  out.close();
  return written;
}

}  // namespace guiyan::service
