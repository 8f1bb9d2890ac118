// Chinese full-text search that gives the same hits on SQLite FTS5 and PostgreSQL tsvector.
//
// Neither database splits Chinese usefully, so the tokens are made here and stored as a plain
// space-separated string: in an FTS5 column (tokenizer unicode61, see below) and in
// to_tsvector('simple', …). Queries are turned into phrases of the same tokens.
//
// Normalisation (normalize): ICU NFKC + case folding (NFKC_Casefold, which also drops default
// ignorables such as U+200B and U+00AD); then every character that is not a letter (general
// category L*), a decimal digit (Nd) or an ideograph (Ideographic property, e.g. 〇) is a
// separator; ill-formed UTF-8 bytes are separators too; runs of separators become one ASCII
// space; no leading or trailing space. Full-width forms fold to ASCII (ＡＢＣ１２３ → abc123).
// Traditional characters stay traditional.
//
// Chunks and pieces: the normalized text splits at spaces into chunks; a chunk splits into
// pieces: a Han run (characters of Unicode script Han, including CJK extensions) or a word
// (every other kept character: Latin, digits, kana, Cyrillic …). The tokens of a chunk, in order:
//   - a Han run of n >= 2 characters gives its n - 1 overlapping bigrams (张三丰 → 张三 三丰),
//     a Han run of one character gives that character;
//   - a word gives itself whole (abc123, 13800001234, x).
//   "电工3级" → 电工 3 级.
//
// Index rule (index_tokens), over the chunks of the text in order:
//   1. A chunk of one token is emitted unless that token was already emitted.
//   2. A chunk of several tokens is emitted whole, in order, unless an identical chunk was
//      already emitted. Tokens are never removed from inside a chunk, even when they repeat
//      (哈哈哈 → 哈哈 哈哈) or appeared in an earlier chunk (张三 张三丰 → 张三 张三 三丰 …):
//      a phrase query needs the tokens of one chunk at consecutive positions.
//   3. Then every distinct Han character of the text, in order of first appearance, unless it
//      was already emitted as a token (e.g. by a one-character Han run).
//   王芳 → 王芳 王 芳;  张三丰 → 张三 三丰 张 三 丰;  电工3级 → 电工 3 级 电 工.
//
// Query rule (query_terms): each chunk of the normalized query is one term whose tokens are the
// chunk's tokens; a term matches as a phrase (tokens at consecutive positions) and all terms
// must match. So a query matches every document that contains each query chunk inside one of
// its own chunks, with one gap: a one-character Han run next to a word inside a query chunk
// ("芳a") only matches a document whose Han run there also has one character. Words match
// whole words only (abc does not find abc123). Because positions are consecutive across
// chunks, a phrase may also match across a separator (张三丰 finds "张三，三丰") or between the
// last chunk and the singles (3电 finds "电工 3"); rank or re-check in C++ where that matters.
//
// Database settings that keep both backends identical:
//   - FTS5: tokenize = 'unicode61 remove_diacritics 0'. The default remove_diacritics 1 folds
//     café to cafe in SQLite only, so "cafe" would find "café" on SQLite but not on PostgreSQL.
//   - PostgreSQL: to_tsvector('simple', tokens) and to_tsquery('simple', tsquery(...)), with
//     the query text passed as a bound parameter. A tsvector keeps positions up to 16383, 256
//     positions per lexeme and lexemes shorter than 2 KiB; beyond that (documents of thousands
//     of characters, words of 2 KiB) PostgreSQL indexes less than FTS5 and the hits can differ.
#pragma once

#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace guiyan::text {

// One query term: tokens to be matched as a phrase (at consecutive positions).
struct QueryTerm {
  std::vector<std::string> tokens;
  // Whole tokens any one of which satisfies the term instead of the phrase (a place the query
  // names: its region tokens); empty for a plain term.
  std::vector<std::string> alternatives{};

  bool operator==(const QueryTerm&) const = default;
};

// NFKC + case folding, every run of non-letter/digit/ideograph characters (and of ill-formed
// UTF-8 bytes) as one ASCII space, trimmed. Throws nothing but std::bad_alloc; the result is
// valid UTF-8.
std::string normalize(std::string_view input);

// The tokens to store for `text`, following the index rule above (normalizes first).
std::vector<std::string> index_tokens(std::string_view text);

// index_tokens of each field joined by single spaces, fields in order, empty fields skipped:
// the value to store in the FTS5 column and to pass to to_tsvector('simple', …).
std::string index_document(std::initializer_list<std::string_view> fields);

// Same as the initializer_list overload, for fields held in a container of views.
std::string index_document(std::span<const std::string_view> fields);

// Same as the initializer_list overload, for fields held as strings.
std::string index_document(const std::vector<std::string>& fields);

// The terms of a search box input, following the query rule above; empty when the query has no
// letter, digit or ideograph (the caller decides what an empty search means).
std::vector<QueryTerm> query_terms(std::string_view query);

// The FTS5 MATCH expression: each term a double-quoted phrase ("张三 三丰"), terms joined by
// spaces (implicit AND), '"' inside a token doubled. A term with alternatives is a group
// ("斗湖 湖堤" OR "rg421022101"), and the terms are then joined by AND (FTS5 has no implicit AND
// next to a group). Empty when there is no non-empty term.
std::string fts5_match(const std::vector<QueryTerm>& terms);

// The text for to_tsquery('simple', …): tokens single-quoted ('' and \\ escaped inside), a
// term's tokens joined by <->, a term with alternatives a group ('斗湖'<->'湖堤' | 'rg421022101'),
// terms joined by " & ". Empty when there is no non-empty term.
std::string tsquery(const std::vector<QueryTerm>& terms);

}  // namespace guiyan::text
