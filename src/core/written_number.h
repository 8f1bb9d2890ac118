// Numbers as offices write them in sheet cells: 100,000, 1.5万, 三十万, 两千五百万, 壹拾万, 1.2亿.
#pragma once

#include <optional>
#include <string_view>

namespace guiyan::core {

struct WrittenNumber {
  double value = 0;         // the number itself: 三十万 → 300000, -5 → -5
  bool large_unit = false;  // it says 万 or 亿, so a field kept in 万元 reads it as a count
};

// The number `text` writes — Arabic digits (full-width too) with an optional decimal point and
// thousands commas in groups of three, Chinese numerals (零〇一二两三…九十百千万亿, and the
// financial forms 壹贰叁…拾佰仟), or both as in 1.5万, 3千万, 1万5千 — or nullopt when it writes
// none, or is ambiguous: 五万五 and 三千五 leave out the unit of their last digit (55000 or
// 50005?).
std::optional<WrittenNumber> parse_written_number(std::string_view text);

}  // namespace guiyan::core
