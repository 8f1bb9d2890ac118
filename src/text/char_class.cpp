// Character classes through ICU's property tables, with shortcuts for ASCII and common Han.
#include "text/char_class.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

namespace guiyan::text::detail {

bool is_kept(char32_t c) {
  if (c < 0x80) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
  if (is_common_han(c)) return true;
  if (c > 0x10FFFF) return false;
  const auto u = static_cast<UChar32>(c);
  switch (u_charType(u)) {
    case U_UPPERCASE_LETTER:
    case U_LOWERCASE_LETTER:
    case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER:
    case U_DECIMAL_DIGIT_NUMBER:
      return true;
    default:
      return u_hasBinaryProperty(u, UCHAR_IDEOGRAPHIC);
  }
}

}  // namespace guiyan::text::detail

namespace guiyan::text {

bool is_han(char32_t c) {
  if (c < 0x80) return false;
  if (detail::is_common_han(c)) return true;
  if (c > 0x10FFFF) return false;
  UErrorCode status = U_ZERO_ERROR;
  return uscript_getScript(static_cast<UChar32>(c), &status) == USCRIPT_HAN && U_SUCCESS(status);
}

}  // namespace guiyan::text
