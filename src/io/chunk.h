// The size of the blocks the readers take from a file or a compressed stream at a time.
#pragma once

#include <cstddef>

namespace guiyan::io {

inline constexpr std::size_t kReadChunk = 256 * 1024;

}  // namespace guiyan::io
