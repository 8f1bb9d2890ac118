#include "io/xls_reader.h"

#include <freexl.h>

#include <algorithm>
#include <iterator>
#include <unordered_map>

#include "io/cell_text.h"
#include "io/isolated.h"
#include "io/xls_biff.h"

namespace guiyan::io {
namespace {

// An open .xls workbook, closed when it goes out of scope.
class XlsBook {
 public:
  explicit XlsBook(const std::string& path) {
    int rc = freexl_open(path.c_str(), &handle_);
    if (rc != FREEXL_OK) {
      handle_ = nullptr;
      fail(path, rc);
    }
    unsigned int password = 0;
    if (freexl_get_info(handle_, FREEXL_BIFF_PASSWORD, &password) == FREEXL_OK &&
        password == FREEXL_BIFF_OBFUSCATED) {
      freexl_close(handle_);  // the destructor does not run for a constructor that throws
      handle_ = nullptr;
      throw SheetError("文件已加密，请取消密码后重新上传");
    }
  }
  ~XlsBook() {
    if (handle_) freexl_close(handle_);
  }
  XlsBook(const XlsBook&) = delete;
  XlsBook& operator=(const XlsBook&) = delete;

  const void* handle() const { return handle_; }

  // The names of the sheets FreeXL reads, in tab order.
  std::vector<std::string> sheet_names() const {
    unsigned int n = 0;
    std::vector<std::string> names;
    if (freexl_get_info(handle_, FREEXL_BIFF_SHEET_COUNT, &n) != FREEXL_OK) return names;
    for (unsigned int i = 0; i < n; ++i) {
      const char* name = nullptr;
      if (freexl_get_worksheet_name(handle_, static_cast<unsigned short>(i), &name) != FREEXL_OK) {
        throw SheetError("文件不是有效的 xls 文件（工作表名称无法读取）");
      }
      names.push_back(name ? name : "");
    }
    return names;
  }

 private:
  // Throws the SheetError a user can act on for FreeXL's error `rc` opening `path`.
  [[noreturn]] static void fail(const std::string& path, int rc) {
    if (rc == FREEXL_FILE_NOT_FOUND) throw SheetError("无法读取文件：" + path);
    if (rc == FREEXL_INSUFFICIENT_MEMORY) throw SheetError("读取 xls 文件失败：内存不足");
    if (rc == FREEXL_BIFF_WORKBOOK_NOT_FOUND) {
      // An .xlsx encrypted by a password is such a compound file, without a workbook in it.
      throw SheetError("文件设置了打开密码或不是 Excel 工作簿，请取消密码后重新上传");
    }
    throw SheetError("文件不是有效的 xls 文件（已损坏或格式不符，错误码 " + std::to_string(rc) +
                     "），请用 Excel 另存为 .xlsx 后重新上传");
  }

