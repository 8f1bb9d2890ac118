#include "io/xlsx_writer.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <stdexcept>

#include "io/utf8.h"

namespace guiyan::io {
namespace {

constexpr size_t kMaxRows = 1048576;
constexpr size_t kWidthSampleRows = 1000;  // rows looked at to size the columns
constexpr double kMinWidth = 8, kMaxWidth = 60;

}  // namespace

std::string xlsx_sheet_name(const std::string& name) {
  std::string clean = sanitize_utf8(name);
  std::string out;
  size_t chars = 0;
  for (size_t i = 0; i < clean.size() && chars < 31; ++chars) {
    int n = std::max(1, utf8_sequence_length(std::string_view(clean).substr(i)));
    char c = clean[i];
    bool bad = n == 1 && (c == '[' || c == ']' || c == ':' || c == '*' || c == '?' || c == '/' ||
                          c == '\\' || static_cast<unsigned char>(c) < 0x20);
    out += bad ? std::string("_") : clean.substr(i, n);
    i += n;
  }
  if (!out.empty() && (out.front() == '\'' || out.back() == '\'')) {
    std::replace(out.begin(), out.end(), '\'', '_');
  }
  return out.empty() ? "Sheet1" : out;
}

namespace {

// Parses a plain decimal number ("-12.5", "3e5"); false for anything else, and for "0123": a
// leading zero means a code, which stays text even when the caller asked for a number.
bool parse_number(const std::string& text, double& value) {
  const char* b = text.data();
  const char* e = b + text.size();
  if (b != e && *b == '+') ++b;
  const char* digits = b != e && *b == '-' ? b + 1 : b;
  if (e - digits > 1 && digits[0] == '0' && digits[1] >= '0' && digits[1] <= '9') return false;
  auto [p, ec] = std::from_chars(b, e, value);
  return b != e && ec == std::errc{} && p == e && std::isfinite(value);
}

// Parses "YYYY-MM-DD" with an optional " HH:MM" or " HH:MM:SS" (or 'T' instead of the space).
bool parse_datetime(const std::string& s, lxw_datetime& dt, bool& has_time) {
  auto num = [&](size_t pos, size_t len, int& out) {
    if (pos + len > s.size()) return false;
    auto [p, ec] = std::from_chars(s.data() + pos, s.data() + pos + len, out);
    return ec == std::errc{} && p == s.data() + pos + len;
  };
  int y, mo, d, h = 0, mi = 0, sec = 0;
  if (s.size() < 10 || s[4] != '-' || s[7] != '-' || !num(0, 4, y) || !num(5, 2, mo) ||
      !num(8, 2, d)) {
    return false;
  }
  has_time = s.size() > 10;
  if (has_time) {
    if ((s[10] != ' ' && s[10] != 'T') || s.size() < 16 || s[13] != ':' || !num(11, 2, h) ||
        !num(14, 2, mi)) {
      return false;
    }
    if (s.size() != 16 && (s.size() != 19 || s[16] != ':' || !num(17, 2, sec))) return false;
  }
  static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (y < 1900 || y > 9999 || mo < 1 || mo > 12 || d < 1 || d > kDays[mo - 1] ||
      (mo == 2 && d == 29 && !leap) || h > 23 || mi > 59 || sec > 59) {
    return false;
  }
  dt = lxw_datetime{y, mo, d, h, mi, static_cast<double>(sec)};
  return true;
}

}  // namespace

std::string xlsx_cell_text(const std::string& text) {
  std::string clean = is_valid_utf8(text) ? text : sanitize_utf8(text);
  if (clean.find("_x") == std::string::npos) return clean;
  std::string out;
  for (size_t i = 0; i < clean.size(); ++i) {
    if (i + 7 <= clean.size() && clean[i] == '_' && clean[i + 1] == 'x' && clean[i + 6] == '_' &&
        std::isxdigit(static_cast<unsigned char>(clean[i + 2])) &&
        std::isxdigit(static_cast<unsigned char>(clean[i + 3])) &&
        std::isxdigit(static_cast<unsigned char>(clean[i + 4])) &&
        std::isxdigit(static_cast<unsigned char>(clean[i + 5]))) {
      out += "_x005F";
    }
    out.push_back(clean[i]);
  }
  return out;
}

XlsxWriter::XlsxWriter(const std::string& path, const std::string& sheet_name) : path_(path) {
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;
  workbook_ = workbook_new_opt(path.c_str(), &options);
  if (!workbook_) throw SheetError("无法创建 xlsx 文件：" + path);
  sheet_ = workbook_add_worksheet(workbook_, xlsx_sheet_name(sheet_name).c_str());
  if (!sheet_) {
    workbook_close(workbook_);
    workbook_ = nullptr;
    throw SheetError("无法创建 xlsx 工作表（临时目录不可写？）");
  }
  bold_ = workbook_add_format(workbook_);
  format_set_bold(bold_);
  date_ = workbook_add_format(workbook_);
  format_set_num_format(date_, "yyyy-mm-dd");
  date_time_ = workbook_add_format(workbook_);
  format_set_num_format(date_time_, "yyyy-mm-dd hh:mm");
}

XlsxWriter::~XlsxWriter() {
  try {
    close();
  } catch (...) {
  }
}

void XlsxWriter::header(const std::vector<std::string>& titles) {
  if (next_row_ != 0) throw std::logic_error("XlsxWriter::header after rows");
  write_row(titles, {}, bold_);
  worksheet_freeze_panes(sheet_, 1, 0);
}

void XlsxWriter::row(const std::vector<std::string>& cells) {
  write_row(cells, {}, nullptr);
}

void XlsxWriter::row(const std::vector<std::string>& cells, const std::vector<CellKind>& kinds) {
  write_row(cells, kinds, nullptr);
}

void XlsxWriter::write_row(const std::vector<std::string>& cells,
                           const std::vector<CellKind>& kinds, lxw_format* text_format) {
  if (!workbook_) throw std::logic_error("XlsxWriter: write after close");
  if (next_row_ >= kMaxRows) throw SheetError("超过 Excel 最大行数 1048576，请分批导出");
  for (size_t c = 0; c < cells.size() && c < LXW_COL_MAX; ++c) {
    write_cell(c, cells[c], c < kinds.size() ? kinds[c] : CellKind::text, text_format);
  }
  ++next_row_;
}

void XlsxWriter::note_width(size_t col, const std::string& text) {
  if (next_row_ > kWidthSampleRows) return;
  if (widths_.size() <= col) widths_.resize(col + 1, 0);
  size_t widest_line = 0, start = 0;
  while (start <= text.size()) {  // a cell with line breaks is as wide as its widest line
    size_t end = std::min(text.find('\n', start), text.size());
    widest_line =
        std::max(widest_line, display_width(std::string_view(text).substr(start, end - start)));
    start = end + 1;
  }
  widths_[col] = std::max(widths_[col], widest_line);
}

void XlsxWriter::write_cell(size_t col, const std::string& text, CellKind kind,
                            lxw_format* text_format) {
  if (text.empty()) return;
  note_width(col, text);
  auto r = static_cast<lxw_row_t>(next_row_);
  auto c = static_cast<lxw_col_t>(col);
  lxw_error err = LXW_NO_ERROR;
  double number;
  lxw_datetime dt;
  bool has_time = false;
  if (kind == CellKind::number && parse_number(text, number)) {
    err = worksheet_write_number(sheet_, r, c, number, nullptr);
  } else if (kind == CellKind::date && parse_datetime(text, dt, has_time)) {
    err = worksheet_write_datetime(sheet_, r, c, &dt, has_time ? date_time_ : date_);
  } else {
    err = worksheet_write_string(sheet_, r, c, xlsx_cell_text(text).c_str(), text_format);
  }
  if (err == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED) {
    throw SheetError("第" + std::to_string(next_row_ + 1) + "行第" + std::to_string(col + 1) +
                     "列内容超过 Excel 单元格上限 32767 个字符");
  }
  if (err != LXW_NO_ERROR) {
    throw SheetError(std::string("写入 xlsx 失败：") + lxw_strerror(err));
  }
}

void XlsxWriter::close() {
  if (!workbook_) return;
  for (size_t c = 0; c < widths_.size(); ++c) {
    double width = std::clamp(static_cast<double>(widths_[c]) + 2, kMinWidth, kMaxWidth);
    worksheet_set_column(sheet_, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), width,
                         nullptr);
  }
  lxw_error err = workbook_close(workbook_);
  workbook_ = nullptr;
  if (err != LXW_NO_ERROR) {
    throw SheetError("保存 xlsx 文件失败：" + path_ + "（" + lxw_strerror(err) + "）");
  }
}

}  // namespace guiyan::io
