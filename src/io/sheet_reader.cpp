#include "io/sheet_reader.h"

#include <sys/stat.h>

#include <cctype>

#include "io/csv_reader.h"
#include "io/xlsx_reader.h"

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

// The lower-cased extension of a readable sheet file; throws SheetError for anything else.
std::string checked_extension(const std::string& path) {
  std::string ext = lower_extension(path);
  if (ext != ".xlsx" && ext != ".csv") {
    throw SheetError("不支持的文件类型，请上传 .xlsx 或 .csv 文件");
  }
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) throw SheetError("文件不存在：" + path);
  if (!S_ISREG(st.st_mode)) throw SheetError("无法读取文件：" + path);
  return ext;
}

}  // namespace

void read_sheet(const std::string& path, const RowCallback& on_row) {
  read_sheet_at(path, 0, on_row);
}

std::vector<std::string> sheet_names(const std::string& path) {
  if (checked_extension(path) == ".xlsx") return xlsx_sheet_names(path);
  return {""};
}

void read_sheet_at(const std::string& path, size_t index, const RowCallback& on_row) {
  if (checked_extension(path) == ".xlsx") {
    read_xlsx(path, on_row, index);
  } else if (index == 0) {
    read_csv(path, on_row);
  } else {
    throw SheetError("CSV 文件只有一个工作表");
  }
}

}  // namespace guiyan::io
