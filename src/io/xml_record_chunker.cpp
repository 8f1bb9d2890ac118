#include "io/xml_record_chunker.h"

#include "io/sheet_error.h"

namespace guiyan::io {
namespace {

constexpr size_t kMinFragment = 512 * 1024;  // batch small inputs before parsing
constexpr size_t kMaxRecord = 64u << 20;     // a single record larger than this is not a sheet

bool is_name_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-' || c == '.' || static_cast<unsigned char>(c) >= 0x80;
}

[[noreturn]] void broken() {
  throw SheetError("文件不是有效的 xlsx 文件（工作表数据不完整）");
}

}  // namespace

XmlRecordChunker::XmlRecordChunker(std::string container, std::string record)
    : container_(std::move(container)), record_(std::move(record)) {}

void XmlRecordChunker::find_container() {
  // Looks for "<container" or "<prefix:container" followed by a space, '/' or '>'.
  for (size_t pos = buffer_.find(container_); pos != std::string::npos;
       pos = buffer_.find(container_, pos + 1)) {
    size_t after = pos + container_.size();
    if (after >= buffer_.size()) return;  // need more bytes to decide
    char next = buffer_[after];
    if (next != ' ' && next != '>' && next != '/' && next != '\t' && next != '\r' && next != '\n') {
      continue;
    }
    size_t start = pos;
    std::string prefix;
    if (start > 0 && buffer_[start - 1] == ':') {
      size_t p = start - 1;
      while (p > 0 && is_name_char(buffer_[p - 1])) --p;
      prefix = buffer_.substr(p, start - p);  // includes ':'
      start = p;
    }
    if (start == 0 || buffer_[start - 1] != '<') continue;
    size_t close = buffer_.find('>', after);
    if (close == std::string::npos) return;  // need more bytes
    end_tag_ = "</" + prefix + container_ + ">";
    record_open_ = "<" + prefix + record_;
    if (buffer_[close - 1] == '/') {
      state_ = State::done;
      buffer_.clear();
      return;
    }
    buffer_.erase(0, close + 1);
    state_ = State::inside;
    return;
  }
}

void XmlRecordChunker::emit(size_t length, const FragmentFn& on_fragment) {
  document_.assign("<r>");
  document_.append(buffer_, 0, length);
  document_.append("</r>");
  buffer_.erase(0, length);
  on_fragment(document_);
}

void XmlRecordChunker::feed(std::string_view bytes, const FragmentFn& on_fragment) {
  if (state_ == State::done) return;
  size_t old_size = buffer_.size();
  buffer_.append(bytes);
  if (state_ == State::before) {
    find_container();
    if (state_ == State::before) {
      if (buffer_.size() > kMaxRecord) broken();
      return;
    }
    if (state_ == State::done) return;
    old_size = 0;
  }
  // The end tag may straddle the previous and the new bytes.
  size_t from = old_size > end_tag_.size() ? old_size - end_tag_.size() : 0;
  size_t end = buffer_.find(end_tag_, from);
  if (end != std::string::npos) {
    buffer_.resize(end);
    state_ = State::done;
    if (!buffer_.empty()) emit(buffer_.size(), on_fragment);
    buffer_.clear();
    return;
  }
  if (buffer_.size() < kMinFragment) return;
  // Records do not nest, so everything before the last record's start tag is whole records
  // (self-closing ones included).
  size_t last = last_record_start();
  if (last == 0 || last == std::string::npos) {
    if (buffer_.size() > kMaxRecord) broken();
    return;
  }
  emit(last, on_fragment);
}

size_t XmlRecordChunker::last_record_start() const {
  for (size_t pos = buffer_.rfind(record_open_); pos != std::string::npos && pos > 0;
       pos = buffer_.rfind(record_open_, pos - 1)) {
    size_t after = pos + record_open_.size();
    if (after >= buffer_.size()) continue;  // cannot tell yet
    char next = buffer_[after];
    if (next == ' ' || next == '>' || next == '/' || next == '\t' || next == '\r' || next == '\n') {
      return pos;
    }
  }
  return std::string::npos;
}

void XmlRecordChunker::finish() {
  if (state_ == State::inside) broken();
  state_ = State::done;  // no container at all: an empty sheet
}

}  // namespace guiyan::io
