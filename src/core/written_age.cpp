#include "core/written_age.h"

#include <cmath>

#include "core/text.h"
#include "core/written_number.h"

namespace guiyan::core {

std::optional<int> parse_written_age(std::string_view text) {
  std::string s = encode_utf8(trim(decode_folded(text)));
  for (std::string_view unit : {"周岁", "岁"}) {
    if (s.ends_with(unit)) {
      s.resize(s.size() - unit.size());
      break;
    }
  }
  auto n = parse_written_number(s);
  if (!n || n->large_unit || n->value != std::floor(n->value)) return std::nullopt;
  if (n->value < 1 || n->value > 120) return std::nullopt;
  return static_cast<int>(n->value);
}

}  // namespace guiyan::core
