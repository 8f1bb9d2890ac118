// The rules a term of an editable vocabulary keeps to, without I/O: what a label or synonym may
// be, what a key looks like, and which words would make a sheet word ambiguous.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/vocabulary_registry.h"

namespace guiyan::core {

// Longest label or synonym, in characters; most synonyms a term may have.
inline constexpr size_t kMaxWordChars = 20;
inline constexpr size_t kMaxSynonyms = 30;

// A word as it is stored and matched: full-width forms folded, surrounding spaces trimmed (the
// way sheet cells are read before they are looked up).
std::string clean_word(std::string_view word);

// Why `word` (cleaned) cannot be a label or synonym, in Chinese for the clerk, or "" when it can:
// empty, longer than kMaxWordChars, or holding a separator that splits a sheet cell into a list.
std::string word_problem(std::string_view word);

// The synonyms cleaned, in order, without empty ones, repeats and the label itself.
std::vector<std::string> clean_synonyms(const std::string& label,
                                        const std::vector<std::string>& synonyms);

// True for a key of 2–40 characters: lower-case ASCII letters, digits and '_', starting with a
// letter.
bool valid_key(std::string_view key);

// A key no term of `terms` has, for a new term: "skill_15" for skills, "brand_7" otherwise.
std::string next_key(std::string_view vocabulary, const TermList& terms);

// A word of a candidate term that another active term already answers to.
struct WordClash {
  std::string word;       // the candidate's label or synonym
  std::string other_key;  // the term that has it
  std::string other_label;
};

// The first word (label first, then synonyms) of `candidate` that equals the key, label or a
// synonym of another active term of `terms` (the term with candidate's key is skipped), or
// nullopt. A retired candidate clashes with nothing: its words are no longer matched.
std::optional<WordClash> find_clash(const TermList& terms, const Term& candidate);

}  // namespace guiyan::core
