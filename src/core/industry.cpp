#include "core/industry.h"

namespace guiyan::core {

std::string industry_section(std::string_view code) {
  if (code.size() == 1 && code[0] >= 'A' && code[0] <= 'T') return std::string(code);
  if (code.size() != 2 || code[0] < '0' || code[0] > '9' || code[1] < '0' || code[1] > '9') {
    return {};
  }
  int d = (code[0] - '0') * 10 + (code[1] - '0');
  // The last division of each section, A to T, as the standard numbers them.
  static const int kLast[] = {5,  12, 43, 46, 50, 52, 60, 62, 65, 69,
                              70, 72, 75, 79, 82, 83, 85, 90, 96, 97};
  if (d < 1) return {};
  for (int i = 0; i < 20; ++i) {
    if (d <= kLast[i]) return std::string(1, static_cast<char>('A' + i));
  }
  return {};
}

}  // namespace guiyan::core
