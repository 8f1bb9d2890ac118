#include "io/xlsx_sheet_parser.h"

#include <charconv>
#include <cstdlib>
#include <string>

#include "io/cell_text.h"
#include "io/xml_sax.h"

namespace guiyan::io {
namespace {

constexpr size_t kMaxColumns = 16384;  // Excel's XFD

// Splits "AB12" into a 0-based column (27) and a 1-based row (12); -1 where absent or malformed.
void parse_ref(std::string_view ref, long& col, long& row) {
  size_t i = 0;
  long c = 0;
  while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z' && c <= 16384) {
    c = c * 26 + (ref[i] - 'A' + 1);
    ++i;
  }
  col = i > 0 && c <= 16384 ? c - 1 : -1;
  long r = 0;
  auto [p, ec] = std::from_chars(ref.data() + i, ref.data() + ref.size(), r);
  row = ec == std::errc{} && p == ref.data() + ref.size() && r > 0 ? r : -1;
}

}  // namespace

struct XlsxSheetParser::Handler : SaxHandlerBase {
  const XlsxSharedStrings& strings;
  const XlsxDateStyles& styles;
  bool date1904;
  std::vector<SheetRow>* out = nullptr;

  // Attributes of the element being opened (they arrive before start_element).
  std::string attr_r, attr_s, attr_t;
  // Current row and cell.
  SheetRow row;
  size_t last_row = 0;
  long col = -1;
  std::string type;
  size_t xf = 0;
  std::string value, inline_text;
  bool in_cell = false, in_v = false, in_is = false, in_t = false;
  int in_phonetic = 0;

  Handler(const XlsxSharedStrings& s, const XlsxDateStyles& st, bool d1904)
      : strings(s), styles(st), date1904(d1904) {}

  void attribute(const orcus::sax::parser_attribute& a) {
    if (!a.ns.empty()) return;
    if (a.name == "r")
      attr_r = a.value;
    else if (a.name == "s")
      attr_s = a.value;
    else if (a.name == "t")
      attr_t = a.value;
  }

  void start_element(const orcus::sax::parser_element& e) {
    std::string_view n = e.name;
    if (n == "c") {
      start_cell();
    } else if (n == "row") {
      start_row();
    } else if (in_cell) {
      if (n == "v") {
        in_v = true;
      } else if (n == "is") {
        in_is = true;
      } else if (n == "t" && in_is) {
        in_t = true;
      } else if (n == "rPh") {
        ++in_phonetic;
      }
    }
    attr_r.clear();
    attr_s.clear();
    attr_t.clear();
  }

  void end_element(const orcus::sax::parser_element& e) {
    std::string_view n = e.name;
    if (n == "c") {
      end_cell();
    } else if (n == "row") {
      end_row();
    } else if (n == "v") {
      in_v = false;
    } else if (n == "is") {
      in_is = false;
    } else if (n == "t") {
      in_t = false;
    } else if (n == "rPh") {
      --in_phonetic;
    }
  }

  void characters(std::string_view s, bool) {
    if (in_v) {
      value.append(s);
    } else if (in_t && in_phonetic == 0) {
      inline_text.append(s);
    }
  }

  void start_row() {
    long r = -1;
    if (!attr_r.empty()) std::from_chars(attr_r.data(), attr_r.data() + attr_r.size(), r);
    row.number = r > 0 ? static_cast<size_t>(r) : last_row + 1;
    last_row = row.number;
    row.cells.clear();
    col = -1;
  }

  void start_cell() {
    long c = -1, r = -1;
    if (!attr_r.empty()) parse_ref(attr_r, c, r);
    col = c >= 0 ? c : col + 1;
    type = attr_t;
    xf = attr_s.empty() ? 0 : std::strtoul(attr_s.c_str(), nullptr, 10);
    value.clear();
    inline_text.clear();
    in_cell = true;
  }

  void end_cell() {
    in_cell = in_v = in_is = in_t = false;
    in_phonetic = 0;
    std::string text = cell_text();
    if (text.empty() || col < 0 || static_cast<size_t>(col) >= kMaxColumns) return;
    if (row.cells.size() <= static_cast<size_t>(col)) row.cells.resize(col + 1);
    row.cells[col] = std::move(text);
  }

  std::string cell_text() const {
    if (type == "s") {
      if (value.empty()) return "";
      size_t index = 0;
      auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), index);
      if (ec != std::errc{}) throw SheetError("文件不是有效的 xlsx 文件（共享字符串索引错误）");
      return std::string(strings.at(index));
    }
    if (type == "inlineStr") return decode_ooxml_escapes(inline_text);
    if (type == "str") return decode_ooxml_escapes(value);
    if (type == "b") return value.empty() ? "" : (value == "0" ? "FALSE" : "TRUE");
    if (type == "e") return value;
    if (type == "d") return iso_date_text(value);
    if (value.empty()) return "";
    double number = 0;
    auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), number);
    if (ec != std::errc{} || p != value.data() + value.size()) return value;
    if (styles.is_date(xf)) {
      std::string date = serial_date_text(number, date1904);
      if (!date.empty()) return date;
    }
    return number_text(number);
  }

  void end_row() {
    while (!row.cells.empty() && row.cells.back().empty()) row.cells.pop_back();
    if (!row.cells.empty()) out->push_back(std::move(row));
    row = SheetRow{};
  }
};

XlsxSheetParser::XlsxSheetParser(const XlsxSharedStrings& strings, const XlsxDateStyles& styles,
                                 bool date1904)
    : handler_(std::make_unique<Handler>(strings, styles, date1904)) {}

XlsxSheetParser::~XlsxSheetParser() = default;

void XlsxSheetParser::parse(std::string_view fragment, std::vector<SheetRow>& rows) {
  handler_->out = &rows;
  parse_xml(fragment, *handler_, "工作表");
  handler_->out = nullptr;
}

}  // namespace guiyan::io
