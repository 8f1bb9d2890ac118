#include "io/text_decoder.h"

#include <unicode/ucnv.h>

#include <cerrno>
#include <cstdio>
#include <memory>
#include <vector>

#include "io/chunk.h"
#include "io/sheet_error.h"
#include "io/utf8.h"

namespace guiyan::io {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// Counts good multi-byte and broken UTF-8 sequences of a stream fed in pieces.
struct Utf8Census {
  size_t good = 0, bad = 0;
  std::string carry;
  void add(std::string_view bytes) {
    std::string joined;
    if (!carry.empty()) {
      joined = carry;
      joined.append(bytes);
      bytes = joined;
      carry.clear();
    }
    size_t i = 0;
    while (i < bytes.size()) {
      if (static_cast<unsigned char>(bytes[i]) < 0x80) {
        ++i;
        continue;
      }
      int n = utf8_sequence_length(bytes.substr(i));
      if (n < 0) {
        carry.assign(bytes.substr(i));
        return;
      }
      if (n == 0) {
        ++bad;
        ++i;
      } else {
        ++good;
        i += n;
      }
    }
  }
  // GB18030 Chinese read as UTF-8 gives about one valid sequence per four broken ones (0.25 over
  // the seed texts and the region names); UTF-8 with a few damaged rows gives hundreds per broken
  // one. Four valid per broken one splits the two with room on both sides; below 20 sequences
  // only a clean stream counts as UTF-8.
  bool clearly_not_utf8() const { return bad >= 8 && bad * 4 > good; }
  bool is_utf8() const {
    size_t broken = bad + (carry.empty() ? 0 : 1);
    return broken == 0 || (good + broken >= 20 && good >= broken * 4);
  }
};

}  // namespace

TextEncoding detect_text_encoding(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) throw SheetError((errno == ENOENT ? "文件不存在：" : "无法读取文件：") + path);
  std::vector<char> buf(kReadChunk);
  Utf8Census census;
  bool first = true;
  TextEncoding result = TextEncoding::utf8;
  bool decided = false;
  size_t n;
  while (!decided && (n = std::fread(buf.data(), 1, buf.size(), f)) > 0) {
    std::string_view bytes(buf.data(), n);
    if (first) {
      first = false;
      if (bytes.substr(0, 3) == kUtf8Bom) {
        decided = true;  // result stays utf8
        break;
      }
      if (bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') ||
                                (bytes[0] == '\xFE' && bytes[1] == '\xFF'))) {
        result = TextEncoding::utf16;
        decided = true;
        break;
      }
    }
    census.add(bytes);
    if (census.clearly_not_utf8()) {
      result = TextEncoding::gb18030;
      decided = true;
    }
  }
  bool failed = std::ferror(f) != 0;
  std::fclose(f);
  if (failed) throw SheetError("无法读取文件：" + path);
  if (!decided && !census.is_utf8()) result = TextEncoding::gb18030;
  return result;
}

// The ICU converters and pivot buffer of a GB18030 or UTF-16 stream.
struct TextDecoder::Icu {
  UConverter* from = nullptr;
  UConverter* to = nullptr;
  UChar pivot[4096];
  UChar* pivot_source = pivot;
  UChar* pivot_target = pivot;
  Icu(const char* name) {
    UErrorCode err = U_ZERO_ERROR;
    from = ucnv_open(name, &err);
    to = ucnv_open("UTF-8", &err);
    if (U_FAILURE(err)) {
      close();
      throw SheetError("无法加载字符编码转换器");
    }
  }
  ~Icu() { close(); }
  void close() {
    if (from) ucnv_close(from);
    if (to) ucnv_close(to);
    from = to = nullptr;
  }
};

TextDecoder::TextDecoder(TextEncoding encoding) : encoding_(encoding) {
  if (encoding == TextEncoding::gb18030) icu_ = std::make_unique<Icu>("GB18030");
  if (encoding == TextEncoding::utf16) icu_ = std::make_unique<Icu>("UTF-16");  // reads the BOM
}

TextDecoder::~TextDecoder() = default;

void TextDecoder::decode(std::string_view bytes, bool last, std::string& out) {
  if (!icu_) {
    decode_utf8(bytes, last, out);
    return;
  }
  const char* source = bytes.data();
  const char* source_end = source + bytes.size();
  bool reset = at_start_;
  at_start_ = false;
  for (;;) {
    size_t old = out.size();
    out.resize(old + bytes.size() * 2 + 1024);
    char* target = out.data() + old;
    char* target_end = out.data() + out.size();
    UErrorCode err = U_ZERO_ERROR;
    ucnv_convertEx(icu_->to, icu_->from, &target, target_end, &source, source_end, icu_->pivot,
                   &icu_->pivot_source, &icu_->pivot_target, icu_->pivot + 4096, reset, last, &err);
    reset = false;
    out.resize(target - out.data());
    if (err == U_BUFFER_OVERFLOW_ERROR) continue;
    if (U_FAILURE(err)) throw SheetError("文件编码转换失败");
    break;
  }
}

void TextDecoder::decode_utf8(std::string_view bytes, bool last, std::string& out) {
  std::string joined;
  if (!carry_.empty()) {
    joined = carry_;
    joined.append(bytes);
    bytes = joined;
    carry_.clear();
  }
  if (at_start_) {
    if (bytes.size() < 3 && !last) {
      carry_.assign(bytes);  // too short to tell whether a BOM starts here
      return;
    }
    if (bytes.substr(0, 3) == kUtf8Bom) bytes.remove_prefix(3);
    at_start_ = false;
  }
  size_t i = 0, run = 0;  // [run, i) is valid text not yet copied
  while (i < bytes.size()) {
    if (static_cast<unsigned char>(bytes[i]) < 0x80) {
      ++i;
      continue;
    }
    int n = utf8_sequence_length(bytes.substr(i));
    if (n > 0) {
      i += n;
      continue;
    }
    out.append(bytes.substr(run, i - run));
    if (n < 0 && !last) {
      carry_.assign(bytes.substr(i));
      return;
    }
    out.append("\xEF\xBF\xBD");
    ++i;
    run = i;
  }
  out.append(bytes.substr(run));
}

void read_decoded(const std::string& path,
                  const std::function<TextEncoding(std::string_view first)>& choose,
                  const std::function<bool(std::string_view text, bool last)>& on_text) {
  struct Closer {
    void operator()(std::FILE* f) const { std::fclose(f); }
  };
  std::unique_ptr<std::FILE, Closer> file(std::fopen(path.c_str(), "rb"));
  if (!file) throw SheetError((errno == ENOENT ? "文件不存在：" : "无法读取文件：") + path);
  std::vector<char> bytes(kReadChunk);
  std::unique_ptr<TextDecoder> decoder;
  std::string text;
  for (bool eof = false; !eof;) {
    size_t n = std::fread(bytes.data(), 1, bytes.size(), file.get());
    if (n < bytes.size()) {
      if (std::ferror(file.get())) throw SheetError("无法读取文件：" + path);
      eof = true;
    }
    std::string_view piece(bytes.data(), n);
    if (!decoder) decoder = std::make_unique<TextDecoder>(choose(piece));
    text.clear();
    decoder->decode(piece, eof, text);
    if (!on_text(text, eof)) return;
  }
}

}  // namespace guiyan::io
