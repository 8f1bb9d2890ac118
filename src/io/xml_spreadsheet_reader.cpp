#include "io/xml_spreadsheet_reader.h"

#include <charconv>
#include <optional>

#include "io/cell_text.h"
#include "io/markup.h"
#include "io/text_decoder.h"
#include "io/xlsx_merged_cells.h"

namespace guiyan::io {
namespace {

// Excel's own sheet size: an ss:Index or a span past it is cut there.
constexpr size_t kMostSheetColumns = 16384;
constexpr size_t kMostSheetRows = 1048576;

// A tag of the spreadsheet: its local name (the prefix dropped, XML's case kept), whether it
// closes or is empty ("<Cell/>"), and the attributes the reader needs by their local names
// (ss:Index or Index …), as written ("" when absent).
struct SheetTag {
  std::string_view name;
  bool closing = false, empty = false;
  std::string_view index, merge_across, merge_down, type, sheet_name;
};

// Reads the attributes of a tag from `attrs`, the text after its name, in one pass.
void read_sheet_attributes(std::string_view attrs, SheetTag& tag) {
  size_t i = 0;
  while (i < attrs.size()) {
    while (i < attrs.size() && (is_markup_blank(attrs[i]) || attrs[i] == '/')) ++i;
    size_t name_start = i;
    while (i < attrs.size() && attrs[i] != '=' && !is_markup_blank(attrs[i])) ++i;
    std::string_view name = attrs.substr(name_start, i - name_start);
    while (i < attrs.size() && is_markup_blank(attrs[i])) ++i;
    if (i >= attrs.size() || attrs[i] != '=') continue;
    ++i;
    while (i < attrs.size() && is_markup_blank(attrs[i])) ++i;
    if (i >= attrs.size() || (attrs[i] != '"' && attrs[i] != '\'')) continue;
    size_t end = attrs.find(attrs[i], i + 1);
    if (end == std::string_view::npos) end = attrs.size();
    std::string_view value = attrs.substr(i + 1, end - i - 1);
    i = end + 1;
    if (size_t colon = name.find(':'); colon != std::string_view::npos) {
      name.remove_prefix(colon + 1);
    }
    if (name == "Index")
      tag.index = value;
    else if (name == "MergeAcross")
      tag.merge_across = value;
    else if (name == "MergeDown")
      tag.merge_down = value;
    else if (name == "Type")
      tag.type = value;
    else if (name == "Name")
      tag.sheet_name = value;
  }
}

SheetTag split_sheet_tag(std::string_view inside) {
  SheetTag tag;
  size_t i = 0;
  if (!inside.empty() && inside[0] == '/') {
    tag.closing = true;
    i = 1;
  }
  size_t end = i;
  while (end < inside.size() && !is_markup_blank(inside[end]) && inside[end] != '/') ++end;
  std::string_view qualified = inside.substr(i, end - i);
  size_t colon = qualified.find(':');
  tag.name = colon == std::string_view::npos ? qualified : qualified.substr(colon + 1);
  tag.empty = !tag.closing && inside.ends_with('/');
  if (!tag.closing && end < inside.size()) read_sheet_attributes(inside.substr(end), tag);
  return tag;
}

// A count attribute's value (ss:Index, ss:MergeAcross …): its number, 0 when absent or
// unreadable, at most `most`.
size_t sheet_count(std::string_view value, size_t most) {
  size_t n = 0;
  auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
  if (ec != std::errc{} || p != value.data() + value.size()) return 0;
  return std::min(n, most);
}

// A cell's text from its <Data ss:Type="…"> and the raw text inside it.
std::string sheet_cell_text(std::string_view type, std::string_view raw) {
  std::string text = decode_character_references(raw);
  if (type == "Number") {
    double number = 0;
    auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (ec == std::errc{} && p == text.data() + text.size()) return number_text(number);
  } else if (type == "DateTime") {
    return iso_date_text(text);
  } else if (type == "Boolean") {
    if (text == "1") return "TRUE";
    if (text == "0") return "FALSE";
  }
  return text;
}

struct SheetEntry {
  std::string name;
  bool hidden = false;
};

// The worksheets of a workbook and the rows of one of them, from its text as it streams in.
class WorkbookParser : public MarkupScanner {
 public:
  // Reads the rows of the worksheet at `ordinal` (counting hidden ones) into on_row; with no
  // ordinal, only the worksheets' names and visibility.
  WorkbookParser(std::optional<size_t> ordinal, const RowCallback* on_row)
      : ordinal_(ordinal), on_row_(on_row) {}

