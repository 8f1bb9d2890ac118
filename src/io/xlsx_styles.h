// Which cell formats (xf indexes) of an .xlsx show their number as a date or time.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace guiyan::io {

class XlsxDateStyles {
 public:
  // No styles part: no cell shows a date.
  XlsxDateStyles() = default;
  // Reads styles.xml text (numFmts and cellXfs); throws SheetError when it is not XML.
  explicit XlsxDateStyles(std::string_view styles_xml);

  // True when cell format `xf_index` (the cell's s attribute) has a date or time number format.
  bool is_date(size_t xf_index) const { return xf_index < date_.size() && date_[xf_index]; }

 private:
  std::vector<bool> date_;
};

}  // namespace guiyan::io
