// The shared string table of an .xlsx, kept compactly: one text pool plus offsets.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "io/zip_reader.h"

namespace guiyan::io {

class XlsxSharedStrings {
 public:
  // An empty table (the workbook has none).
  XlsxSharedStrings() = default;
  // Streams `part` of `zip` (rich text concatenated, phonetic runs left out); throws SheetError
  // when the part is corrupt.
  XlsxSharedStrings(const ZipReader& zip, const std::string& part);

  // Number of strings.
  size_t size() const { return offsets_.size() - 1; }
  // String `index`; throws SheetError when out of range (a corrupt file).
  std::string_view at(size_t index) const;

  // Appends one string (used while loading).
  void add(std::string_view text);

 private:
  std::string pool_;
  std::vector<uint64_t> offsets_{0};
};

}  // namespace guiyan::io
