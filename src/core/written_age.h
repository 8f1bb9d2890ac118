// Ages as offices write them in a sheet's 年龄 column: 35, 35岁, 35周岁, 三十五岁.
#pragma once

#include <optional>
#include <string_view>

namespace guiyan::core {

// The whole years `text` writes (digits or Chinese numerals, optionally ending in 岁 or 周岁),
// from 1 to 120; nullopt for anything else (a fraction, a range, words, an empty cell).
std::optional<int> parse_written_age(std::string_view text);

}  // namespace guiyan::core
