// Splits one chunk of normalized text into tokens: Han bigrams and whole words.
#include <string_view>
#include <vector>

#include "text/char_class.h"
#include "text/detail.h"
#include "text/utf8.h"

namespace guiyan::text::detail {

void append_chunk_tokens(std::string_view chunk, std::vector<std::string_view>& out) {
  constexpr std::size_t kNone = std::string_view::npos;
  std::size_t word_start = kNone;  // start of the current word, if in one
  std::size_t run_start = kNone;   // start of the current Han run, if in one
  std::size_t prev_han = kNone;    // start of the run's previous character
  // Ends the current word or Han run at byte `end`, emitting a one-character run whole.
  const auto close_pieces = [&](std::size_t end) {
    if (word_start != kNone) out.push_back(chunk.substr(word_start, end - word_start));
    if (run_start != kNone && prev_han == run_start) {
      out.push_back(chunk.substr(run_start, end - run_start));
    }
    word_start = run_start = prev_han = kNone;
  };
  for (std::size_t pos = 0; pos < chunk.size();) {
    const std::size_t start = pos;
    const char32_t c = decode_utf8(chunk, pos);
    if (is_han(c)) {
      if (word_start != kNone) close_pieces(start);
      if (run_start == kNone) {
        run_start = start;
      } else {
        out.push_back(chunk.substr(prev_han, pos - prev_han));  // bigram ending here
      }
      prev_han = start;
    } else {
      if (run_start != kNone) close_pieces(start);
      if (word_start == kNone) word_start = start;
    }
  }
  close_pieces(chunk.size());
}

}  // namespace guiyan::text::detail
