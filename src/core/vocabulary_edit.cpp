#include "core/vocabulary_edit.h"

#include <algorithm>

#include "core/text.h"

namespace guiyan::core {
namespace {

bool answers_to(const Term& t, const std::string& word) {
  if (t.key == word || t.label == word) return true;
  return std::find(t.synonyms.begin(), t.synonyms.end(), word) != t.synonyms.end();
}

}  // namespace

std::string clean_word(std::string_view word) {
  return encode_utf8(trim(decode_folded(word)));
}

std::string word_problem(std::string_view word) {
  if (word.empty()) return "不能为空";
  std::u32string chars = decode_folded(word);
  if (chars.size() > kMaxWordChars) {
    return "过长（最多" + std::to_string(kMaxWordChars) + "个字符）";
  }
  // The separators of core/person_fields.cpp split_list: a word holding one never matches.
  for (char32_t c : chars) {
    if (c == U'、' || c == U'，' || c == U'；' || c == U',' || c == U';' || c == U'/' ||
        c == U'|') {
      return "不能包含分隔符“" + encode_utf8(std::u32string(1, c)) + "”（表格中用它分隔多个技能）";
    }
    if (c < 0x20 || c == 0x7F) return "不能包含控制字符";
  }
  return {};
}

std::vector<std::string> clean_synonyms(const std::string& label,
                                        const std::vector<std::string>& synonyms) {
  std::vector<std::string> out;
  for (const auto& s : synonyms) {
    std::string w = clean_word(s);
    if (w.empty() || w == label || std::find(out.begin(), out.end(), w) != out.end()) continue;
    out.push_back(std::move(w));
  }
  return out;
}

bool valid_key(std::string_view key) {
  if (key.size() < 2 || key.size() > 40 || key[0] < 'a' || key[0] > 'z') return false;
  return std::all_of(key.begin(), key.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

std::string next_key(std::string_view vocabulary, const TermList& terms) {
  std::string prefix = vocabulary == "skills" ? "skill_" : "brand_";
  for (size_t n = terms.size() + 1;; ++n) {
    std::string key = prefix + std::to_string(n);
    if (!find_key(terms, key)) return key;
  }
}

std::optional<WordClash> find_clash(const TermList& terms, const Term& candidate) {
  if (candidate.retired) return std::nullopt;
  std::vector<std::string> words = {candidate.label};
  words.insert(words.end(), candidate.synonyms.begin(), candidate.synonyms.end());
  for (const auto& word : words) {
    for (const auto& other : terms) {
      if (other.retired || other.key == candidate.key) continue;
      if (answers_to(other, word)) return WordClash{word, other.key, other.label};
    }
  }
  return std::nullopt;
}

}  // namespace guiyan::core
