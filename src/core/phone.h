// Mainland China phone number validation: mobile numbers and landlines with area codes.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace guiyan::core {

struct PhoneResult {
  bool valid = false;
  // When valid: the 11 mobile digits, or "0716-8514460" / "0716-8514460-123" for a landline.
  // Otherwise the input trimmed of surrounding whitespace with full-width characters folded. A
  // leading apostrophe (Excel's text mark) and a trailing ".0" (a number cell) are dropped.
  std::string normalized;
  // Empty when valid; otherwise "empty", "scientific" (Excel's "1.38123E+10": digits lost),
  // "character", "length", "prefix", "area_code" or "local_number".
  std::string reason_code;
  // Chinese message naming the problem; empty when valid.
  std::string reason;
  // The fields below are filled only when valid.
  std::string kind;          // "mobile" or "landline"
  std::string area_code;     // landline only, e.g. "0716"
  std::string local_number;  // landline only, 7 or 8 digits
  std::string extension;     // landline only, may be empty
  std::string city;          // landline with a Hubei area code only, e.g. "荆州"
};

// Validates a mobile number (optionally with +86, 0086 or 86) or a landline with area code.
PhoneResult check_phone(std::string_view input);

// The numbers of a cell holding several, as sheets write a second phone beside the first
// (13800001111/13900002222, 13800001111、0716-8123456, 13800001111或13900002222): each valid and
// normalised, in order. Empty unless the cell holds two or more numbers, each valid, separated by
// / 、 ， , ； ; or 或 (check_phone then says what is wrong with the cell).
std::vector<std::string> split_phones(std::string_view cell);

// A phone cell without the notes ledgers write in brackets beside a number —
// 13800001111（微信同号）, （父亲）13800001111, 13800001111(本人)/13900002222(妻子) — and those
// notes, in order, trimmed; `idle` holds the notes that add nothing to a record (微信同号, 本人,
// 手机 …), `kept` the others.
struct PhoneNotes {
  std::string cell;               // the cell itself when it has no notes
  std::vector<std::string> idle;  // nothing lost when dropped
  std::vector<std::string> kept;  // worth saying: whose number it is, 已停机 …
};

// Splits the bracketed notes off a phone cell (see PhoneNotes). Brackets ( ) and （ ）; a note
// holding a digit is no note (a number's own part), and the cell is then returned whole.
PhoneNotes strip_phone_notes(std::string_view cell);

// Hubei city (or cities) served by `area_code` such as "0716"; empty outside Hubei.
std::string_view hubei_city(std::string_view area_code);

}  // namespace guiyan::core
