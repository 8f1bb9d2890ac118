#include "io/csv_writer.h"

#include <stdexcept>

namespace guiyan::io {
namespace {

// True for a plain decimal number: optional sign, digits with an optional fraction, optional
// exponent. Such a field cannot be a formula even when it starts with '+' or '-'.
bool is_plain_number(std::string_view s) {
  size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  size_t digits = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++digits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++digits;
  }
  if (digits == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    size_t exp_digits = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++exp_digits;
    if (exp_digits == 0) return false;
  }
  return i == s.size();
}

bool needs_guard(std::string_view s) {
  if (s.empty()) return false;
  char c = s[0];
  if (c != '=' && c != '+' && c != '-' && c != '@' && c != '\t' && c != '\r') return false;
  return !is_plain_number(s) && s != "-";
}

}  // namespace

std::string csv_field(std::string_view cell) {
  std::string text;
  if (needs_guard(cell)) text.push_back('\'');
  text.append(cell);
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted.push_back('"');
    quoted.push_back(c);
  }
  quoted.push_back('"');
  return quoted;
}

CsvWriter::CsvWriter(const std::string& path) : path_(path) {
  file_ = std::fopen(path.c_str(), "wb");
  if (!file_) throw SheetError("无法创建文件：" + path);
  std::setvbuf(file_, nullptr, _IOFBF, 1 << 20);
  std::fputs("\xEF\xBB\xBF", file_);
}

CsvWriter::~CsvWriter() {
  try {
    close();
  } catch (...) {
  }
}

void CsvWriter::row(const std::vector<std::string>& cells) {
  if (!file_) throw std::logic_error("CsvWriter::row after close");
  line_.clear();
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) line_.push_back(',');
    line_.append(csv_field(cells[i]));
  }
  line_.append("\r\n");
  std::fwrite(line_.data(), 1, line_.size(), file_);
}

void CsvWriter::close() {
  if (!file_) return;
  bool failed = std::ferror(file_) != 0;
  failed = std::fclose(file_) != 0 || failed;
  file_ = nullptr;
  if (failed) throw SheetError("写入 CSV 文件失败：" + path_);
}

}  // namespace guiyan::io