  const void* handle_ = nullptr;
};

// Drops ":SS" from "HH:MM:SS" at the end of `text`, as read_xlsx shows times.
std::string without_seconds(std::string text) {
  if (text.size() >= 8 && text[text.size() - 3] == ':') text.resize(text.size() - 3);
  return text;
}

// The text of one cell, as read_xlsx would give it.
std::string xls_cell_text(const FreeXL_CellValue& v) {
  switch (v.type) {
    case FREEXL_CELL_INT:
      return std::to_string(v.value.int_value);
    case FREEXL_CELL_DOUBLE:
      return number_text(v.value.double_value);
    case FREEXL_CELL_TEXT:
    case FREEXL_CELL_SST_TEXT:
    case FREEXL_CELL_DATE:
      return v.value.text_value ? v.value.text_value : "";
    case FREEXL_CELL_DATETIME:
    case FREEXL_CELL_TIME:
      return v.value.text_value ? without_seconds(v.value.text_value) : "";
    default:
      return "";
  }
}

// Of the sheets `names` of an .xls (`biff`: its records), those read: the hidden ones are passed
// over, as in an .xlsx (the first stays when all are hidden).
std::vector<std::string> shown_sheets(const std::vector<std::string>& names, const XlsBiff& biff) {
  if (names.empty()) throw SheetError("文件不是有效的 xls 文件（没有工作表）");
  std::vector<std::string> hidden = biff.hidden_sheets(), shown;
  for (const auto& name : names) {
    if (std::find(hidden.begin(), hidden.end(), name) == hidden.end()) shown.push_back(name);
  }
  return shown.empty() ? std::vector<std::string>{names.front()} : shown;
}

// xls_sheet_names in this process.
std::vector<std::string> sheet_names_here(const std::string& path) {
  return shown_sheets(XlsBook(path).sheet_names(), XlsBiff(path));
}

// read_xls in this process.
void read_here(const std::string& path, const RowCallback& on_row, size_t index) {
  XlsBook book(path);
  std::vector<std::string> names = book.sheet_names();
  XlsBiff biff(path);
  std::vector<std::string> shown = shown_sheets(names, biff);
  if (index >= shown.size()) throw SheetError("工作表不存在");
  auto at = std::find(names.begin(), names.end(), shown[index]);
  if (at == names.end() ||
      freexl_select_active_worksheet(
          book.handle(), static_cast<unsigned short>(at - names.begin())) != FREEXL_OK) {
    throw SheetError("文件不是有效的 xls 文件（工作表无法读取）");
  }
  unsigned int rows = 0;
  unsigned short columns = 0;
  if (freexl_worksheet_dimensions(book.handle(), &rows, &columns) != FREEXL_OK) {
    throw SheetError("文件不是有效的 xls 文件（工作表无法读取）");
  }
  auto text_at = [&](unsigned int r, unsigned short c) {
    FreeXL_CellValue v;
    if (freexl_get_cell_value(book.handle(), r, c, &v) != FREEXL_OK) {
      throw SheetError("文件不是有效的 xls 文件（第" + std::to_string(r + 1) +
                       "行的单元格无法读取）");
    }
    return xls_cell_text(v);
  };
  // Row → the merged ranges over it, each with the value of its first cell.
  struct Fill {
    uint16_t first_col, last_col;
    std::string text;
  };
  std::unordered_map<uint32_t, std::vector<Fill>> fills;
  for (const XlsMergedRange& m : biff.merged_ranges(shown[index])) {
    if (m.first_row >= rows || m.first_col >= columns) continue;
    std::string text = text_at(m.first_row, m.first_col);
    if (text.empty()) continue;
    for (uint32_t r = m.first_row; r <= m.last_row && r < rows; ++r) {
      fills[r].push_back({m.first_col, m.last_col, text});
    }
  }
  SheetRow row;
  for (unsigned int r = 0; r < rows; ++r) {
    row.number = r + 1;
    row.cells.clear();
    auto merged = fills.find(r);
    for (unsigned short c = 0; c < columns; ++c) {
      std::string text = text_at(r, c);
      if (text.empty() && merged != fills.end()) {
        for (const Fill& f : merged->second) {
          if (f.first_col <= c && c <= f.last_col) text = f.text;
        }
      }
      if (text.empty()) continue;
      row.cells.resize(c);  // the empty cells before it
      row.cells.push_back(std::move(text));
    }
    if (!row.cells.empty() && !on_row(row)) return;
  }
}

// Said when the child reading an .xls dies (FreeXL crashes on some corrupt files).
constexpr const char* kCrashed =
    "文件已损坏，无法读取（读取 xls 文件时出错），请用 Excel 打开后另存为 .xlsx 再上传";

}  // namespace

std::vector<std::string> xls_sheet_names(const std::string& path) {
  std::vector<std::string> names;
  run_isolated([&](FrameWriter& out) { out.frame('N', sheet_names_here(path)); },
               [&](char, std::vector<std::string>& parts) {
                 names = std::move(parts);
                 return true;
               },
               kCrashed);
  return names;
}

void read_xls(const std::string& path, const RowCallback& on_row, size_t index) {
  run_isolated(
      [&](FrameWriter& out) {
        std::vector<std::string> parts;
        read_here(
            path,
            [&](const SheetRow& row) {
              parts.assign(1, std::to_string(row.number));
              parts.insert(parts.end(), row.cells.begin(), row.cells.end());
              out.frame('R', parts);
              return true;
            },
            index);
      },
      [&](char, std::vector<std::string>& parts) {
        SheetRow row;
        row.number = parts.empty() ? 0 : std::stoul(parts[0]);
        row.cells.assign(std::make_move_iterator(parts.begin() + (parts.empty() ? 0 : 1)),
                         std::make_move_iterator(parts.end()));
        return on_row(row);
      },
      kCrashed);
}

}  // namespace guiyan::io
