#include "core/excel_number.h"

namespace guiyan::core {
namespace {

bool is_ascii_digit(char32_t c) {
  return c >= U'0' && c <= U'9';
}

}  // namespace

std::u32string without_excel_marks(std::u32string text, bool decimal_zero) {
  if (!text.empty() && (text[0] == U'\'' || text[0] == U'\u2018' || text[0] == U'\u2019')) {
    text.erase(0, 1);
  }
  if (decimal_zero) {
    auto dot = text.find(U'.');
    bool digits = dot != std::u32string::npos && dot > 0;
    for (size_t i = 0; digits && i < dot; ++i) digits = is_ascii_digit(text[i]);
    for (size_t i = dot + 1; digits && i < text.size(); ++i) digits = text[i] == U'0';
    if (digits && dot + 1 < text.size()) text.erase(dot);
  }
  return text;
}

bool is_scientific_notation(const std::u32string& text) {
  // digit [. digits] (E|e) [+] digits
  size_t i = 0;
  if (i >= text.size() || !is_ascii_digit(text[i++])) return false;
  if (i < text.size() && text[i] == U'.') {
    ++i;
    size_t start = i;
    while (i < text.size() && is_ascii_digit(text[i])) ++i;
    if (i == start) return false;
  }
  if (i >= text.size() || (text[i] != U'E' && text[i] != U'e')) return false;
  ++i;
  if (i < text.size() && text[i] == U'+') ++i;
  size_t start = i;
  while (i < text.size() && is_ascii_digit(text[i])) ++i;
  return i > start && i == text.size();
}

}  // namespace guiyan::core
