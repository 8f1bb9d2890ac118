// Turns what a sheet says about an industry — a GB/T 4754 code (C, 36, C36) or a section or
// division name (制造业, 汽车制造业) — into its code. Shared by the ledger imports.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "store/db.h"

namespace guiyan::service {

class IndustryResolver {
 public:
  // Loads the industry table once.
  explicit IndustryResolver(store::Conn& c) {
    c.run("SELECT code, name FROM industry", {}, [&](const store::Row& r) {
      codes_[r.text(1)] = r.text(0);
      codes_[r.text(0)] = r.text(0);
    });
  }
  // The code of a section or division written as its code or its name, also without its
  // closing 业 as offices shorten it (餐饮 for 餐饮业, 建筑 for 建筑业); nullopt when none. The
  // start of a longer name is not enough: 汽车 may be 汽车制造业 or the trade in cars.
  std::optional<std::string> code(const std::string& text) const {
    std::string t = text;
    for (auto& ch : t) {
      if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
    }
    if (t.size() == 3 && t[0] >= 'A' && t[0] <= 'T') t = t.substr(1);  // "C36" → "36"
    if (auto it = codes_.find(t); it != codes_.end()) return it->second;
    // At least two characters (a CJK character is 3 bytes): 农 alone says too little.
    if (t.size() < 6) return std::nullopt;
    if (auto it = codes_.find(t + "业"); it != codes_.end()) return it->second;
    return std::nullopt;
  }

 private:
  std::map<std::string, std::string> codes_;  // code or name → code
};

}  // namespace guiyan::service
