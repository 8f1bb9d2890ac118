#include "io/html_table_reader.h"

#include <iterator>
#include <map>
#include <optional>
#include <vector>

#include "io/markup.h"
#include "io/text_decoder.h"

namespace guiyan::io {
namespace {

// Spans beyond these are cut (a page cannot make a row of a million cells): Excel's own column
// limit, and HTML's row span limit.
constexpr size_t kMostPageColumns = 16384;
constexpr size_t kMostPageRowSpan = 65534;

// A cell's line as a user reads it: blanks (no-break spaces included) run together, trimmed.
std::string collapse_page_blanks(std::string_view text) {
  std::string out;
  bool blank = false;
  for (size_t i = 0; i < text.size(); ++i) {
    bool nbsp = text.substr(i, 2) == "\xC2\xA0";
    if (is_markup_blank(text[i]) || nbsp) {
      blank = true;
      i += nbsp ? 1 : 0;
      continue;
    }
    if (blank && !out.empty()) out += ' ';
    blank = false;
    out += text[i];
  }
  return out;
}

// A tag's name (lower case, "/" first for a closing tag) and the spans it gives.
struct Tag {
  std::string name;
  size_t colspan = 1, rowspan = 1;
};

// A span attribute's count, 1 when absent or unreadable, at most `most`.
size_t tag_span(std::string_view attrs, std::string_view name, size_t most) {
  std::string v = tag_attribute(attrs, name);
  size_t n = 0;
  for (char c : v) {
    if (c < '0' || c > '9') break;
    n = std::min(most, n * 10 + static_cast<size_t>(c - '0'));
  }
  return n == 0 ? 1 : n;
}

Tag parse_page_tag(std::string_view inside) {
  Tag tag;
  size_t i = 0;
  bool closing = !inside.empty() && inside[0] == '/';
  if (closing) ++i;
  size_t end = i;
  while (end < inside.size() && !is_markup_blank(inside[end]) && inside[end] != '/') ++end;
  tag.name = (closing ? "/" : "") + markup_lowered(inside.substr(i, end - i));
  if (!closing && (tag.name == "td" || tag.name == "th")) {
    tag.colspan = tag_span(inside.substr(end), "colspan", kMostPageColumns);
    tag.rowspan = tag_span(inside.substr(end), "rowspan", kMostPageRowSpan);
  }
  return tag;
}

// The rows of a page's tables, built from its text as it streams in.
class TableParser : public MarkupScanner {
 public:
  explicit TableParser(const RowCallback& on_row) : on_row_(on_row) {}

  // Ends the page: the row left open is given; throws when the page held no table row.
  void finish() {
    if (!stopped()) end_row();
    if (rows_seen_ == 0) {
      throw SheetError("文件是网页格式，但其中没有表格，请用 Excel 打开后另存为 .xlsx 再上传");
    }
  }

 private:
  void on_text(std::string_view raw) override {
    if (in_cell_) lines_.back() += raw;
  }

  void on_tag(std::string_view inside) override {
    Tag tag = parse_page_tag(inside);
    const std::string& n = tag.name;
    if (n == "script" || n == "style") {
      skip_to("</" + n);
    } else if (n == "tr") {
      end_row();
      start_row();
    } else if (n == "td" || n == "th") {
      if (!in_row_) start_row();
      end_cell();
      in_cell_ = true;
      lines_.assign(1, "");
      colspan_ = tag.colspan;
      rowspan_ = tag.rowspan;
    } else if (n == "/td" || n == "/th") {
      end_cell();
    } else if (n == "/tr" || n == "/table" || n == "table") {
      end_row();
    } else if (in_cell_ && (n == "br" || n == "/p" || n == "/div" || n == "/li")) {
      lines_.emplace_back();
    }
  }

  void start_row() {
    in_row_ = true;
    ++number_;
    ++rows_seen_;
    cells_.clear();
    col_ = 0;
    // The cells that spans from the rows above cover in this one, taken once.
    covered_.clear();
    for (auto it = spans_.begin(); it != spans_.end();) {
      covered_[it->first] = it->second.text;
      it = --it->second.rows_left == 0 ? spans_.erase(it) : std::next(it);
    }
  }

  // Moves past the columns covered from above, filling them.
  void skip_covered() {
    for (auto it = covered_.find(col_); it != covered_.end(); it = covered_.find(++col_)) {
      put(col_, it->second);
    }
  }

  void put(size_t col, const std::string& text) {
    if (col >= kMostPageColumns) return;
    if (cells_.size() <= col) cells_.resize(col + 1);
    cells_[col] = text;
  }

  void end_cell() {
    if (!in_cell_) return;
    in_cell_ = false;
    std::string text;
    for (const auto& line : lines_) {
      std::string clean = collapse_page_blanks(decode_character_references(line));
      if (clean.empty()) continue;
      text += (text.empty() ? "" : "\n") + clean;
    }
    skip_covered();
    for (size_t k = 0; k < colspan_ && col_ < kMostPageColumns; ++k) {
      put(col_, text);
      if (rowspan_ > 1) spans_[col_] = Span{text, rowspan_ - 1};
      ++col_;
      skip_covered();
    }
  }

  void end_row() {
    if (!in_row_) return;
    end_cell();
    for (auto it = covered_.lower_bound(col_); it != covered_.end(); ++it)
      put(it->first, it->second);
    in_row_ = false;
    while (!cells_.empty() && cells_.back().empty()) cells_.pop_back();
    if (!cells_.empty() && !on_row_(SheetRow{number_, cells_})) stop();
  }

  struct Span {
    std::string text;
    size_t rows_left;
  };

  const RowCallback& on_row_;
  bool in_row_ = false, in_cell_ = false;
  size_t number_ = 0, rows_seen_ = 0, col_ = 0, colspan_ = 1, rowspan_ = 1;
  std::vector<std::string> lines_;  // the open cell's raw text, one entry per line
  std::vector<std::string> cells_;
  std::map<size_t, Span> spans_;           // column → a cell spanning down into later rows
  std::map<size_t, std::string> covered_;  // column → the text spans fill in this row
};

// The encoding a page's <meta charset> names in its first bytes, or nullopt.
std::optional<TextEncoding> page_declared_encoding(std::string_view head) {
  std::string low = markup_lowered(head);
  size_t at = low.find("charset=");
  if (at == std::string::npos) return std::nullopt;
  size_t i = at + std::string_view("charset=").size();
  while (i < low.size() && (low[i] == '"' || low[i] == '\'' || is_markup_blank(low[i]))) ++i;
  std::string_view name = std::string_view(low).substr(i);
  if (name.starts_with("utf-8") || name.starts_with("utf8")) return TextEncoding::utf8;
  if (name.starts_with("gb2312") || name.starts_with("gbk") || name.starts_with("gb18030")) {
    return TextEncoding::gb18030;
  }
  return std::nullopt;
}

}  // namespace

bool looks_like_html_table(std::string_view head) {
  if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
  while (!head.empty() && is_markup_blank(head.front())) head.remove_prefix(1);
  if (!head.starts_with("<")) return false;
  std::string low = markup_lowered(head);
  return low.find("<html") != std::string::npos || low.find("<table") != std::string::npos;
}

void read_html_table(const std::string& path, const RowCallback& on_row) {
  TableParser parser(on_row);
  if (scan_markup_file(path, parser, [](std::string_view first) {
        return page_declared_encoding(first.substr(0, 4096));
      })) {
    parser.finish();
  }
}

}  // namespace guiyan::io
