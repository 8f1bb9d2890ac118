// query_terms: a search box input as phrases of index tokens.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "text/detail.h"
#include "text/tokenize.h"

namespace guiyan::text {

std::vector<QueryTerm> query_terms(std::string_view query) {
  const std::string normalized = normalize(query);
  std::vector<QueryTerm> terms;
  std::vector<std::string_view> tokens;
  for (std::size_t begin = 0; begin < normalized.size();) {
    std::size_t end = normalized.find(' ', begin);
    if (end == std::string::npos) end = normalized.size();
    const std::string_view chunk = std::string_view(normalized).substr(begin, end - begin);
    begin = end + 1;
    tokens.clear();
    detail::append_chunk_tokens(chunk, tokens);
    if (tokens.empty()) continue;
    QueryTerm& term = terms.emplace_back();
    term.tokens.assign(tokens.begin(), tokens.end());
  }
  return terms;
}

}  // namespace guiyan::text
