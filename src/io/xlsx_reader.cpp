#include "io/xlsx_reader.h"

#include <vector>

#include "io/xlsx_merged_cells.h"
#include "io/xlsx_package.h"
#include "io/xlsx_shared_strings.h"
#include "io/xlsx_sheet_parser.h"
#include "io/xlsx_styles.h"
#include "io/xml_record_chunker.h"
#include "io/zip_reader.h"

namespace guiyan::io {

std::vector<std::string> xlsx_sheet_names(const std::string& path) {
  ZipReader zip(path);
  std::vector<std::string> names;
  for (const XlsxSheet& sheet : locate_xlsx_parts(zip).sheets) names.push_back(sheet.name);
  return names;
}

void read_xlsx(const std::string& path, const RowCallback& on_row, size_t index) {
  ZipReader zip(path);
  XlsxParts parts = locate_xlsx_parts(zip);
  if (index >= parts.sheets.size())
    throw SheetError("xlsx 文件中没有第" + std::to_string(index + 1) + "个工作表");
  XlsxDateStyles styles;
  if (!parts.styles.empty()) styles = XlsxDateStyles(zip.read(parts.styles));
  XlsxSharedStrings strings;
  if (!parts.shared_strings.empty()) strings = XlsxSharedStrings(zip, parts.shared_strings);

  // Merged cells are listed after the rows: read first, so that each row comes out filled.
  MergedCellFiller merged(read_merged_ranges(zip, parts.sheets[index].part));
  XlsxSheetParser parser(strings, styles, parts.date1904);
  XmlRecordChunker chunker("sheetData", "row");
  std::vector<SheetRow> rows;
  bool stopped = false;
  auto parse = [&](std::string_view doc) { parser.parse(doc, rows); };
  // Rows are handed to on_row outside the XML parser, so its exceptions are never mistaken for
  // parse errors.
  auto deliver = [&] {
    for (SheetRow& row : rows) {
      merged.fill(row);
      if (!on_row(row)) {
        stopped = true;
        break;
      }
    }
    rows.clear();
  };
  zip.stream(parts.sheets[index].part, [&](std::string_view bytes) {
    chunker.feed(bytes, parse);
    deliver();
    return !stopped && !chunker.done();
  });
  if (!stopped) chunker.finish();
}

}  // namespace guiyan::io
