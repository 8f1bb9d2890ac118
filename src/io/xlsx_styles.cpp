#include "io/xlsx_styles.h"

#include <charconv>
#include <string>
#include <unordered_map>

#include "io/cell_text.h"
#include "io/xml_sax.h"

namespace guiyan::io {
namespace {

size_t to_size(std::string_view s) {
  size_t v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

// Collects <numFmts><numFmt numFmtId formatCode/> and the numFmtId of each <cellXfs><xf/>.
struct StylesHandler : SaxHandlerBase {
  std::unordered_map<size_t, std::string> codes;
  std::vector<size_t> xf_formats;
  bool in_cell_xfs = false;
  int depth_in_xfs = 0;
  std::string num_fmt_id, format_code;
  void attribute(const orcus::sax::parser_attribute& a) {
    if (a.name == "numFmtId") num_fmt_id = a.value;
    if (a.name == "formatCode") format_code = a.value;
  }
  void start_element(const orcus::sax::parser_element& e) {
    if (in_cell_xfs) ++depth_in_xfs;
    if (e.name == "numFmt") codes[to_size(num_fmt_id)] = format_code;
    if (e.name == "cellXfs") {
      in_cell_xfs = true;
      depth_in_xfs = 0;
    }
    if (in_cell_xfs && depth_in_xfs == 1 && e.name == "xf")
      xf_formats.push_back(to_size(num_fmt_id));
    num_fmt_id.clear();
    format_code.clear();
  }
  void end_element(const orcus::sax::parser_element& e) {
    if (!in_cell_xfs) return;
    if (depth_in_xfs == 0 && e.name == "cellXfs") in_cell_xfs = false;
    --depth_in_xfs;
  }
};

}  // namespace

XlsxDateStyles::XlsxDateStyles(std::string_view styles_xml) {
  StylesHandler h;
  parse_xml(styles_xml, h, "styles.xml");
  date_.reserve(h.xf_formats.size());
  for (size_t id : h.xf_formats) {
    auto it = h.codes.find(id);
    date_.push_back(is_date_format(id, it == h.codes.end() ? std::string_view{} : it->second));
  }
}

}  // namespace guiyan::io
