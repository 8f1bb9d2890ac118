#include "io/sheet_reader.h"

#include <sys/stat.h>

#include <cctype>
#include <fstream>

#include "io/csv_reader.h"
#include "io/html_table_reader.h"
#include "io/xls_reader.h"
#include "io/xlsx_reader.h"
#include "io/xml_spreadsheet_reader.h"

namespace guiyan::io {
namespace {

// Lower-cased extension of the last path component including the dot ("" when none).
std::string lower_extension(const std::string& path) {
  size_t slash = path.find_last_of('/');
  size_t dot = path.find_last_of('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return "";
  std::string ext = path.substr(dot);
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

// The first `n` bytes of the file at `path` (fewer when it is shorter).
std::string file_head(const std::string& path, size_t n) {
  std::string head(n, '\0');
  std::ifstream in(path, std::ios::binary);
  in.read(head.data(), static_cast<std::streamsize>(n));
  head.resize(static_cast<size_t>(in.gcount()));
  return head;
}

// True when `head`, a file's first bytes, is text whose first line holds a tab: UTF-16 with its
// byte order mark, or bytes without a NUL.
bool looks_like_tab_text(std::string_view head) {
  if (head.starts_with("\xFF\xFE") || head.starts_with("\xFE\xFF")) return true;
  if (head.find('\0') != std::string_view::npos) return false;
  return head.substr(0, head.find_first_of("\r\n")).find('\t') != std::string_view::npos;
}

// How a readable sheet file is read: "csv", "xls", "xlsx", "xml" or "html". An Excel file is read
// by what it holds, whatever its extension says (WPS and mail programs rename them): a compound
// file as .xls, an Excel 2003 XML spreadsheet or a web page holding a table as such (systems'
// "export to Excel" writes either under the name .xls), tab-separated text under the name .xls as
// a .csv, anything else as .xlsx. Throws
// SheetError for another extension or a missing file.
std::string checked_kind(const std::string& path) {
  std::string ext = lower_extension(path);
  if (!is_sheet_file_name(path)) throw SheetError(kSheetFileTypes);
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) throw SheetError("文件不存在：" + path);
  if (!S_ISREG(st.st_mode)) throw SheetError("无法读取文件：" + path);
  if (ext == ".csv") return "csv";
  // An OLE2 compound file (an .xls, or an .xlsx a password encrypts), or a zip archive.
  std::string head = file_head(path, 8);
  if (head == std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)) return "xls";
  if (head.starts_with(std::string("PK\3\4", 4))) return "xlsx";
  // A page's <head> (Excel's own HTML carries long style sheets) comes before its table.
  std::string page = file_head(path, 64 * 1024);
  if (looks_like_xml_spreadsheet(page)) return "xml";
  if (looks_like_html_table(page)) return "html";
  // Tab-separated text under the name .xls (older systems' export; Excel's "Unicode 文本"):
  // Excel opens it as columns, and so does the CSV reader.
  if (ext == ".xls" && looks_like_tab_text(page)) return "csv";
  if (ext == ".xls") {
    // Text, or a format of its own, under the name .xls.
    throw SheetError(
        "文件不是有效的 Excel 文件（可能是网页或文本文件改名为 .xls），请用 Excel 打开后"
        "另存为 .xlsx 再上传");
  }
  return "xlsx";
}

}  // namespace

bool is_sheet_file_name(const std::string& name) {
  std::string ext = lower_extension(name);
  return ext == ".xlsx" || ext == ".xls" || ext == ".csv";
}

void read_sheet(const std::string& path, const RowCallback& on_row) {
  read_sheet_at(path, 0, on_row);
}

std::vector<std::string> sheet_names(const std::string& path) {
  std::string kind = checked_kind(path);
  if (kind == "xlsx") return xlsx_sheet_names(path);
  if (kind == "xls") return xls_sheet_names(path);
  if (kind == "xml") return xml_spreadsheet_names(path);
  return {""};  // a .csv, a web page: one sheet
}

void read_sheet_at(const std::string& path, size_t index, const RowCallback& on_row) {
  std::string kind = checked_kind(path);
  if (kind == "xlsx") {
    read_xlsx(path, on_row, index);
  } else if (kind == "xls") {
    read_xls(path, on_row, index);
  } else if (kind == "xml") {
    read_xml_spreadsheet(path, on_row, index);
  } else if (index != 0) {
    throw SheetError(kind == "csv" ? "CSV 文件只有一个工作表" : "网页格式的文件只有一个工作表");
  } else if (kind == "html") {
    read_html_table(path, on_row);
  } else {
    read_csv(path, on_row);
  }
}

}  // namespace guiyan::io
