// How numeric cell values of an xlsx sheet become text: plain numbers and Excel date serials.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace guiyan::io {

// A number as text without exponent: integral values as integers (beyond 2^53 as Excel shows
// them, 15 significant digits then zeros, so an ID number typed as a number reads
// "421022199001011000" as in Excel), others rounded to at most 10 decimals and 15 significant
// digits with trailing zeros removed.
std::string number_text(double value);

// An Excel date serial as "YYYY-MM-DD", "YYYY-MM-DD HH:MM" when it has a time of day, or "HH:MM"
// when below 1 (a time alone); `date1904` selects the 1904 date system. Empty when out of the
// range Excel can show (negative or past 9999-12-31).
std::string serial_date_text(double serial, bool date1904);

// An ISO 8601 date and time ("2024-03-05T14:30:00", as an xlsx t="d" cell or an XML spreadsheet's
// DateTime holds it) as serial_date_text shows it: "2024-03-05 14:30", "2024-03-05" at midnight,
// "14:30" on 1899-12-31 (a time alone); other text as it is.
std::string iso_date_text(std::string_view v);

// True when a number format shows dates or times: built-in ids 14-22 and 45-47, the Chinese
// built-ins 27-36 and 50-58, or a format code with y, m, d, h or s outside quotes and brackets.
// `code` is the format's code when the file defines one (empty otherwise).
bool is_date_format(size_t format_id, std::string_view code);

}  // namespace guiyan::io
