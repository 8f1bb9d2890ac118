#include "io/html_table_reader.h"

#include <iterator>
#include <map>
#include <optional>
#include <vector>

#include "io/text_decoder.h"
#include "io/utf8.h"

namespace guiyan::io {
namespace {

// Spans beyond these are cut (a page cannot make a row of a million cells): Excel's own column
// limit, and HTML's row span limit.
constexpr size_t kMostPageColumns = 16384;
constexpr size_t kMostPageRowSpan = 65534;
// A "<" without a ">" within this many bytes is text, so a stray one cannot hold the file.
constexpr size_t kLongestTag = 1 << 20;

char page_lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string page_lowered(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = page_lower(c);
  return out;
}

bool is_page_blank(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

// True when `c` after a "<" makes it a tag, a closing tag, a comment or a declaration.
bool opens_tag(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '/' || c == '!' || c == '?';
}

// The text of `raw` with character references decoded (&amp; &nbsp; &#20013; &#x4E2D; …); an
// unknown one is kept as written, one past U+10FFFF is U+FFFD (as browsers read them).
std::string decode_page_entities(std::string_view raw) {
  static const std::map<std::string, char32_t, std::less<>> named = {
      {"amp", U'&'},    {"lt", U'<'},        {"gt", U'>'},        {"quot", U'"'},
      {"apos", U'\''},  {"nbsp", U'\u00A0'}, {"ensp", U'\u2002'}, {"emsp", U'\u2003'},
      {"middot", U'·'}, {"times", U'×'},     {"ldquo", U'“'},     {"rdquo", U'”'},
      {"lsquo", U'‘'},  {"rsquo", U'’'},     {"mdash", U'—'},     {"hellip", U'…'}};
  std::string out;
  for (size_t i = 0; i < raw.size();) {
    size_t semi = raw[i] == '&' ? raw.find(';', i) : std::string_view::npos;
    if (semi == std::string_view::npos || semi - i > 10) {
      out += raw[i++];
      continue;
    }
    std::string_view name = raw.substr(i + 1, semi - i - 1);
    char32_t cp = 0;
    if (name.size() > 1 && name[0] == '#') {
      bool hex = name[1] == 'x' || name[1] == 'X';
      std::string_view digits = name.substr(hex ? 2 : 1);
      bool ok = !digits.empty();
      for (char c : digits) {
        int d = c >= '0' && c <= '9'                                  ? c - '0'
                : hex && page_lower(c) >= 'a' && page_lower(c) <= 'f' ? page_lower(c) - 'a' + 10
                                                                      : -1;
        if (d < 0 || cp > 0x10FFFF) {
          ok = false;
          break;
        }
        cp = cp * (hex ? 16 : 10) + static_cast<char32_t>(d);
      }
      if (!ok || cp == 0) cp = 0;
    } else if (auto it = named.find(page_lowered(name)); it != named.end()) {
      cp = it->second;
    }
    if (cp == 0) {
      out += raw[i++];
      continue;
    }
    append_utf8(out, cp);
    i = semi + 1;
  }
  return out;
}

// A cell's line as a user reads it: blanks (no-break spaces included) run together, trimmed.
std::string collapse_page_blanks(std::string_view text) {
  std::string out;
  bool blank = false;
  for (size_t i = 0; i < text.size(); ++i) {
    bool nbsp = text.substr(i, 2) == "\xC2\xA0";
    if (is_page_blank(text[i]) || nbsp) {
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

// Where `marker` (lower case, its first character no letter) starts in `s` from `from`, letters
// compared in either case; npos when nowhere.
size_t find_marker(std::string_view s, size_t from, std::string_view marker) {
  for (size_t at = s.find(marker[0], from); at != std::string_view::npos;
       at = s.find(marker[0], at + 1)) {
    if (s.size() - at < marker.size()) return std::string_view::npos;
    bool same = true;
    for (size_t k = 1; k < marker.size() && same; ++k) same = page_lower(s[at + k]) == marker[k];
    if (same) return at;
  }
  return std::string_view::npos;
}

// A tag's name (lower case, "/" first for a closing tag) and the spans it gives.
struct Tag {
  std::string name;
  size_t colspan = 1, rowspan = 1;
};

// The value of attribute `name` in a tag's attribute text, or "".
std::string tag_attribute(std::string_view attrs, std::string_view name) {
  std::string low = page_lowered(attrs);
  for (size_t at = low.find(name); at != std::string::npos; at = low.find(name, at + 1)) {
    if (at > 0 && !is_page_blank(low[at - 1])) continue;
    size_t i = at + name.size();
    while (i < low.size() && is_page_blank(low[i])) ++i;
    if (i >= low.size() || low[i] != '=') continue;
    ++i;
    while (i < low.size() && is_page_blank(low[i])) ++i;
    if (i < low.size() && (low[i] == '"' || low[i] == '\'')) {
      size_t end = low.find(low[i], i + 1);
      return std::string(
          attrs.substr(i + 1, (end == std::string::npos ? low.size() : end) - i - 1));
    }
    size_t end = i;
    while (end < low.size() && !is_page_blank(low[end])) ++end;
    return std::string(attrs.substr(i, end - i));
  }
  return {};
}

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
  while (end < inside.size() && !is_page_blank(inside[end]) && inside[end] != '/') ++end;
  tag.name = (closing ? "/" : "") + page_lowered(inside.substr(i, end - i));
  if (!closing && (tag.name == "td" || tag.name == "th")) {
    tag.colspan = tag_span(inside.substr(end), "colspan", kMostPageColumns);
    tag.rowspan = tag_span(inside.substr(end), "rowspan", kMostPageRowSpan);
  }
  return tag;
}

// The rows of a page's tables, built from its text as it streams in.
class TableParser {
 public:
  explicit TableParser(const RowCallback& on_row) : on_row_(on_row) {}

  // Parses `text` (UTF-8, continuing what came before); false once on_row asked to stop.
  bool feed(std::string_view text) {
    carry_ += text;
    std::string_view s = carry_;
    size_t i = 0;
    while (i < s.size() && !stopped_) {
      if (skipping_.empty()) {
        size_t lt = s.find('<', i);
        if (in_cell_)
          lines_.back() += s.substr(i, (lt == std::string_view::npos ? s.size() : lt) - i);
        if (lt == std::string_view::npos) {
          i = s.size();
          break;
        }
        if (lt + 1 == s.size()) {
          i = lt;  // what follows comes in the next piece
          break;
        }
        if (!opens_tag(s[lt + 1])) {
          // "a < b": a "<" before anything but a name, "/", "!" or "?" is text, as browsers read
          // it.
          if (in_cell_) lines_.back() += '<';
          i = lt + 1;
          continue;
        }
        if (s.substr(lt, 4) == "<!--") {
          skipping_ = "-->";
          i = lt + 4;
          continue;
        }
        size_t gt = s.find('>', lt);
        if (gt == std::string_view::npos && s.size() - lt > kLongestTag) {
          // A tag that never ends: its "<" is text.
          if (in_cell_) lines_.back() += '<';
          i = lt + 1;
          continue;
        }
        if (gt == std::string_view::npos) {
          i = lt;  // the tag ends in the next piece
          break;
        }
        on_tag(parse_page_tag(s.substr(lt + 1, gt - lt - 1)));
        i = gt + 1;
      } else {
        // Inside a comment, a script or a style, until its end.
        size_t end = find_marker(s, i, skipping_);
        if (end == std::string_view::npos) {
          i = s.size() - std::min(s.size() - i, skipping_.size());
          break;
        }
        i = end + (skipping_ == "-->" ? 3 : 0);
        skipping_.clear();
      }
    }
    carry_.erase(0, i);
    return !stopped_;
  }

  // Ends the page: the row left open is given; throws when the page held no table row.
  void finish() {
    if (!stopped_) end_row();
    if (rows_seen_ == 0) {
      throw SheetError("文件是网页格式，但其中没有表格，请用 Excel 打开后另存为 .xlsx 再上传");
    }
  }

 private:
  void on_tag(const Tag& tag) {
    const std::string& n = tag.name;
    if (n == "script" || n == "style") {
      skipping_ = "</" + n;
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
      std::string clean = collapse_page_blanks(decode_page_entities(line));
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
    if (!cells_.empty() && !on_row_(SheetRow{number_, cells_})) stopped_ = true;
  }

  struct Span {
    std::string text;
    size_t rows_left;
  };

  const RowCallback& on_row_;
  std::string carry_;     // text not parsed yet (a tag cut at the end of a piece)
  std::string skipping_;  // the end of the comment, script or style being skipped
  bool in_row_ = false, in_cell_ = false, stopped_ = false;
  size_t number_ = 0, rows_seen_ = 0, col_ = 0, colspan_ = 1, rowspan_ = 1;
  std::vector<std::string> lines_;  // the open cell's raw text, one entry per line
  std::vector<std::string> cells_;
  std::map<size_t, Span> spans_;           // column → a cell spanning down into later rows
  std::map<size_t, std::string> covered_;  // column → the text spans fill in this row
};

// The encoding a page's <meta charset> names in its first bytes, or nullopt.
std::optional<TextEncoding> page_declared_encoding(std::string_view head) {
  std::string low = page_lowered(head);
  size_t at = low.find("charset=");
  if (at == std::string::npos) return std::nullopt;
  size_t i = at + std::string_view("charset=").size();
  while (i < low.size() && (low[i] == '"' || low[i] == '\'' || is_page_blank(low[i]))) ++i;
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
  while (!head.empty() && is_page_blank(head.front())) head.remove_prefix(1);
  if (!head.starts_with("<")) return false;
  std::string low = page_lowered(head);
  return low.find("<html") != std::string::npos || low.find("<table") != std::string::npos;
}

void read_html_table(const std::string& path, const RowCallback& on_row) {
  TableParser parser(on_row);
  bool whole = true;
  read_decoded(
      path,
      [&](std::string_view first) {
        auto declared = page_declared_encoding(first.substr(0, 4096));
        return declared ? *declared : detect_text_encoding(path);
      },
      [&](std::string_view text, bool) { return whole = parser.feed(text); });
  if (whole) parser.finish();
}

}  // namespace guiyan::io
