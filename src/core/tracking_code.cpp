#include "core/tracking_code.h"

#include <sodium.h>

#include <stdexcept>

namespace guiyan::core {

std::string new_tracking_code() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium 初始化失败");
  std::string code;
  for (int i = 0; i < 12; ++i) {
    if (i > 0 && i % 4 == 0) code += '-';
    code += kTrackingAlphabet[randombytes_uniform(static_cast<uint32_t>(kTrackingAlphabet.size()))];
  }
  return code;
}

std::optional<std::string> normalize_tracking_code(std::string_view typed) {
  std::string chars;
  for (char ch : typed) {
    if (ch == '-' || ch == ' ') continue;
    if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
    if (kTrackingAlphabet.find(ch) == std::string_view::npos) return std::nullopt;
    chars += ch;
    if (chars.size() > 12) return std::nullopt;
  }
  if (chars.size() != 12) return std::nullopt;
  return chars.substr(0, 4) + "-" + chars.substr(4, 4) + "-" + chars.substr(8, 4);
}

}  // namespace guiyan::core
