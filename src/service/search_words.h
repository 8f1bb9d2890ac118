// What a search box's words ask of a full-text index over records kept by region: the terms, and
// the places the words name (the people and merchants of a place are found by its name).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "text/tokenize.h"

namespace guiyan::service {

class RegionResolver;
class RegionTree;

// The search tokens of a record's region, one per level of its code ("421022100" →
// rg42 rg4210 rg421022 rg421022100); a region filter on a search asks for "rg" + its prefix.
std::vector<std::string> region_tokens(const std::string& region_code);

// The digits (and X) of a search box's input that is an identifier written with spaces or dashes
// — 138 0000 1234, 4201-0219…, full-width digits, a number copied with invisible direction marks
// around it —; nullopt when it holds anything else or fewer than four digits.
std::optional<std::string> compact_identifier(std::string_view q);

// A search box's input as full-text terms, and the places it names.
struct SearchWords {
  std::vector<text::QueryTerm> terms;  // empty when q has nothing to search by
  std::set<std::string> places;        // the regions a word of q names
};

// The terms of `q` (an identifier written with spaces or dashes — 138 0000 1234 — as its digits)
// plus, when given, `region_token` that narrows the hits inside the index to one region. A word
// that names places within `bound` (RegionResolver::places_named; "" for anywhere; at most 64 of
// them, else text only) also matches the records kept there, by those places' region tokens:
// 斗湖堤 王芳 finds the 王芳 of 斗湖堤镇, and whoever's text says 斗湖堤 still.
SearchWords search_words(const RegionResolver& regions, const std::string& q,
                         const std::string& bound, const std::string& region_token);

// [{code, name, path}] of `places` (path as RegionTree::text), for a list's answer to say whose
// records its search also found.
nlohmann::json places_json(const RegionTree& tree, const std::set<std::string>& places);

}  // namespace guiyan::service
