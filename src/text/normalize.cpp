// normalize: NFKC + case folding through ICU, then only letters, digits and ideographs kept.
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "text/char_class.h"
#include "text/detail.h"
#include "text/tokenize.h"
#include "text/utf8.h"

namespace guiyan::text {
namespace detail {
namespace {

// ICU's NFKC_Casefold singleton, or null when ICU's data cannot be loaded.
const icu::Normalizer2* nfkc_casefold() {
  static const icu::Normalizer2* const instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(status);
    return U_SUCCESS(status) ? n : nullptr;
  }();
  return instance;
}

// Buffers reused by every call on the same thread.
struct Scratch {
  std::string well_formed;  // the input with ill-formed bytes replaced by spaces
  std::string folded;       // NFKC_Casefold of it
};

Scratch& scratch() {
  thread_local Scratch s;
  return s;
}

// Appends one kept character (or ASCII letter lowered) after the pending separator, if any.
class Writer {
 public:
  explicit Writer(std::string& out) : out_(out) {}
  void keep(std::string_view character) {
    if (pending_space_ && !out_.empty()) out_.push_back(' ');
    pending_space_ = false;
    out_.append(character);
  }
  void separate() { pending_space_ = true; }

 private:
  std::string& out_;
  bool pending_space_ = false;
};

bool is_ascii(std::string_view text) {
  for (char ch : text) {
    if (static_cast<unsigned char>(ch) >= 0x80) return false;
  }
  return true;
}

// Pure ASCII needs no ICU: NFKC leaves it alone and case folding is tolower.
void normalize_ascii(std::string_view input, std::string& out) {
  Writer writer(out);
  for (char ch : input) {
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
      writer.keep(std::string_view(&ch, 1));
    } else {
      writer.separate();
    }
  }
}

// `input` itself when it is well-formed UTF-8, else a copy in `buffer` with every ill-formed
// byte replaced by a space (a separator, like the bytes it replaces).
std::string_view make_well_formed(std::string_view input, std::string& buffer) {
  std::size_t pos = 0;
  std::size_t start = 0;
  do {
    if (pos == input.size()) return input;
    start = pos;
  } while (decode_utf8(input, pos) != kIllFormed);
  buffer.assign(input.substr(0, start));
  buffer.push_back(' ');  // the byte decode_utf8 just rejected
  while (pos < input.size()) {
    start = pos;
    if (decode_utf8(input, pos) == kIllFormed) {
      buffer.push_back(' ');
    } else {
      buffer.append(input.substr(start, pos - start));
    }
  }
  return buffer;
}

// How far past the slice size slice_end looks for a normalization boundary.
constexpr std::size_t kBoundarySearchBytes = std::size_t{1} << 20;

// Scratch buffers larger than this are released after use, so that one huge input does not
// keep its memory on the thread.
constexpr std::size_t kRetainedBytes = std::size_t{1} << 16;

// End of the next slice of `text` from `begin`: at least `slice_bytes` on (unless the text ends
// first), at the first code point before which ICU guarantees a normalization boundary. Only
// text with no boundary for kBoundarySearchBytes (a megabyte of combining marks) is cut
// elsewhere, at a code point.
std::size_t slice_end(const icu::Normalizer2& norm, std::string_view text, std::size_t begin,
                      std::size_t slice_bytes) {
  if (text.size() - begin <= slice_bytes) return text.size();
  std::size_t pos = begin + slice_bytes;
  while (pos < text.size() && is_continuation(static_cast<unsigned char>(text[pos]))) ++pos;
  const std::size_t give_up = pos + kBoundarySearchBytes;
  while (pos < text.size() && pos < give_up) {
    std::size_t next = pos;
    const char32_t c = decode_utf8(text, next);
    if (norm.hasBoundaryBefore(static_cast<UChar32>(c))) return pos;
    pos = next;
  }
  return pos;
}

// NFKC_Casefold of well-formed UTF-8 into `folded`; a copy of the text if ICU fails.
void fold(std::string_view text, std::string& folded, std::size_t slice_bytes) {
  folded.clear();
  const icu::Normalizer2* norm = nfkc_casefold();
  if (norm == nullptr) {
    folded.assign(text);
    return;
  }
  icu::StringByteSink<std::string> sink(&folded);
  for (std::size_t begin = 0; begin < text.size();) {
    const std::size_t end = slice_end(*norm, text, begin, slice_bytes);
    const std::string_view slice = text.substr(begin, end - begin);
    UErrorCode status = U_ZERO_ERROR;
    norm->normalizeUTF8(0, icu::StringPiece(slice.data(), static_cast<int32_t>(slice.size())), sink,
                        nullptr, status);
    if (U_FAILURE(status)) folded.append(slice);  // not expected for well-formed input
    begin = end;
  }
}

}  // namespace

void normalize_into(std::string_view input, std::string& out, std::size_t slice_bytes) {
  out.clear();
  if (slice_bytes == 0) slice_bytes = kNormalizeSliceBytes;
  if (is_ascii(input)) {
    normalize_ascii(input, out);
    return;
  }
  Scratch& s = scratch();
  fold(make_well_formed(input, s.well_formed), s.folded, slice_bytes);
  const std::string_view folded = s.folded;
  Writer writer(out);
  for (std::size_t pos = 0; pos < folded.size();) {
    const std::size_t start = pos;
    const char32_t c = decode_utf8(folded, pos);
    if (c != kIllFormed && is_kept(c)) {
      writer.keep(folded.substr(start, pos - start));
    } else {
      writer.separate();
    }
  }
  if (s.folded.capacity() > kRetainedBytes || s.well_formed.capacity() > kRetainedBytes) {
    s = Scratch{};
  }
}

}  // namespace detail

std::string normalize(std::string_view input) {
  std::string out;
  detail::normalize_into(input, out);
  return out;
}

}  // namespace guiyan::text
