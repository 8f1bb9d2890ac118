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
  // The code of a section or division written as its code or its name; nullopt when neither.
  std::optional<std::string> code(const std::string& text) const {
    std::string t = text;
    for (auto& ch : t) {
      if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
    }
    if (t.size() == 3 && t[0] >= 'A' && t[0] <= 'T') t = t.substr(1);  // "C36" → "36"
    auto it = codes_.find(t);
    if (it == codes_.end()) return std::nullopt;
    return it->second;
  }

 private:
  std::map<std::string, std::string> codes_;  // code or name → code
};

}  // namespace guiyan::service
