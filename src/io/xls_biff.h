// What FreeXL does not report of an .xls file — which sheets are hidden, and the merged ranges
// of a worksheet — read from the BIFF8 records of the workbook stream in the file's compound
// file container.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace guiyan::io {

// A merged range of cells, rows and columns 0-based and inclusive.
struct XlsMergedRange {
  uint32_t first_row, last_row;
  uint16_t first_col, last_col;
};

// The names of the sheets of the .xls (BIFF8) at `path` that are hidden, very hidden or not
// worksheets (charts, macro sheets), from its BOUNDSHEET records. Empty when it has none or the
// file cannot be read that far (as for xls_merged_ranges).
std::vector<std::string> xls_hidden_sheets(const std::string& path);

// The merged ranges (MERGEDCELLS records) of the worksheet named `sheet` of the .xls (BIFF8) at
// `path`. Empty when it holds none, or when the file cannot be read that far (an older BIFF, a
// broken container): the merges only fill cells, so a file FreeXL reads is never refused for them.
std::vector<XlsMergedRange> xls_merged_ranges(const std::string& path, const std::string& sheet);

}  // namespace guiyan::io
