#include "service/region_resolver.h"

#include <set>
#include <stdexcept>

#include "core/text.h"

namespace guiyan::service {

RegionResolver::RegionResolver(store::Conn& c) {
  c.run("SELECT code, name, COALESCE(parent_code, '') FROM region", {}, [&](const store::Row& r) {
    by_code_[r.text(0)] = {r.text(1), r.text(2)};
    by_name_.emplace(r.text(1), r.text(0));
  });
}

std::string RegionResolver::resolve(const std::string& raw) const {
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
  if (!parts.empty() && parts.front() == "湖北省") parts.erase(parts.begin());
  if (parts.empty()) throw std::invalid_argument("地区为空");
  // Candidates for the first name anywhere, then each next name among their children.
  std::set<std::string> candidates;
  auto [lo, hi] = by_name_.equal_range(parts.front());
  for (auto it = lo; it != hi; ++it) candidates.insert(it->second);
  for (size_t k = 1; k < parts.size() && !candidates.empty(); ++k) {
    std::set<std::string> next;
    auto [a, b] = by_name_.equal_range(parts[k]);
    for (auto it = a; it != b; ++it) {
      if (candidates.count(by_code_.at(it->second).parent)) next.insert(it->second);
    }
    candidates = std::move(next);
  }
  if (candidates.empty()) throw std::invalid_argument("“" + text + "”找不到对应的行政区划");
  if (candidates.size() > 1) {
    throw std::invalid_argument("“" + text + "”有" + std::to_string(candidates.size()) +
                                "个同名区划，请写出上级区划，如 荆州市/公安县/埠河镇");
  }
  return *candidates.begin();
}

}  // namespace guiyan::service
