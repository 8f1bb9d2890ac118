// Text helpers shared by the identifier checks: UTF-8 decoding with full-width folding, trimming.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace guiyan::core {

// Decodes UTF-8 and folds full-width forms (U+FF01-U+FF5E, U+3000) to ASCII; each malformed
// byte becomes U+FFFD, so re-encoding always yields valid UTF-8. Invisible characters (see
// is_invisible) are left out and the line and paragraph separators U+2028/U+2029 become '\n'.
std::u32string decode_folded(std::string_view text);

// True for the format characters that show nothing and carry nothing in a ledger: the soft
// hyphen, zero-width (non-)joiners, word joiner, invisible operators and the direction marks,
// embeddings and isolates that phones and web pages wrap copied numbers in
// ("\u202A138 1234 5678\u202C"). The zero-width space and the byte-order mark are spaces instead.
bool is_invisible(char32_t c);

// UTF-8 `text` without its invisible characters (see is_invisible), otherwise as it is: no
// folding, no trimming (for free text such as an API's notes).
std::string without_invisible(std::string_view text);

// True for a control character: C0 other than the ASCII whitespace TAB..CR, DEL, or C1.
bool is_control(char32_t c);

// True when UTF-8 `text` holds a control character (see is_control).
bool has_control(std::string_view text);

// Encodes code points as UTF-8.
std::string encode_utf8(std::u32string_view text);

// True for ASCII whitespace, no-break space, zero-width space and the byte-order mark.
bool is_space(char32_t c);

// `text` without leading and trailing spaces (see is_space).
std::u32string trim(std::u32string text);

// A character as a user message shows it: "空格", "控制字符" or the character in quotes.
std::string describe(char32_t c);

// Splits text at every separator (n separators give n + 1 parts, empty ones included).
std::vector<std::string> split(std::string_view text, char separator);

// The non-empty parts of a stored list ("C,,39" → {"C", "39"}; "" → {}).
std::vector<std::string> split_items(std::string_view text, char separator);

}  // namespace guiyan::core
