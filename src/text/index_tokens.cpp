// index_tokens and index_document: the token string stored for a document.
#include <cstddef>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "text/char_class.h"
#include "text/detail.h"
#include "text/tokenize.h"
#include "text/utf8.h"

namespace guiyan::text {
namespace detail {

void append_index_tokens(std::string_view normalized, IndexScratch& scratch,
                         std::vector<std::string_view>& out) {
  scratch.emitted_tokens.clear();
  scratch.emitted_chunks.clear();
  for (std::size_t begin = 0; begin < normalized.size();) {
    std::size_t end = normalized.find(' ', begin);
    if (end == std::string_view::npos) end = normalized.size();
    const std::string_view chunk = normalized.substr(begin, end - begin);
    begin = end + 1;
    if (chunk.empty()) continue;
    scratch.chunk.clear();
    append_chunk_tokens(chunk, scratch.chunk);
    if (scratch.chunk.size() == 1) {
      const std::string_view token = scratch.chunk.front();
      if (scratch.emitted_tokens.insert(token)) out.push_back(token);
    } else if (scratch.emitted_chunks.insert(chunk)) {
      for (std::string_view token : scratch.chunk) {
        scratch.emitted_tokens.insert(token);
        out.push_back(token);
      }
    }
  }
  for (std::size_t pos = 0; pos < normalized.size();) {
    const std::size_t start = pos;
    if (!is_han(decode_utf8(normalized, pos))) continue;
    const std::string_view character = normalized.substr(start, pos - start);
    if (scratch.emitted_tokens.insert(character)) out.push_back(character);
  }
}

namespace {

// Buffers reused by every index_document call on the same thread.
struct DocumentScratch {
  std::string normalized;
  std::vector<std::string_view> tokens;
  IndexScratch index;
};

// Scratch kept on the thread only while the fields stay this small (in bytes).
constexpr std::size_t kRetainedFieldBytes = std::size_t{1} << 16;

// Appends the index tokens of one field to `out`, space-separated from what is already there.
void append_field(std::string_view field, std::string& out) {
  thread_local DocumentScratch s;
  normalize_into(field, s.normalized);
  s.tokens.clear();
  append_index_tokens(s.normalized, s.index, s.tokens);
  for (std::string_view token : s.tokens) {
    if (!out.empty()) out.push_back(' ');
    out.append(token);
  }
  if (s.normalized.capacity() > kRetainedFieldBytes) s = DocumentScratch{};
}

}  // namespace
}  // namespace detail

std::vector<std::string> index_tokens(std::string_view text) {
  const std::string normalized = normalize(text);
  detail::IndexScratch scratch;
  std::vector<std::string_view> views;
  detail::append_index_tokens(normalized, scratch, views);
  return std::vector<std::string>(views.begin(), views.end());
}

std::string index_document(std::span<const std::string_view> fields) {
  std::string out;
  for (std::string_view field : fields) detail::append_field(field, out);
  return out;
}

std::string index_document(std::initializer_list<std::string_view> fields) {
  return index_document(std::span<const std::string_view>(fields.begin(), fields.size()));
}

std::string index_document(const std::vector<std::string>& fields) {
  std::string out;
  for (const std::string& field : fields) detail::append_field(field, out);
  return out;
}

}  // namespace guiyan::text
