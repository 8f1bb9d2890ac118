// An RFC 4180 CSV parser fed text piece by piece, so that records may span line breaks and
// pieces may end anywhere.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "io/sheet_reader.h"

namespace guiyan::io {

class CsvParser {
 public:
  // `separator` is ',' or '\t'.
  explicit CsvParser(char separator);

  // Parses the next piece of UTF-8 text, calling on_row for each complete non-empty record
  // (number = record index from 1, empty records counted but not reported). Returns false as soon
  // as on_row does (the parser must not be fed again). Throws SheetError "CSV 第N行引号不匹配"
  // when a closing quote is followed by anything but a separator, a line end or spaces.
  bool feed(std::string_view text, const RowCallback& on_row);

  // Ends the input, reporting a last record that has no line end. Throws SheetError when a
  // quoted field is still open.
  bool finish(const RowCallback& on_row);

 private:
  enum class State { field_start, unquoted, quoted, quoted_cr, after_quote };
  void end_field();
  bool end_record(const RowCallback& on_row);
  [[noreturn]] void quote_error() const;

  char sep_;
  State state_ = State::field_start;
  bool skip_lf_ = false;      // a CR ended the last record; a following LF belongs to it
  bool has_content_ = false;  // the current record has begun
  size_t record_bytes_ = 0;
  std::string field_;
  SheetRow row_;
};

}  // namespace guiyan::io
