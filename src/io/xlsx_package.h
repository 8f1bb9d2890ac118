// Finding the parts of an .xlsx package that the reader needs: the first worksheet, the shared
// strings, the styles, and the workbook's date system.
#pragma once

#include <string>

#include "io/zip_reader.h"

namespace guiyan::io {

struct XlsxParts {
  std::string sheet;           // zip entry of the first visible worksheet
  std::string shared_strings;  // zip entry of the shared string table; empty when none
  std::string styles;          // zip entry of the styles; empty when none
  bool date1904 = false;       // the workbook counts dates from 1904 (old Mac Excel)
};

// Reads the package relationships and the workbook of `zip`. The first worksheet is the first one
// in tab order that is not hidden (the first one at all when every sheet is hidden). Throws
// SheetError when the archive is not a workbook or has no worksheet.
XlsxParts locate_xlsx_parts(const ZipReader& zip);

}  // namespace guiyan::io
