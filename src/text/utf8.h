// UTF-8 decoding for the text library (internal): one code point at a time, ill-formed bytes
// reported instead of thrown.
#pragma once

#include <cstddef>
#include <string_view>

namespace guiyan::text::detail {

// What decode_utf8 returns for a byte that does not start a well-formed sequence.
inline constexpr char32_t kIllFormed = 0xFFFFFFFF;

// True for a UTF-8 continuation byte (10xxxxxx).
inline bool is_continuation(unsigned char b) {
  return (b & 0xC0) == 0x80;
}

// Decodes the code point that starts at text[pos] (pos < text.size()) and moves pos past it.
// Overlong forms, surrogates, values above U+10FFFF and truncated sequences give kIllFormed and
// move pos by one byte, so the caller always makes progress.
inline char32_t decode_utf8(std::string_view text, std::size_t& pos) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data()) + pos;
  const std::size_t left = text.size() - pos;
  const unsigned char b0 = s[0];
  if (b0 < 0x80) {
    pos += 1;
    return b0;
  }
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    if (left >= 2 && is_continuation(s[1])) {
      pos += 2;
      return static_cast<char32_t>(((b0 & 0x1F) << 6) | (s[1] & 0x3F));
    }
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    const unsigned char lo = b0 == 0xE0 ? 0xA0 : 0x80;  // no overlong forms
    const unsigned char hi = b0 == 0xED ? 0x9F : 0xBF;  // no surrogates
    if (left >= 3 && s[1] >= lo && s[1] <= hi && is_continuation(s[2])) {
      pos += 3;
      return static_cast<char32_t>(((b0 & 0x0F) << 12) | ((s[1] & 0x3F) << 6) | (s[2] & 0x3F));
    }
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    const unsigned char lo = b0 == 0xF0 ? 0x90 : 0x80;  // no overlong forms
    const unsigned char hi = b0 == 0xF4 ? 0x8F : 0xBF;  // nothing above U+10FFFF
    if (left >= 4 && s[1] >= lo && s[1] <= hi && is_continuation(s[2]) && is_continuation(s[3])) {
      pos += 4;
      return static_cast<char32_t>(((b0 & 0x07) << 18) | ((s[1] & 0x3F) << 12) |
                                   ((s[2] & 0x3F) << 6) | (s[3] & 0x3F));
    }
  }
  pos += 1;
  return kIllFormed;
}

}  // namespace guiyan::text::detail
