// Which characters the search text keeps (internal), and which characters are Han.
#pragma once

namespace guiyan::text::detail {

// True for the CJK Unified Ideographs and Extension A blocks, the bulk of Chinese text.
inline bool is_common_han(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF);
}

// True when normalized text keeps `c`: a letter (L*), a decimal digit (Nd) or an ideograph.
bool is_kept(char32_t c);

}  // namespace guiyan::text::detail

namespace guiyan::text {

// True when `c` belongs to the Unicode script Han (ideographs of every extension, 〇, 々): the
// one test of "a Chinese character" (search text, personal names).
bool is_han(char32_t c);

}  // namespace guiyan::text
