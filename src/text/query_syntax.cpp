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

bool has_tokens(const std::vector<std::string>& tokens) {
  for (const std::string& token : tokens) {
    if (!token.empty()) return true;
  }
  return false;
}

// One database's way of writing a query.
struct Syntax {
  char quote;
  bool escape_backslash;
  const char* phrase_join;  // between the tokens of a phrase
  const char* or_join;      // between the alternatives of a group
  const char* and_join;     // between terms when a group is among them
  const char* plain_and;    // between terms otherwise
  bool quote_phrase;        // the phrase quoted whole (FTS5) rather than token by token
};

constexpr Syntax kFts5{'"', false, " ", " OR ", " AND ", " ", true};
constexpr Syntax kTsquery{'\'', true, "<->", " | ", " & ", " & ", false};

// `tokens` as one phrase in `s` (non-empty tokens only).
std::string phrase(const Syntax& s, const std::vector<std::string>& tokens) {
  std::string out;
  if (s.quote_phrase) out.push_back(s.quote);
  bool first = true;
  for (const std::string& token : tokens) {
    if (token.empty()) continue;
    if (!first) out += s.phrase_join;
    first = false;
    if (!s.quote_phrase) out.push_back(s.quote);
    append_escaped(out, token, s.quote, s.escape_backslash);
    if (!s.quote_phrase) out.push_back(s.quote);
  }
  if (s.quote_phrase) out.push_back(s.quote);
  return out;
}

std::string write(const Syntax& s, const std::vector<QueryTerm>& terms) {
  bool grouped = false;
  for (const QueryTerm& term : terms) grouped = grouped || has_tokens(term.alternatives);
  std::string out;
  for (const QueryTerm& term : terms) {
    std::vector<std::string> pieces;
    if (has_tokens(term.tokens)) pieces.push_back(phrase(s, term.tokens));
    for (const std::string& alternative : term.alternatives) {
      if (!alternative.empty()) pieces.push_back(phrase(s, {alternative}));
    }
    if (pieces.empty()) continue;
    if (!out.empty()) out += grouped ? s.and_join : s.plain_and;
    if (pieces.size() > 1) out.push_back('(');
    for (size_t i = 0; i < pieces.size(); ++i) {
      if (i > 0) out += s.or_join;
      out += pieces[i];
    }
    if (pieces.size() > 1) out.push_back(')');
  }
  return out;
}

}  // namespace

std::string fts5_match(const std::vector<QueryTerm>& terms) {
  return write(kFts5, terms);
}

std::string tsquery(const std::vector<QueryTerm>& terms) {
  return write(kTsquery, terms);
}

}  // namespace guiyan::text
