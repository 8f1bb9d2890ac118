// UTF-8 validation and repair, and the display width of text, for the sheet readers and writers.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace guiyan::io {

// Length of the valid UTF-8 sequence at the start of `s` (1-4); 0 when it is invalid; -1 when
// `s` ends before the sequence does but what is there is a valid beginning.
int utf8_sequence_length(std::string_view s);

// True when all of `s` is well-formed UTF-8 (no overlongs, surrogates or values past U+10FFFF).
bool is_valid_utf8(std::string_view s);

// `s` with every invalid byte sequence replaced by U+FFFD; `s` itself when already valid.
std::string sanitize_utf8(std::string_view s);

// Appends the UTF-8 encoding of code point `cp` (U+FFFD for a surrogate or one past U+10FFFF).
void append_utf8(std::string& out, char32_t cp);

// Width of `s` in columns: 2 for East Asian wide and full-width characters, 1 for the others.
size_t display_width(std::string_view s);

}  // namespace guiyan::io
