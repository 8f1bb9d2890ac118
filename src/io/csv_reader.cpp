#include "io/csv_reader.h"

#include <cerrno>
#include <cstdio>
#include <memory>
#include <vector>

#include "io/chunk.h"
#include "io/csv_parser.h"
#include "io/text_decoder.h"

namespace guiyan::io {
namespace {

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};

// Tab when the first line of `text` has a tab and no comma; comma otherwise.
char pick_separator(std::string_view text) {
  std::string_view line = text.substr(0, text.find_first_of("\r\n"));
  return line.find('\t') != std::string_view::npos && line.find(',') == std::string_view::npos
             ? '\t'
             : ',';
}

}  // namespace

void read_csv(const std::string& path, const RowCallback& on_row) {
  TextDecoder decoder(detect_text_encoding(path));
  std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
  if (!file) throw SheetError((errno == ENOENT ? "文件不存在：" : "无法读取文件：") + path);

  std::vector<char> bytes(kReadChunk);
  std::string text;
  std::unique_ptr<CsvParser> parser;
  bool eof = false;
  while (!eof) {
    size_t n = std::fread(bytes.data(), 1, bytes.size(), file.get());
    if (n < bytes.size()) {
      if (std::ferror(file.get())) throw SheetError("无法读取文件：" + path);
      eof = true;
    }
    decoder.decode(std::string_view(bytes.data(), n), eof, text);
    if (!parser) {
      // The separator is chosen from the first line, so wait until it is complete.
      if (!eof && text.find_first_of("\r\n") == std::string::npos && text.size() < (1u << 20)) {
        continue;
      }
      parser = std::make_unique<CsvParser>(pick_separator(text));
    }
    if (!parser->feed(text, on_row)) return;
    text.clear();
  }
  parser->finish(on_row);
}

}  // namespace guiyan::io