  const std::vector<SheetEntry>& sheets() const { return sheets_; }

  // Ends the file: a row left open by a cut file is given.
  void finish() {
    if (!stopped()) end_row();
  }

 private:
  void on_text(std::string_view raw) override {
    if (in_data_ && comments_ == 0) data_ += raw;
    if (in_visible_) visible_ += raw;
  }

  void on_tag(std::string_view inside) override {
    if (inside.empty() || inside[0] == '?' || inside[0] == '!') return;
    SheetTag tag = split_sheet_tag(inside);
    std::string_view n = tag.name;
    if (n == "Worksheet") {
      if (!tag.closing) {
        sheets_.push_back({decode_character_references(tag.sheet_name), false});
        in_sheet_ = true;
        reading_ = ordinal_ && *ordinal_ == sheets_.size() - 1;
      }
      if (tag.closing || tag.empty) end_sheet();
      return;
    }
    if (!in_sheet_) return;
    if (n == "Visible") {
      if (!tag.closing) visible_.clear();
      in_visible_ = !tag.closing && !tag.empty;
      if (tag.closing && (visible_ == "SheetHidden" || visible_ == "SheetVeryHidden")) {
        sheets_.back().hidden = true;
      }
    } else if (n == "Table" && !tag.closing && !tag.empty && !reading_) {
      // Another sheet's rows are passed over unread.
      size_t name_end = inside.find_first_of(" \t\r\n/");
      skip_to("</" + markup_lowered(inside.substr(0, name_end)));
    } else if (!reading_) {
      return;
    } else if (n == "Row") {
      if (!tag.closing) start_row(tag);
      if (tag.closing || tag.empty) end_row();
    } else if (n == "Cell" && in_row_) {
      if (!tag.closing) start_cell(tag);
      if (tag.closing || tag.empty) end_cell();
    } else if (n == "Data" && in_cell_ && comments_ == 0) {
      if (!tag.closing) type_ = tag.type;
      in_data_ = !tag.closing && !tag.empty;
    } else if (n == "Comment" && in_cell_ && !tag.empty) {
      comments_ = tag.closing ? (comments_ > 0 ? comments_ - 1 : 0) : comments_ + 1;
    }
  }

  void end_sheet() {
    in_sheet_ = in_visible_ = false;
    if (!reading_) return;
    end_row();
    reading_ = false;
    stop();
  }

  void start_row(const SheetTag& tag) {
    end_row();
    size_t index = sheet_count(tag.index, kMostSheetRows);
    row_.number = index > 0 ? index : row_.number + 1;
    row_.cells.clear();
    next_col_ = 0;
    in_row_ = true;
  }

  void start_cell(const SheetTag& tag) {
    size_t index = sheet_count(tag.index, kMostSheetColumns);
    col_ = index > 0 ? index - 1 : next_col_;
    across_ = sheet_count(tag.merge_across, kMostSheetColumns);
    down_ = sheet_count(tag.merge_down, kMostSheetRows);
    type_.clear();
    data_.clear();
    comments_ = 0;
    in_cell_ = true;
  }

  void end_cell() {
    if (!in_cell_) return;
    in_cell_ = in_data_ = false;
    next_col_ = col_ + across_ + 1;
    if (col_ >= kMostSheetColumns) return;
    std::string text = sheet_cell_text(type_, data_);
    if (text.empty()) return;
    if (row_.cells.size() <= col_) row_.cells.resize(col_ + 1);
    row_.cells[col_] = std::move(text);
    if (across_ > 0 || down_ > 0) {
      filler_.add({row_.number, row_.number + down_, col_,
                   std::min(col_ + across_, kMostSheetColumns - 1)});
    }
  }

