#include "service/work_place.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <stdexcept>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/text.h"
#include "store/embedded.h"

namespace guiyan::service {
namespace {

struct Place {
  std::string province;
  std::string full;  // the name in full, for a short name's completion
};

// Names (full and short) of provinces and of places, read once from data/places_cn.tsv.
struct Places {
  std::unordered_map<std::string, std::string> provinces;  // name or short name → full
  std::unordered_map<std::string, Place> places;           // name or unique short name
  size_t longest = 0;                                      // bytes of the longest name
};

std::string without_suffix(const std::string& name, const std::vector<std::string_view>& suffixes) {
  for (auto s : suffixes) {
    if (name.size() > s.size() + 3 && name.ends_with(s))
      return name.substr(0, name.size() - s.size());
  }
  return {};
}

const Places& places() {
  static const Places p = [] {
    Places out;
    auto text = store::embedded_file("data/places_cn.tsv");
    if (!text) throw std::runtime_error("data/places_cn.tsv is not embedded");
    std::map<std::string, std::vector<Place>> shorts;
    for (const auto& line : core::split(*text, '\n')) {
      if (line.empty() || line[0] == '#') continue;
      auto cols = core::split(line, '\t');
      if (cols.size() != 3) throw std::runtime_error("data/places_cn.tsv: " + line);
      const std::string &name = cols[0], &province = cols[1], &city = cols[2];
      if (city.empty()) {
        out.provinces[name] = name;
        std::string s = without_suffix(
            name, {"壮族自治区", "回族自治区", "维吾尔自治区", "自治区", "特别行政区", "省", "市"});
        if (!s.empty()) out.provinces[s] = name;
        continue;
      }
      out.places[name] = {province, name};
      // Short names: 东莞 for 东莞市, 义乌 for 义乌市, 大兴安岭 for 大兴安岭地区 — where unique.
      std::string s = without_suffix(name, {"市", "地区", "盟"});
      if (!s.empty()) shorts[s].push_back({province, name});
    }
    for (auto& [s, list] : shorts) {
      if (list.size() == 1 && !out.places.count(s) && !out.provinces.count(s)) {
        out.places[s] = list[0];
      }
    }
    for (const auto& [name, _] : out.provinces) out.longest = std::max(out.longest, name.size());
    for (const auto& [name, _] : out.places) out.longest = std::max(out.longest, name.size());
    return out;
  }();
  return p;
}

// The longest key of `map` that begins `s`, as an iterator (end() when none): tried at each
// character boundary from the longest name down to two characters.
template <typename Map>
typename Map::const_iterator longest_prefix(const Map& map, const std::string& s, size_t longest) {
  for (size_t n = std::min(s.size(), longest); n >= 6; --n) {
    if (n < s.size() && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) continue;
    if (auto it = map.find(s.substr(0, n)); it != map.end()) return it;
  }
  return map.end();
}

// The words that say "abroad" without naming where.
constexpr std::string_view kAbroadWords[] = {"境外", "国外", "出国", "海外"};

const std::vector<std::string_view>& countries() {
  static const std::vector<std::string_view> c = {
      "日本", "韩国",   "新加坡",   "马来西亚",   "泰国",   "越南",     "柬埔寨",
      "老挝", "缅甸",   "印尼",     "印度尼西亚", "菲律宾", "阿联酋",   "迪拜",
      "沙特", "卡塔尔", "科威特",   "以色列",     "俄罗斯", "澳大利亚", "新西兰",
      "美国", "加拿大", "英国",     "德国",       "法国",   "意大利",   "西班牙",
      "非洲", "安哥拉", "尼日利亚", "阿尔及利亚", "埃及",   "巴西",     "蒙古国"};
  return c;
}

bool starts_with_country(std::string_view s) {
  for (auto w : countries()) {
    if (s.starts_with(w)) return true;
  }
  return false;
}

// True for a place abroad: the words for it anywhere, or a country at the start.
bool abroad(const std::string& s) {
  for (std::string_view w : kAbroadWords) {
    if (s.find(w) != std::string::npos) return true;
  }
  return starts_with_country(s);
}

// The place abroad without the word that says so when a country follows it: "国外(日本)",
// "境外/日本" → "日本"; anything else as written.
std::string place_abroad(const std::string& s) {
  for (std::string_view w : kAbroadWords) {
    if (!s.starts_with(w)) continue;
    std::string_view rest = std::string_view(s).substr(w.size());
    bool bracket = rest.starts_with("(");
    while (!rest.empty() &&
           std::string_view("(/-:,").find(rest.front()) != std::string_view::npos) {
      rest.remove_prefix(1);
    }
    if (bracket && rest.ends_with(")")) rest.remove_suffix(1);
    if (starts_with_country(rest)) return std::string(rest);
  }
  return s;
}

// `text` folded to half-width, without spaces.
std::string compact(const std::string& text) {
  std::string s;
  for (char32_t c : core::decode_folded(text)) {
    if (!core::is_space(c)) s += core::encode_utf8(std::u32string(1, c));
  }
  return s;
}

// True for a compacted text that says the person does not work away.
bool not_away(const std::string& s) {
  static constexpr std::string_view kWords[] = {
      "家里", "家中", "居家", "务农",   "本地",     "当地",   "本县",   "本市",
      "本镇", "本乡", "本村", "未外出", "没有外出", "无外出", "没外出", "未出去"};
  return s.starts_with("在家") ||
         std::find(std::begin(kWords), std::end(kWords), s) != std::end(kWords);
}

}  // namespace

bool says_not_away(const std::string& text) {
  return not_away(compact(text));
}

WorkPlace split_work_place(const std::string& text) {
  std::string s = compact(text);
  if (s.empty()) return {};
  if (not_away(s)) return {"", "", true};
  if (abroad(s)) {
    bool bare =
        std::find(std::begin(kAbroadWords), std::end(kAbroadWords), s) != std::end(kAbroadWords);
    return {"境外", bare ? "" : place_abroad(s)};
  }
  const Places& p = places();
  auto province = longest_prefix(p.provinces, s, p.longest);
  auto place = longest_prefix(p.places, s, p.longest);
  // 吉林市 is the city, not the province 吉林 and a 市.
  if (place != p.places.end() &&
      (province == p.provinces.end() || place->first.size() > province->first.size())) {
    return {place->second.province, s == place->first ? place->second.full : s};
  }
  if (auto it = province; it != p.provinces.end()) {
    std::string rest = s.substr(it->first.size());
    // 广东东莞 → 东莞市; a place of another province keeps the text as written.
    if (auto named = p.places.find(rest);
        named != p.places.end() && named->second.province == it->second) {
      rest = named->second.full;
    }
    return {it->second, rest};
  }
  return {"", s};
}

}  // namespace guiyan::service
