#include "service/search_words.h"

#include <optional>

#include "core/text.h"
#include "service/data_scope.h"
#include "service/region_resolver.h"
#include "service/region_tree.h"

namespace guiyan::service {
namespace {

// More namesakes than this (a province account's 花园: 44) and a word is searched as text only.
constexpr size_t kMostPlaces = 64;

}  // namespace

std::optional<std::string> compact_identifier(std::string_view q) {
  std::string out;
  for (char32_t c : core::decode_folded(q)) {
    if (core::is_space(c) || c == U'-') continue;
    if ((c >= U'0' && c <= U'9') || c == U'x' || c == U'X') {
      out += static_cast<char>(c);
    } else {
      return std::nullopt;
    }
  }
  if (out.size() < 4) return std::nullopt;
  return out;
}

std::vector<std::string> region_tokens(const std::string& region_code) {
  std::vector<std::string> out;
  for (size_t len : {2, 4, 6, 9, 12}) {
    if (region_code.size() >= len) out.push_back("rg" + region_code.substr(0, len));
  }
  return out;
}

SearchWords search_words(const RegionResolver& regions, const std::string& q,
                         const std::string& bound, const std::string& region_token) {
  SearchWords out;
  if (auto id = compact_identifier(q)) {
    out.terms = text::query_terms(*id);
  } else {
    const std::string normalized = text::normalize(q);
    for (size_t begin = 0; begin < normalized.size();) {
      size_t end = std::min(normalized.find(' ', begin), normalized.size());
      std::string word = normalized.substr(begin, end - begin);
      begin = end + 1;
      std::vector<text::QueryTerm> terms = text::query_terms(word);
      if (terms.empty()) continue;
      std::set<std::string> places = regions.places_named(word, bound);
      if (places.size() <= kMostPlaces) {
        for (const auto& code : places) {
          terms[0].alternatives.push_back("rg" + region_prefix(code));
          out.places.insert(code);
        }
      }
      out.terms.push_back(std::move(terms[0]));
    }
  }
  if (!out.terms.empty() && !region_token.empty()) {
    out.terms.push_back(text::QueryTerm{{region_token}});
  }
  return out;
}

nlohmann::json places_json(const RegionTree& tree, const std::set<std::string>& places) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& code : places) {
    out.push_back({{"code", code}, {"name", tree.name(code)}, {"path", tree.text(code)}});
  }
  return out;
}

}  // namespace guiyan::service