  void end_row() {
    end_cell();
    if (!in_row_) return;
    in_row_ = false;
    filler_.fill(row_);
    while (!row_.cells.empty() && row_.cells.back().empty()) row_.cells.pop_back();
    if (!row_.cells.empty() && !(*on_row_)(row_)) stop();
  }

  std::optional<size_t> ordinal_;
  const RowCallback* on_row_;
  std::vector<SheetEntry> sheets_;
  bool in_sheet_ = false, reading_ = false, in_visible_ = false;
  bool in_row_ = false, in_cell_ = false, in_data_ = false;
  size_t comments_ = 0;  // depth of a cell's <Comment>, whose text is not the cell's
  size_t col_ = 0, next_col_ = 0, across_ = 0, down_ = 0;
  std::string type_, data_, visible_;
  SheetRow row_;
  MergedCellFiller filler_;
};

// The encoding the XML declaration at the start of `head` gives, or nullopt when there is none or
// it names another.
std::optional<TextEncoding> declared_xml_encoding(std::string_view head) {
  if (head.starts_with("\xEF\xBB\xBF")) return TextEncoding::utf8;
  if (!head.starts_with("<?xml")) return std::nullopt;
  std::string name = markup_lowered(tag_attribute(head.substr(5, head.find("?>") - 5), "encoding"));
  // XML without an encoding is UTF-8 (Excel writes `<?xml version="1.0"?>`).
  if (name.empty() || name == "utf-8" || name == "utf8") return TextEncoding::utf8;
  if (name == "gb2312" || name == "gbk" || name == "gb18030") return TextEncoding::gb18030;
  return std::nullopt;
}

// Parses the workbook at `path` with `parser`.
void parse_workbook(const std::string& path, WorkbookParser& parser) {
  if (scan_markup_file(path, parser, [](std::string_view first) {
        return declared_xml_encoding(first.substr(0, 1024));
      })) {
    parser.finish();
  }
}

// The worksheets of the workbook at `path`; throws SheetError when it has none.
std::vector<SheetEntry> workbook_sheets(const std::string& path) {
  WorkbookParser parser(std::nullopt, nullptr);
  parse_workbook(path, parser);
  if (parser.sheets().empty()) {
    throw SheetError("文件是 XML 电子表格，但其中没有工作表，请用 Excel 打开后另存为 .xlsx 再上传");
  }
  return parser.sheets();
}

}  // namespace

bool looks_like_xml_spreadsheet(std::string_view head) {
  if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
  // Past the prolog: blanks, the declaration, processing instructions, comments, a doctype.
  for (;;) {
    while (!head.empty() && is_markup_blank(head.front())) head.remove_prefix(1);
    std::string_view end = head.starts_with("<?")     ? "?>"
                           : head.starts_with("<!--") ? "-->"
                           : head.starts_with("<!")   ? ">"
                                                      : "";
    if (end.empty()) break;
    size_t at = head.find(end);
    if (at == std::string_view::npos) return false;
    head.remove_prefix(at + end.size());
  }
  if (!head.starts_with("<")) return false;
  size_t name_end = head.find_first_of(" \t\r\n/>");
  if (name_end == std::string_view::npos) return false;
  std::string_view name = head.substr(1, name_end - 1);
  return name == "Workbook" || (name.ends_with(":Workbook") && name.find(':') + 9 == name.size());
}

std::vector<std::string> xml_spreadsheet_names(const std::string& path) {
  std::vector<std::string> names;
  for (const SheetEntry& sheet : workbook_sheets(path)) {
    if (!sheet.hidden) names.push_back(sheet.name);
  }
  return names;
}

void read_xml_spreadsheet(const std::string& path, const RowCallback& on_row, size_t index) {
  std::vector<SheetEntry> sheets = workbook_sheets(path);
  size_t shown = 0;
  for (size_t ordinal = 0; ordinal < sheets.size(); ++ordinal) {
    if (sheets[ordinal].hidden || shown++ != index) continue;
    WorkbookParser parser(ordinal, &on_row);
    parse_workbook(path, parser);
    return;
  }
  throw SheetError("XML 电子表格中没有第" + std::to_string(index + 1) + "个工作表");
}

}  // namespace guiyan::io
