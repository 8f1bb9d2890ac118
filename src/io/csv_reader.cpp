#include "io/csv_reader.h"

#include <memory>

#include "io/csv_parser.h"
#include "io/text_decoder.h"

namespace guiyan::io {
namespace {

// Tab when the first line of `text` has a tab and no comma; comma otherwise.
char pick_separator(std::string_view text) {
  std::string_view line = text.substr(0, text.find_first_of("\r\n"));
  return line.find('\t') != std::string_view::npos && line.find(',') == std::string_view::npos
             ? '\t'
             : ',';
}

}  // namespace

void read_csv(const std::string& path, const RowCallback& on_row) {
  std::string text;
  std::unique_ptr<CsvParser> parser;
  read_decoded(
      path, [&](std::string_view) { return detect_text_encoding(path); },
      [&](std::string_view piece, bool last) {
        text += piece;
        if (!parser) {
          // The separator is chosen from the first line, so wait until it is complete.
          if (!last && text.find_first_of("\r\n") == std::string::npos &&
              text.size() < (1u << 20)) {
            return true;
          }
          parser = std::make_unique<CsvParser>(pick_separator(text));
        }
        bool more = parser->feed(text, on_row);
        text.clear();
        if (more && last) parser->finish(on_row);
        return more;
      });
}

}  // namespace guiyan::io
