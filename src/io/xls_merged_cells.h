// The merged ranges of the worksheets of an .xls file, which FreeXL does not report: read from
// the BIFF records of the workbook stream in the file's compound file container.
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

// The merged ranges (MERGEDCELLS records) of the worksheet named `sheet` of the .xls (BIFF8) at
// `path`. Empty when it holds none, or when the file cannot be read that far (an older BIFF, a
// broken container): the merges only fill cells, so a file FreeXL reads is never refused for them.
std::vector<XlsMergedRange> xls_merged_ranges(const std::string& path, const std::string& sheet);

}  // namespace guiyan::io
