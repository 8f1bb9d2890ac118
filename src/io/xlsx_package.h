// Finding the parts of an .xlsx package that the reader needs: the worksheets, the shared
// strings, the styles, and the workbook's date system.
#pragma once

#include <string>
#include <vector>

#include "io/zip_reader.h"

namespace guiyan::io {

// One worksheet: its name on the tab and its zip entry.
struct XlsxSheet {
  std::string name;
  std::string part;
};

struct XlsxParts {
  // The visible worksheets in tab order (the first one at all when every sheet is hidden);
  // never empty.
  std::vector<XlsxSheet> sheets;
  std::string shared_strings;  // zip entry of the shared string table; empty when none
  std::string styles;          // zip entry of the styles; empty when none
  bool date1904 = false;       // the workbook counts dates from 1904 (old Mac Excel)
};

// Reads the package relationships and the workbook of `zip`. Throws SheetError when the archive
// is not a workbook or has no worksheet.
XlsxParts locate_xlsx_parts(const ZipReader& zip);

}  // namespace guiyan::io
