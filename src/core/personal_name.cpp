#include "core/personal_name.h"

#include "core/text.h"
#include "text/char_class.h"

namespace guiyan::core {
namespace {

constexpr char32_t kNameDot = 0x00B7;

// The marks ledgers put between the parts of a name where the ID card has "·".
bool is_dot_variant(char32_t c) {
  switch (c) {
    case 0x00B7:  // · middle dot (the ID card's)
    case 0x2022:  // • bullet
    case 0x2027:  // ‧ hyphenation point
    case 0x2219:  // ∙ bullet operator
    case 0x22C5:  // ⋅ dot operator
    case 0x30FB:  // ・ katakana middle dot (Japanese input methods)
    case 0xFF65:  // ･ half-width katakana middle dot
    case 0x0387:  // · Greek ano teleia
    case U'.':    // also the folded full-width "．"
      return true;
    default:
      return false;
  }
}

}  // namespace

std::string normalize_personal_name(std::string_view name) {
  std::u32string s = trim(decode_folded(name));
  // First the dots, so that "阿依古丽 • 买买提" sees Han characters around its spaces' run.
  std::u32string dotted;
  for (size_t i = 0; i < s.size(); ++i) {
    if (!is_dot_variant(s[i])) {
      dotted.push_back(s[i]);
      continue;
    }
    size_t before = i, after = i + 1;
    while (before > 0 && is_space(s[before - 1])) --before;
    while (after < s.size() && is_space(s[after])) ++after;
    bool between_han = before > 0 && after < s.size() && guiyan::text::is_han(s[before - 1]) &&
                       guiyan::text::is_han(s[after]);
    dotted.push_back(between_han ? kNameDot : s[i]);
  }
  std::u32string out;
  for (size_t i = 0; i < dotted.size();) {
    if (!is_space(dotted[i])) {
      out.push_back(dotted[i++]);
      continue;
    }
    size_t end = i;
    while (end < dotted.size() && is_space(dotted[end])) ++end;
    auto joins = [](char32_t c) { return guiyan::text::is_han(c) || c == kNameDot; };
    bool inside_chinese =
        !out.empty() && end < dotted.size() && joins(out.back()) && joins(dotted[end]);
    if (!inside_chinese) out.push_back(U' ');
    i = end;
  }
  return encode_utf8(out);
}

}  // namespace guiyan::core
