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

}  // namespace

void read_sheet(const std::string& path, const RowCallback& on_row) {
  std::string ext = lower_extension(path);
  if (ext != ".xlsx" && ext != ".csv") {
    throw SheetError("不支持的文件类型，请上传 .xlsx 或 .csv 文件");
  }
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) throw SheetError("文件不存在：" + path);
  if (!S_ISREG(st.st_mode)) throw SheetError("无法读取文件：" + path);
  if (ext == ".xlsx") {
    read_xlsx(path, on_row);
  } else {
    read_csv(path, on_row);
  }
}

}  // namespace guiyan::io
