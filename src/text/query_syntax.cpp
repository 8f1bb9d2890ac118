// fts5_match and tsquery: query terms in each database's query language.
#include <string>
#include <string_view>
#include <vector>

#include "text/tokenize.h"

namespace guiyan::text {
namespace {

// Appends `token` with every `quote` doubled and, when `escape_backslash`, every '\' doubled.
void append_escaped(std::string& out, std::string_view token, char quote, bool escape_backslash) {
  for (char ch : token) {
    if (ch == quote || (escape_backslash && ch == '\\')) out.push_back(ch);
    out.push_back(ch);
  }
}

bool has_tokens(const QueryTerm& term) {
  for (const std::string& token : term.tokens) {
    if (!token.empty()) return true;
  }
  return false;
}

}  // namespace

std::string fts5_match(const std::vector<QueryTerm>& terms) {
  std::string out;
  for (const QueryTerm& term : terms) {
    if (!has_tokens(term)) continue;
    if (!out.empty()) out.push_back(' ');
    out.push_back('"');
    bool first = true;
    for (const std::string& token : term.tokens) {
      if (token.empty()) continue;
      if (!first) out.push_back(' ');
      first = false;
      append_escaped(out, token, '"', false);
    }
    out.push_back('"');
  }
  return out;
}

std::string tsquery(const std::vector<QueryTerm>& terms) {
  std::string out;
  for (const QueryTerm& term : terms) {
    if (!has_tokens(term)) continue;
    if (!out.empty()) out += " & ";
    bool first = true;
    for (const std::string& token : term.tokens) {
      if (token.empty()) continue;
      if (!first) out += "<->";
      first = false;
      out.push_back('\'');
      append_escaped(out, token, '\'', true);
      out.push_back('\'');
    }
  }
  return out;
}

}  // namespace guiyan::text
