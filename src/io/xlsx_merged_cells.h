// Merged cells of a worksheet, filled in as offices mean them: a village written once in a cell
// merged down over the rows of its people holds for each of those rows.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "io/sheet_reader.h"
#include "io/zip_reader.h"

namespace guiyan::io {

// One merged range, rows 1-based as in Excel, columns 0-based.
struct MergedRange {
  size_t first_row = 0, last_row = 0;
  size_t first_col = 0, last_col = 0;
};

// Finds the <mergeCell ref="…"/> elements in a worksheet's XML given in pieces of any size.
class MergedRangeScanner {
 public:
  // Takes the next bytes of the part.
  void feed(std::string_view bytes);
  // The ranges of more than one cell found so far, in document order.
  const std::vector<MergedRange>& ranges() const { return ranges_; }

 private:
  std::string buf_;  // bytes that may still begin an element
  std::vector<MergedRange> ranges_;
};

// The ranges of "A2:C5" form in the <mergeCell ref="…"/> elements of the worksheet part `part`
// (they follow the rows, so the whole part is read); ranges of one cell are left out.
std::vector<MergedRange> read_merged_ranges(const ZipReader& zip, const std::string& part);

// The range "A2:C5" as a MergedRange; false when `ref` is not of that form.
bool parse_range(std::string_view ref, MergedRange& out);

// Fills the empty cells of rows in order: each cell of a merged range takes the value of the
// range's top-left cell.
class MergedCellFiller {
 public:
  explicit MergedCellFiller(std::vector<MergedRange> ranges = {});
  // Adds a range learnt while reading (an XML spreadsheet's cell gives its own span); it takes
  // effect from the next fill of a row at or below its first.
  void add(const MergedRange& range);
  // Fills `row`; rows must come in increasing row number.
  void fill(SheetRow& row);

 private:
  struct Active {
    MergedRange range;
    std::string value;
  };
  std::vector<MergedRange> ranges_;  // by first row
  size_t next_ = 0;
  std::vector<Active> active_;
};

}  // namespace guiyan::io
