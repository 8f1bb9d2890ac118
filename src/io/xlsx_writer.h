// Writing a ledger to an .xlsx file row by row in constant memory (libxlsxwriter).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "io/sheet_error.h"

struct lxw_workbook;
struct lxw_worksheet;
struct lxw_format;

namespace guiyan::io {

// `name` as a worksheet may be named: the characters Excel forbids become '_', at most 31
// characters, "Sheet1" when nothing is left.
std::string xlsx_sheet_name(const std::string& name);

// Text as libxlsxwriter should get it: valid UTF-8, and a literal "_xHHHH_" protected as
// "_x005F_xHHHH_" (libxlsxwriter escapes control characters that way but not the pattern itself,
// so Excel would otherwise show "_x0041_" as "A").
std::string xlsx_cell_text(const std::string& text);

// How row() writes a cell.
enum class CellKind {
  text,    // a text cell, exactly as given (ID numbers and phones keep every digit)
  number,  // a number cell for a plain decimal number ("-12.5"); text otherwise (also "0123")
  date,    // a date cell (shown yyyy-mm-dd) for "YYYY-MM-DD" or "YYYY-MM-DD HH:MM[:SS]", text
           // otherwise
};

// One worksheet written strictly top to bottom; only the current row is held in memory.
class XlsxWriter {
 public:
  // Prepares `path` (written on close) with one worksheet named `sheet_name` (characters Excel
  // forbids become '_', cut to 31 characters). Throws SheetError when that is impossible.
  XlsxWriter(const std::string& path, const std::string& sheet_name);
  // Closes quietly when close() was not called; errors are lost then.
  ~XlsxWriter();
  XlsxWriter(const XlsxWriter&) = delete;
  XlsxWriter& operator=(const XlsxWriter&) = delete;

  // Writes the header as the first row: bold, frozen when scrolling. Must come before any row.
  void header(const std::vector<std::string>& titles);

  // Writes the next row, every cell as text; empty cells are left blank. Throws SheetError past
  // Excel's 1,048,576 rows or for a cell over 32,767 characters.
  void row(const std::vector<std::string>& cells);

  // Writes the next row, cell i as kinds[i] (text where kinds is shorter).
  void row(const std::vector<std::string>& cells, const std::vector<CellKind>& kinds);

  // Sets column widths from the text seen (header and first rows, Chinese counted double) and
  // writes the file. Throws SheetError when it cannot be written. Further calls do nothing.
  void close();

 private:
  void write_row(const std::vector<std::string>& cells, const std::vector<CellKind>& kinds,
                 lxw_format* text_format);
  void write_cell(size_t col, const std::string& text, CellKind kind, lxw_format* text_format);
  void note_width(size_t col, const std::string& text);

  std::string path_;
  lxw_workbook* workbook_ = nullptr;
  lxw_worksheet* sheet_ = nullptr;
  lxw_format* bold_ = nullptr;
  lxw_format* date_ = nullptr;
  lxw_format* date_time_ = nullptr;
  size_t next_row_ = 0;
  std::vector<size_t> widths_;  // display width per column over the sampled rows
};

}  // namespace guiyan::io
