#include "io/xlsx_merged_cells.h"

#include <algorithm>

namespace guiyan::io {

bool parse_range(std::string_view ref, MergedRange& out) {
  auto cell = [](std::string_view s, size_t& row, size_t& col) {
    size_t i = 0;
    col = 0;
    while (i < s.size() && s[i] == '$') ++i;
    size_t letters = i;
    while (i < s.size() && s[i] >= 'A' && s[i] <= 'Z') col = col * 26 + (s[i++] - 'A' + 1);
    if (i == letters || i - letters > 3) return false;
    while (i < s.size() && s[i] == '$') ++i;
    size_t digits = i;
    row = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9' && i - digits < 8)
      row = row * 10 + (s[i++] - '0');
    if (i == digits || i != s.size() || row == 0) return false;
    --col;
    return true;
  };
  size_t colon = ref.find(':');
  if (colon == std::string_view::npos) return false;
  if (!cell(ref.substr(0, colon), out.first_row, out.first_col) ||
      !cell(ref.substr(colon + 1), out.last_row, out.last_col)) {
    return false;
  }
  if (out.first_row > out.last_row) std::swap(out.first_row, out.last_row);
  if (out.first_col > out.last_col) std::swap(out.first_col, out.last_col);
  return true;
}

void MergedRangeScanner::feed(std::string_view bytes) {
  const std::string_view tag = "mergeCell";
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  std::string& buf = buf_;
  std::vector<MergedRange>& out = ranges_;
  {
    buf.append(bytes);
    size_t processed = 0;            // bytes of whole elements read
    size_t cut = std::string::npos;  // where an element the next bytes complete begins
    for (size_t at = buf.find(tag); at != std::string::npos; at = buf.find(tag, at + 1)) {
      size_t after = at + tag.size();
      size_t close = after < buf.size() ? buf.find('>', after) : std::string::npos;
      if (close == std::string::npos) {
        cut = at > 0 ? at - 1 : 0;  // from the '<' or ':' before it
        break;
      }
      // <mergeCell …/> (or <x:mergeCell …/>), not <mergeCells> nor the word in a text.
      if (at == 0 || (buf[at - 1] != '<' && buf[at - 1] != ':') || !space(buf[after])) continue;
      size_t ref = buf.find("ref=", after);
      if (ref != std::string::npos && ref + 5 < close) {
        size_t end = buf.find(buf[ref + 4], ref + 5);
        MergedRange r;
        if (end != std::string::npos && end < close &&
            parse_range(std::string_view(buf).substr(ref + 5, end - ref - 5), r) &&
            (r.first_row != r.last_row || r.first_col != r.last_col)) {
          out.push_back(r);
        }
      }
      processed = close + 1;
      at = close;
    }
    // Keep what may begin a tag the next bytes end: an open element, or a tag cut in two.
    size_t keep = cut != std::string::npos      ? cut
                  : buf.size() > tag.size() + 1 ? buf.size() - tag.size() - 1
                                                : 0;
    buf.erase(0, std::max(processed, keep));
  }
}

std::vector<MergedRange> read_merged_ranges(const ZipReader& zip, const std::string& part) {
  MergedRangeScanner scanner;
  zip.stream(part, [&](std::string_view bytes) {
    scanner.feed(bytes);
    return true;
  });
  return scanner.ranges();
}

MergedCellFiller::MergedCellFiller(std::vector<MergedRange> ranges) : ranges_(std::move(ranges)) {
  std::sort(ranges_.begin(), ranges_.end(),
            [](const MergedRange& a, const MergedRange& b) { return a.first_row < b.first_row; });
}

void MergedCellFiller::add(const MergedRange& range) {
  auto by_first_row = [](const MergedRange& a, const MergedRange& b) {
    return a.first_row < b.first_row;
  };
  if (next_ > 1024 && next_ * 2 > ranges_.size()) {  // the ranges begun are in active_
    ranges_.erase(ranges_.begin(), ranges_.begin() + static_cast<std::ptrdiff_t>(next_));
    next_ = 0;
  }
  ranges_.insert(std::upper_bound(ranges_.begin() + static_cast<std::ptrdiff_t>(next_),
                                  ranges_.end(), range, by_first_row),
                 range);
}

void MergedCellFiller::fill(SheetRow& row) {
  std::erase_if(active_, [&](const Active& a) { return a.range.last_row < row.number; });
  // Ranges whose top row was skipped (an empty row) start empty.
  while (next_ < ranges_.size() && ranges_[next_].first_row <= row.number) {
    const MergedRange& r = ranges_[next_++];
    if (r.last_row < row.number) continue;
    std::string value;
    if (r.first_row == row.number && r.first_col < row.cells.size()) value = row.cells[r.first_col];
    active_.push_back({r, value});
  }
  for (const Active& a : active_) {
    if (a.value.empty()) continue;
    for (size_t c = a.range.first_col; c <= a.range.last_col; ++c) {
      if (c >= row.cells.size()) row.cells.resize(c + 1);
      if (row.cells[c].empty()) row.cells[c] = a.value;
    }
  }
}

}  // namespace guiyan::io
