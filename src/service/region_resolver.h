// Turns what a sheet says about a place — a region code or a name path such as
// 荆州市/公安县/埠河镇/埠河社区居民委员会 — into a region code.
#pragma once

#include <mutex>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "store/db.h"

namespace guiyan::service {

class RegionResolver {
 public:
  // Loads every region once (28,651 rows). `home`: the importing account's region (or ""); of
  // namesakes a text fits, the one within it is meant — an office writes its own villages by
  // name alone (a province account gains nothing).
  explicit RegionResolver(store::Conn& c, std::string home = "");
  // The code, or throws std::invalid_argument with a Chinese reason (unknown, ambiguous) that
  // names the text but not the column (the caller prefixes it). Names are matched as written,
  // else by their short form as offices write them (车家垱村 or 车家垱村委会 for
  // 车家垱村村民委员会, 埠河 for 埠河镇, 沙市 for 沙市区); a path may be separated by / - > \ 、
  // or spaces, or not at all (公安县埠河镇, or even 公安闸口中河). Where a name fits a region and
  // one of its own places (埠河: the town and its 埠河社区), the region above is meant.
  std::string resolve(const std::string& text) const;

  // The region an address names at its start, as offices write a household's 家庭住址
  // (公安县斑竹垱镇车家垱村三组18号 → 车家垱村): the whole text when it names a region, else its
  // longest beginning cut after a type word (村, 社区, 镇 …) that does. `note` is set when the
  // address goes on to a village or community that names nothing (the region found is above
  // it). Throws std::invalid_argument with a Chinese reason when no beginning names a region.
  std::string resolve_address(const std::string& text, std::string* note) const;

  // Every region `word` names as written or in short form, of the type it says (杨公堤村: the
  // village, not 杨公堤社区), within the subtree of `within` (itself included; "" for the whole
  // table) — villages included, as a search box names them. Empty when it names none.
  std::set<std::string> places_named(const std::string& word, const std::string& within) const;

  // The official name of the region `code` ("" for an unknown code).
  std::string name_of(const std::string& code) const;

  // The short form of a region's name that resolve also accepts: a note in brackets, then its
  // committee and type suffixes dropped (车家垱村村民委员会 → 车家垱, 万全社区居委会 → 万全,
  // 沙市区 → 沙市, 胜利村委会（邵家河） → 胜利).
  static std::string short_name(const std::string& name);

 private:
  struct Region {
    std::string name, parent;
    std::string folded, short_form;  // the name as a sheet's text is read, and its short form
  };
  // The regions a part of a path names, among the children of `parents` (anywhere when null);
  // those named exactly so alone when there are any and `exact_wins`.
  std::set<std::string> named(const std::string& part, const std::set<std::string>* parents,
                              bool exact_wins = true) const;
  // Every region `part` names as written or in short form (named exactly so or not), of the
  // type it says (村, 社区 …) when it says one.
  std::set<std::string> written_as(const std::string& part) const;
  // Drops from `codes` the regions not of the type `part` says after its short form (东湖村 is
  // no 东湖社区); keeps all when it says none.
  void keep_typed(const std::string& part, std::set<std::string>& codes) const;
  // Those of `codes` within `top` (itself included).
  std::set<std::string> within(const std::set<std::string>& codes, const std::string& top) const;
  // The regions the path parts[k…] leads to from `parents`; a part that names nothing may be
  // split after a type word (县, 镇, 村 …) into two.
  std::set<std::string> walk(const std::set<std::string>* parents, std::vector<std::string> parts,
                             size_t k, int splits) const;
  std::string resolve_uncached(const std::string& text) const;

  using NameIndex = std::unordered_multimap<std::string, std::string>;  // name → code
  std::unordered_map<std::string, Region> by_code_;
  NameIndex by_name_;                                                   // the folded name → code
  NameIndex by_short_;                                                  // short_name → code
  std::unordered_map<std::string, std::vector<std::string>> children_;  // parent → codes
  std::vector<std::string> tops_;
  std::string home_;  // the cities and counties: where a path may begin
  // Sheets repeat their villages: each text's code, or its error ("!" + reason). Locked, so
  // that one resolver may serve many threads (shared_region_resolver).
  mutable std::mutex memo_mu_;
  mutable std::unordered_map<std::string, std::string> memo_;
};

// The resolver of `db` without a home (every lookup as a province account's), loaded through
// `c` on the first call and kept as long as the database: for lookups on every request, such as
// the places a search names. Thread-safe.
const RegionResolver& shared_region_resolver(store::Db& db, store::Conn& c);

}  // namespace guiyan::service
