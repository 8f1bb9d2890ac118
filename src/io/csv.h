// Minimal RFC 4180 field splitting for one record that has no embedded line break.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace guiyan::io {

// Splits one CSV line into fields; quoted fields may hold commas and doubled quotes.
std::vector<std::string> split_csv_line(std::string_view line);

// Calls fn(fields, line_number) for each non-empty line of text (line numbers from 1).
template <typename Fn>
void for_each_csv_line(std::string_view text, Fn&& fn) {
  size_t line_no = 0;
  while (!text.empty()) {
    size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    fn(split_csv_line(line), line_no);
  }
}

}  // namespace guiyan::io
