#include "core/industry.h"

namespace guiyan::core {

namespace {

// The section of each division 00–99 ('\0' for 00, 98 and 99), from the last division of each
// section, A to T, as the standard numbers them.
struct SectionTable {
  char of[100] = {};
  constexpr SectionTable() {
    const int last[] = {5,  12, 43, 46, 50, 52, 60, 62, 65, 69,
                        70, 72, 75, 79, 82, 83, 85, 90, 96, 97};
    int d = 1;
    for (int i = 0; i < 20; ++i) {
      for (; d <= last[i]; ++d) of[d] = static_cast<char>('A' + i);
    }
  }
};
constexpr SectionTable kSections;

}  // namespace

char industry_section_letter(std::string_view code) {
  if (code.size() == 1 && code[0] >= 'A' && code[0] <= 'T') return code[0];
  if (code.size() != 2 || code[0] < '0' || code[0] > '9' || code[1] < '0' || code[1] > '9') {
    return '\0';
  }
  return kSections.of[(code[0] - '0') * 10 + (code[1] - '0')];
}

std::string industry_section(std::string_view code) {
  char letter = industry_section_letter(code);
  return letter ? std::string(1, letter) : std::string();
}

}  // namespace guiyan::core
