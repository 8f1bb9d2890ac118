#include "service/region_resolver.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <stdexcept>

#include "core/text.h"

namespace guiyan::service {

namespace {

// UTF-8 characters in `s`.
size_t chars(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// `s` without `suffix` when it ends with it and at least two characters remain; else "".
std::string without_suffix(const std::string& s, const char* const* suffixes, size_t count) {
  for (size_t i = 0; i < count; ++i) {
    std::string_view suffix = suffixes[i];
    if (s.ends_with(suffix) &&
        chars(std::string_view(s).substr(0, s.size() - suffix.size())) >= 2) {
      return s.substr(0, s.size() - suffix.size());
    }
  }
  return "";
}

// Longest first, so that 村民委员会 is taken before 委员会.
constexpr const char* kCommittee[] = {"村民委员会", "居民委员会", "村民委员", "居民委员", "村委会",
                                      "居委会",     "委员会",     "村委",     "居委"};
constexpr const char* kType[] = {"街道办事处", "办事处", "街道", "社区", "自治县", "村",
                                 "镇",         "乡",     "县",   "区",   "市"};
// True when a name is written as a village or community's: 车家垱村, 埠河社区, 东升村委会.
bool says_village(const std::string& part) {
  for (const char* word : {"村", "社区", "委会", "委员会", "委员", "居委", "村委"}) {
    if (part.ends_with(word)) return true;
  }
  return false;
}

// Where a path written without separators may be cut: after a type word.
constexpr const char* kCutAfter[] = {"省",   "市",     "县",   "区",     "镇",   "乡",
                                     "街道", "办事处", "社区", "委员会", "委会", "村"};

// What follows the last type word of `part` that has a name before it and something after
// (公安县埠河镇中河村 → 中河村); `part` itself when there is none.
std::string after_last_cut(const std::string& part) {
  size_t best = 0;
  for (const char* word : kCutAfter) {
    std::string_view w = word;
    for (size_t at = part.find(w); at != std::string::npos; at = part.find(w, at + 1)) {
      // Not the village's own type word at the very end, nor a prefix standing alone.
      if (at > 0 && at + w.size() < part.size()) best = std::max(best, at + w.size());
    }
  }
  return best ? part.substr(best) : part;
}

// A village group at the end of a part (中河村五组 → 五组, 3组, 十一队), or "".
std::string trailing_group(const std::string& part) {
  static const std::string kDigits = "0123456789一二三四五六七八九十";
  for (const char* word : {"组", "队"}) {
    if (!part.ends_with(word)) continue;
    size_t end = part.size() - std::string_view(word).size(), at = end;
    // Step back over digits, ASCII (1 byte) or Chinese numerals (3 bytes each).
    while (at > 0) {
      if (std::isdigit(static_cast<unsigned char>(part[at - 1]))) {
        --at;
      } else if (at >= 3 && kDigits.find(part.substr(at - 3, 3)) != std::string::npos &&
                 static_cast<unsigned char>(part[at - 3]) >= 0xE0) {
        at -= 3;
      } else {
        break;
      }
    }
    // A group follows its village: something before the number, and a number at all.
    if (at < end && at > 0) return part.substr(at);
  }
  return {};
}

}  // namespace

std::string RegionResolver::short_name(const std::string& name) {
  // A note in brackets is no part of the name as offices write it: 胜利村委会（邵家河） →
  // 胜利村委会, 汤台（新汤台）村委会 → 汤台村委会, 烈山居委会（社区） → 烈山居委会.
  // Most names have none (a region table's load calls this for each of its 28,651 names).
  bool bracketed = name.find_first_of("()\xEF") != std::string::npos;
  std::string s = bracketed ? "" : name;
  int depth = 0;
  for (size_t i = 0; bracketed && i < name.size();) {
    size_t len = 1;
    bool open = name[i] == '(', close = name[i] == ')';
    if (name.compare(i, 3, "（") == 0 || name.compare(i, 3, "）") == 0) {
      len = 3;
      open = name.compare(i, 3, "（") == 0;
      close = !open;
    }
    if (open) {
      ++depth;
    } else if (close) {
      depth = std::max(0, depth - 1);
    } else if (depth == 0) {
      s.append(name, i, len);
    }
    i += len;
  }
  if (s.empty()) s = name;
  if (auto cut = without_suffix(s, kCommittee, std::size(kCommittee)); !cut.empty()) s = cut;
  if (auto cut = without_suffix(s, kType, std::size(kType)); !cut.empty()) s = cut;
  return s;
}

RegionResolver::RegionResolver(store::Conn& c, std::string home) : home_(std::move(home)) {
  // Every import and search starts here: one pass, each text made once, hashed indexes sized
  // for the province (a map of 28,651 names was most of a small import's time).
  int64_t regions = store::query_int(c, "SELECT COUNT(*) FROM region");
  by_code_.reserve(static_cast<size_t>(regions));
  by_name_.reserve(static_cast<size_t>(regions));
  by_short_.reserve(static_cast<size_t>(regions));
  c.run("SELECT code, name, COALESCE(parent_code, '') FROM region", {}, [&](const store::Row& r) {
    std::string code = r.text(0), parent = r.text(2);
    Region region{r.text(1), parent, "", ""};
    // Keyed as a sheet's text is read (full-width brackets and letters folded): a name such
    // as 东湖风景区街道（武昌） matches itself as written.
    region.folded = core::encode_utf8(core::decode_folded(region.name));
    region.short_form = short_name(region.folded);
    by_name_.emplace(region.folded, code);
    by_short_.emplace(region.short_form, code);
    if (code.size() == 6 && !parent.empty()) tops_.push_back(code);
    children_[parent].push_back(code);
    by_code_.emplace(std::move(code), std::move(region));
  });
}

std::set<std::string> RegionResolver::written_as(const std::string& part) const {
  std::set<std::string> out = named(part, nullptr, false);
  keep_typed(part, out);
  return out;
}

void RegionResolver::keep_typed(const std::string& part, std::set<std::string>& codes) const {
  // 东湖村 is 东湖村村民委员会 or 东湖村委会, not 东湖社区: the type word after the short form,
  // where the part has one, must follow it in the region's name too.
  std::string stem = short_name(part);
  if (stem.size() < part.size() && part.starts_with(stem)) {
    unsigned char lead = static_cast<unsigned char>(part[stem.size()]);
    size_t len = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    std::string typed = part.substr(0, stem.size() + len);
    std::erase_if(codes, [&](const std::string& code) {
      return !by_code_.at(code).folded.starts_with(typed);
    });
  }
}

std::set<std::string> RegionResolver::within(const std::set<std::string>& codes,
                                             const std::string& top) const {
  std::set<std::string> mine;
  for (const auto& code : codes) {
    std::string up = code;
    while (up != top && !up.empty()) up = by_code_.at(up).parent;
    if (up == top) mine.insert(code);
  }
  return mine;
}

std::set<std::string> RegionResolver::places_named(const std::string& word,
                                                   const std::string& top) const {
  std::string folded = core::encode_utf8(core::trim(core::decode_folded(word)));
  if (chars(folded) < 2) return {};
  std::set<std::string> out;
  auto take = [&](const NameIndex& index, const std::string& key) {
    auto [lo, hi] = index.equal_range(key);
    for (auto it = lo; it != hi; ++it) out.insert(it->second);
  };
  take(by_name_, folded);
  take(by_short_, folded);
  if (std::string shorter = short_name(folded); shorter != folded) take(by_short_, shorter);
  keep_typed(folded, out);
  return top.empty() ? out : within(out, top);
}

std::set<std::string> RegionResolver::named(const std::string& part,
                                            const std::set<std::string>* parents,
                                            bool exact_wins) const {
  std::set<std::string> out;
  auto take = [&](const NameIndex& index, const std::string& key) {
    auto [lo, hi] = index.equal_range(key);
    for (auto it = lo; it != hi; ++it) {
      if (!parents || parents->count(by_code_.at(it->second).parent)) out.insert(it->second);
    }
  };
  take(by_name_, part);
  if (!out.empty() && exact_wins) return out;  // the name as written wins over a short form
  take(by_short_, part);
  if (std::string shorter = short_name(part); shorter != part) take(by_short_, shorter);
  // A bare short name found anywhere means a town or above: 火星 is not the village 火星村委会
  // somewhere in the province. With its town before it, or written as a village (新河村), it
  // may be a village.
  if (!parents && !says_village(part)) {
    std::erase_if(out, [](const std::string& code) { return code.size() == 12; });
  }
  return out;
}

std::set<std::string> RegionResolver::walk(const std::set<std::string>* parents,
                                           std::vector<std::string> parts, size_t k,
                                           int splits) const {
  if (k == parts.size()) return parents ? *parents : std::set<std::string>{};
  const std::string part = parts[k];
  if (auto here = named(part, parents); !here.empty()) {
    if (auto found = walk(&here, parts, k + 1, splits); !found.empty()) return found;
  }
  if (splits >= 4) return {};
  // 公安县埠河镇: cut after each type word in turn and go on with the rest.
  for (size_t at = 0; at < part.size(); ++at) {
    for (const char* word : kCutAfter) {
      std::string_view w = word;
      if (part.compare(at, w.size(), w) != 0 || at + w.size() >= part.size()) continue;
      std::string left = part.substr(0, at + w.size());
      auto here = named(left, parents);
      if (here.empty()) continue;
      std::vector<std::string> cut = parts;
      cut[k] = part.substr(at + w.size());
      cut.insert(cut.begin() + static_cast<std::ptrdiff_t>(k), left);
      if (auto found = walk(&here, cut, k + 1, splits + 1); !found.empty()) return found;
    }
  }
  // 公安闸口中河: names written without their type words, cut where a place's name begins the
  // part; only the children of the places already found, or the cities and counties at the
  // start, are tried, so a text that names nothing costs a few hundred comparisons.
  std::vector<const std::string*> under;
  if (!parents) {
    for (const auto& code : tops_) under.push_back(&code);
  } else {
    for (const auto& parent : *parents) {
      auto kids = children_.find(parent);
      if (kids == children_.end()) continue;
      for (const auto& code : kids->second) under.push_back(&code);
    }
  }
  for (const std::string* code : under) {
    const Region& r = by_code_.at(*code);
    for (const std::string* name : {&r.folded, &r.short_form}) {
      // Two characters at least, and something left after it.
      if (name->size() < 6 || name->size() >= part.size() || !part.starts_with(*name)) continue;
      std::set<std::string> here{*code};
      std::vector<std::string> cut = parts;
      cut[k] = part.substr(name->size());
      cut.insert(cut.begin() + static_cast<std::ptrdiff_t>(k), *name);
      if (auto found = walk(&here, cut, k + 1, splits + 1); !found.empty()) return found;
    }
  }
  return {};
}

std::string RegionResolver::resolve(const std::string& raw) const {
  std::string answer;
  {
    std::lock_guard<std::mutex> lock(memo_mu_);
    if (auto it = memo_.find(raw); it != memo_.end()) answer = it->second;
  }
  if (answer.empty()) {
    try {
      answer = resolve_uncached(raw);
    } catch (const std::invalid_argument& e) {
      answer = std::string("!") + e.what();
    }
    std::lock_guard<std::mutex> lock(memo_mu_);
    // A province has ~28,000 places; a file of endless distinct texts is not kept whole.
    if (memo_.size() >= 100000) memo_.clear();
    memo_.emplace(raw, answer);
  }
  if (answer.starts_with("!")) throw std::invalid_argument(answer.substr(1));
  return answer;
}

std::string RegionResolver::name_of(const std::string& code) const {
  auto it = by_code_.find(code);
  return it == by_code_.end() ? "" : it->second.name;
}

std::string RegionResolver::resolve_address(const std::string& raw, std::string* note) const {
  std::string text = core::encode_utf8(core::trim(core::decode_folded(raw)));
  if (text.empty()) throw std::invalid_argument("地址为空");
  // The code of `prefix`, or "" when it names nothing. A place with namesakes is no beginning to
  // cut shorter: its reason (write the place above it) is the answer.
  auto named = [&](const std::string& prefix) {
    try {
      return resolve(prefix);
    } catch (const std::invalid_argument& e) {
      if (std::string_view(e.what()).find("同名区划") != std::string_view::npos) throw;
      return std::string();
    }
  };
  if (std::string code = named(text); !code.empty()) return code;
  std::vector<size_t> cuts;
  for (const char* word : kCutAfter) {
    std::string_view w = word;
    for (size_t at = text.find(w); at != std::string::npos; at = text.find(w, at + 1)) {
      if (at > 0 && at + w.size() < text.size()) cuts.push_back(at + w.size());
    }
  }
  std::sort(cuts.begin(), cuts.end(), std::greater<>());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  for (size_t cut : cuts) {
    std::string code = named(text.substr(0, cut));
    if (code.empty()) continue;
    std::string rest = text.substr(cut);
    if (note && code.size() < 12) {
      // 埠河镇中和村3组: the town is found, the village written after it is not.
      size_t end = std::string::npos;
      for (std::string_view word : {"村", "社区", "居委会"}) {
        size_t at = rest.find(word);
        if (at != std::string::npos) end = std::min(end, at + word.size());
      }
      if (end != std::string::npos) {
        *note = "地址中的“" + rest.substr(0, end) + "”在“" + text.substr(0, cut) +
                "”下未找到，户籍地按" + name_of(code) + "记录";
      }
    }
    return code;
  }
  throw std::invalid_argument("“" + text +
                              "”开头找不到对应的行政区划（应以县、乡镇、村或社区开头）");
}

std::string RegionResolver::resolve_uncached(const std::string& raw) const {
  std::string text = core::encode_utf8(core::trim(core::decode_folded(raw)));
  bool digits = !text.empty() && text.find_first_not_of("0123456789") == std::string::npos;
  if (digits) {
    if (by_code_.count(text)) return text;
    throw std::invalid_argument("区划代码“" + text + "”不存在");
  }
  std::vector<std::string> parts;
  std::string cur;
  for (size_t i = 0; i < text.size();) {
    bool sep =
        text[i] == '/' || text[i] == '-' || text[i] == '>' || text[i] == ' ' || text[i] == '\\';
    size_t len = 1;
    if (!sep && (text.compare(i, 3, "、") == 0 || text.compare(i, 3, "／") == 0)) {
      sep = true;
      len = 3;
    }
    if (sep) {
      if (!cur.empty()) parts.push_back(cur);
      cur.clear();
    } else {
      cur.append(text, i, 1);
    }
    i += len;
  }
  if (!cur.empty()) parts.push_back(cur);
  if (!parts.empty() && (parts.front() == "湖北省" || parts.front() == "湖北")) {
    parts.erase(parts.begin());
  }
  if (parts.empty()) throw std::invalid_argument("地区为空");
  std::set<std::string> candidates = walk(nullptr, parts, 0, 0);
  // An office writes its own places by name alone: the one within the account's region is meant
  // before namesakes elsewhere, even one named exactly so (a 公安县 clerk's 东湖村 is 公安县's
  // 东湖村村民委员会, not 潜江市's 东湖村).
  bool at_home = false;  // the candidates are those within the account's region
  if (!home_.empty()) {
    auto mine = within(candidates, home_);
    if (mine.empty() && parts.size() == 1) mine = within(written_as(parts[0]), home_);
    if (!mine.empty()) {
      candidates = std::move(mine);
      at_home = true;
    }
  }
  if (candidates.empty()) {
    // A village group (五组, 3组, 十一队) is below the region table: the cell should stop at the
    // village and the group go to the address.
    std::string group = trailing_group(parts.back());
    if (!group.empty()) {
      std::string village = parts.back().substr(0, parts.back().size() - group.size());
      throw std::invalid_argument("“" + text + "”找不到对应的行政区划：村民小组“" + group +
                                  "”不在区划表中，请写到村（" + village + "），组写在地址里");
    }
    std::string hint;
    // The last name alone may be one place elsewhere: a town or county written wrong. Written
    // without separators (公安县埠河镇中河村), the last name is what follows the last type word.
    std::string last = parts.back();
    if (parts.size() == 1) last = after_last_cut(last);
    if (last != text) {
      auto alone = walk(nullptr, {last}, 0, 0);
      if (alone.size() == 1) {
        std::string path;
        for (std::string up = *alone.begin(); !up.empty() && by_code_.at(up).parent != "";
             up = by_code_.at(up).parent) {
          path = by_code_.at(up).name + (path.empty() ? "" : "/") + path;
        }
        hint = "（" + last + " 在 " + path + "）";
      }
    }
    throw std::invalid_argument("“" + text + "”找不到对应的行政区划" + hint);
  }
  if (candidates.size() > 1) {
    // A name that fits a region and places of its own (埠河: the town and its 埠河社区) means
    // the region above them.
    for (const auto& top : candidates) {
      bool above_all = true;
      for (const auto& other : candidates) {
        std::string up = other;
        while (up != top && !up.empty()) up = by_code_.at(up).parent;
        above_all = above_all && up == top;
      }
      if (above_all) return top;
    }
    throw std::invalid_argument("“" + text + (at_home ? "”在您的辖区内有" : "”有") +
                                std::to_string(candidates.size()) +
                                "个同名区划，请写出上级区划，如 荆州市/公安县/埠河镇");
  }
  return *candidates.begin();
}

namespace {

// The resolver a database keeps (Db::attachment), loaded once.
struct SharedResolver {
  std::once_flag once;
  std::unique_ptr<RegionResolver> resolver;
};

}  // namespace

const RegionResolver& shared_region_resolver(store::Db& db, store::Conn& c) {
  auto& shared = db.attachment<SharedResolver>();
  std::call_once(shared.once, [&] { shared.resolver = std::make_unique<RegionResolver>(c); });
  return *shared.resolver;
}

}  // namespace guiyan::service
