#include "io/xml_sax.h"

#include "io/utf8.h"

namespace guiyan::io {

std::string decode_ooxml_escapes(std::string_view text) {
  if (text.find("_x") == std::string_view::npos) return std::string(text);
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    if (i + 7 <= text.size() && text[i] == '_' && text[i + 1] == 'x' && text[i + 6] == '_') {
      int a = hex(text[i + 2]), b = hex(text[i + 3]), c = hex(text[i + 4]), d = hex(text[i + 5]);
      if (a >= 0 && b >= 0 && c >= 0 && d >= 0) {
        append_utf8(out, static_cast<char32_t>((a << 12) | (b << 8) | (c << 4) | d));
        i += 7;
        continue;
      }
    }
    out.push_back(text[i++]);
  }
  return out;
}

}  // namespace guiyan::io
