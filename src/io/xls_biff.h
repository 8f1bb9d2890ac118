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

// What the .xls (BIFF8) at `path` says beyond FreeXL, read once: its workbook stream's
// BOUNDSHEET and MERGEDCELLS records. Its answers are empty when the file cannot be read that
// far (an older BIFF, a broken container): they only pass sheets over and fill cells, so a file
// FreeXL reads is never refused for them.
class XlsBiff {
 public:
  explicit XlsBiff(const std::string& path);

  // The names of the sheets that are hidden, very hidden or not worksheets (charts, macro
  // sheets), in tab order.
  std::vector<std::string> hidden_sheets() const;

  // The merged ranges of the worksheet named `sheet` (none for a name it does not hold).
  std::vector<XlsMergedRange> merged_ranges(const std::string& sheet) const;

 private:
  // A sheet as the workbook's globals list it (a BOUNDSHEET record).
  struct Sheet {
    std::string name;
    uint32_t position;  // of the sheet's BOF in the workbook stream
    bool shown;         // visible, and a worksheet
  };
  std::string book_;  // the workbook stream; "" when it is not BIFF8 in a compound file
  std::vector<Sheet> sheets_;
};

}  // namespace guiyan::io
