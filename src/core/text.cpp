#include "core/text.h"

#include "text/utf8.h"

namespace guiyan::core {

// Decodes UTF-8 and folds full-width forms (U+FF01-U+FF5E, U+3000) to ASCII; each malformed
// byte becomes U+FFFD, so re-encoding always yields valid UTF-8.
std::u32string decode_folded(std::string_view text) {
  std::u32string out;
  for (std::size_t i = 0; i < text.size();) {
    auto lead = static_cast<unsigned char>(text[i]);
    int extra = lead < 0x80   ? 0
                : lead < 0xC2 ? -1
                : lead < 0xE0 ? 1
                : lead < 0xF0 ? 2
                : lead < 0xF5 ? 3
                              : -1;
    bool ok = extra >= 0 && i + extra < text.size();
    char32_t cp = extra > 0 ? lead & (0x3F >> extra) : lead;
    for (int k = 1; ok && k <= extra; ++k) {
      auto next = static_cast<unsigned char>(text[i + k]);
      ok = (next & 0xC0) == 0x80;
      cp = (cp << 6) | (next & 0x3F);
    }
    static constexpr char32_t kMin[] = {0, 0x80, 0x800, 0x10000};
    ok = ok && cp >= kMin[extra] && cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF);
    if (!ok) cp = 0xFFFD;
    if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0;
    if (cp == 0x3000) cp = U' ';
    if (cp == 0x2028 || cp == 0x2029) cp = U'\n';
    if (cp < 0xAD || !is_invisible(cp)) out.push_back(cp);  // every cell's every character
    i += ok ? extra + 1 : 1;
  }
  return out;
}

// Encodes code points as UTF-8.
std::string encode_utf8(std::u32string_view text) {
  static constexpr unsigned kLead[] = {0, 0, 0xC0, 0xE0, 0xF0};
  std::string out;
  for (char32_t cp : text) {
    int n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    out += static_cast<char>(kLead[n] | (cp >> (6 * (n - 1))));
    for (int k = n - 2; k >= 0; --k) out += static_cast<char>(0x80 | ((cp >> (6 * k)) & 0x3F));
  }
  return out;
}

bool is_invisible(char32_t c) {
  if (c < 0x200C) return c == 0x00AD || c == 0x061C || c == 0x180E;
  if (c > 0x206F) return c >= 0xFFF9 && c <= 0xFFFB;  // Han and the rest: two comparisons
  return c <= 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2060 && c <= 0x2064) || c >= 0x2066;
}

std::string without_invisible(std::string_view text) {
  // Every invisible character is encoded from one of these lead bytes: most texts have none.
  if (text.find_first_of("\xC2\xD8\xE1\xE2\xEF") == std::string_view::npos) {
    return std::string(text);
  }
  std::string out;
  out.reserve(text.size());
  for (size_t pos = 0; pos < text.size();) {
    size_t start = pos;
    char32_t c = text::detail::decode_utf8(text, pos);
    if (c == text::detail::kIllFormed || !is_invisible(c)) out.append(text, start, pos - start);
  }
  return out;
}

bool is_control(char32_t c) {
  return (c < 0x20 && (c < U'\t' || c > U'\r')) || (c >= 0x7F && c <= 0x9F);
}

bool has_control(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80 && is_control(b)) return true;
    if (b == 0xC2 && i + 1 < text.size()) {  // C1 is C2 80 .. C2 9F
      auto next = static_cast<unsigned char>(text[i + 1]);
      if (next >= 0x80 && next <= 0x9F) return true;
    }
  }
  return false;
}

// True for ASCII whitespace, no-break space, zero-width space and the byte-order mark.
bool is_space(char32_t c) {
  return c == U' ' || (c >= U'\t' && c <= U'\r') || c == 0xA0 || c == 0x200B || c == 0xFEFF;
}

// `text` without leading and trailing spaces (see is_space).
std::u32string trim(std::u32string text) {
  std::size_t begin = 0, end = text.size();
  while (begin < end && is_space(text[begin])) ++begin;
  while (end > begin && is_space(text[end - 1])) --end;
  return text.substr(begin, end - begin);
}

// A character as a user message shows it: "空格", "控制字符" or the character in quotes.
std::string describe(char32_t c) {
  if (is_space(c)) return "空格";
  if (is_control(c)) return "控制字符";
  return "“" + encode_utf8(std::u32string(1, c)) + "”";
}

std::vector<std::string> split(std::string_view text, char separator) {
  std::vector<std::string> parts(1);
  for (char c : text) {
    if (c == separator) {
      parts.emplace_back();
    } else {
      parts.back() += c;
    }
  }
  return parts;
}

std::vector<std::string> split_items(std::string_view text, char separator) {
  std::vector<std::string> items;
  for (auto& part : split(text, separator)) {
    if (!part.empty()) items.push_back(std::move(part));
  }
  return items;
}

}  // namespace guiyan::core
