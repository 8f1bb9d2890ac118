// Detecting the encoding of an uploaded text file and decoding it to UTF-8 piece by piece.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace guiyan::io {

enum class TextEncoding { utf8, gb18030, utf16 };

// Encoding of the file at `path`: UTF-16 when it starts with a UTF-16 byte order mark; UTF-8
// when it starts with the UTF-8 mark, or when its bytes are mostly UTF-8 — at most one broken
// sequence per four good multi-byte ones (20 sequences at least), so damaged rows do not turn a
// UTF-8 file into gibberish (they read as U+FFFD, which the field checks reject row by row);
// GB18030 (what Chinese Excel saves as "CSV") otherwise. Reads the file until sure, in chunks;
// throws SheetError when it cannot be read.
TextEncoding detect_text_encoding(const std::string& path);

// Stateful converter of a byte stream in one encoding to UTF-8. A byte order mark at the start
// is dropped; malformed input becomes U+FFFD.
class TextDecoder {
 public:
  explicit TextDecoder(TextEncoding encoding);
  ~TextDecoder();
  TextDecoder(const TextDecoder&) = delete;
  TextDecoder& operator=(const TextDecoder&) = delete;

  // Appends the UTF-8 form of `bytes` to `out`; sequences split between calls are joined.
  // `last` marks the end of the input (an unfinished sequence then becomes U+FFFD).
  void decode(std::string_view bytes, bool last, std::string& out);

 private:
  struct Icu;
  void decode_utf8(std::string_view bytes, bool last, std::string& out);

  TextEncoding encoding_;
  bool at_start_ = true;
  std::string carry_;  // an unfinished UTF-8 sequence from the previous call
  std::unique_ptr<Icu> icu_;
};

// Reads the text file at `path` in pieces, decodes each to UTF-8 in the encoding `choose` gives
// for the file's first bytes (a piece at most), and calls on_text with each piece's text (`last`
// for the final one, which may be empty) until it returns false. Throws SheetError (文件不存在,
// 无法读取文件) when the file cannot be read.
void read_decoded(const std::string& path,
                  const std::function<TextEncoding(std::string_view first)>& choose,
                  const std::function<bool(std::string_view text, bool last)>& on_text);

}  // namespace guiyan::io
