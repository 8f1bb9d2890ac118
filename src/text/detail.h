// Internal building blocks shared by the text library's source files and its tests.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "text/view_set.h"

namespace guiyan::text::detail {

// Largest piece handed to ICU at once (its string lengths are 32-bit).
inline constexpr std::size_t kNormalizeSliceBytes = std::size_t{1} << 26;

// Writes normalize(input) into `out` (replacing its contents, reusing its capacity). Input
// longer than `slice_bytes` is normalized piece by piece, cut where ICU reports a
// normalization boundary, so the result does not depend on `slice_bytes`.
void normalize_into(std::string_view input, std::string& out,
                    std::size_t slice_bytes = kNormalizeSliceBytes);

// Appends the tokens of one chunk of normalized text (no spaces) to `out`: Han bigrams (or the
// single character of a one-character Han run) and whole words, in order. The views point
// into `chunk`.
void append_chunk_tokens(std::string_view chunk, std::vector<std::string_view>& out);

// Reusable buffers for append_index_tokens.
struct IndexScratch {
  std::vector<std::string_view> chunk;  // tokens of the chunk being looked at
  ViewSet emitted_tokens;               // every token emitted so far
  ViewSet emitted_chunks;               // text of every multi-token chunk emitted so far
};

// Appends the index tokens of normalized text to `out` (the index rule in text/tokenize.h).
// The views point into `normalized`.
void append_index_tokens(std::string_view normalized, IndexScratch& scratch,
                         std::vector<std::string_view>& out);

}  // namespace guiyan::text::detail
