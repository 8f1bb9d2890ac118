// Turns fragments of a worksheet's <sheetData> into SheetRows of text.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "io/sheet_reader.h"
#include "io/xlsx_shared_strings.h"
#include "io/xlsx_styles.h"

namespace guiyan::io {

class XlsxSheetParser {
 public:
  // Resolves strings through `strings` and dates through `styles` (both must outlive the parser).
  XlsxSheetParser(const XlsxSharedStrings& strings, const XlsxDateStyles& styles, bool date1904);
  ~XlsxSheetParser();

  // Parses one "<r>…</r>" fragment of whole <row> elements and appends its non-empty rows to
  // `rows`; throws SheetError on malformed XML or a bad string index.
  void parse(std::string_view fragment, std::vector<SheetRow>& rows);

 private:
  struct Handler;
  std::unique_ptr<Handler> handler_;
};

}  // namespace guiyan::io
