#include "service/intention_amount.h"

#include "core/merchant_fields.h"
#include "service/sheet_headers.h"

namespace guiyan::service {

std::optional<AmountRange> intention_amount(const std::string& cell, const std::string& today,
                                            const std::string& unit) {
  const core::Field& f = *core::find_merchant_field("intention_min_wan");
  std::string s = clean_header(cell);
  enum { exact, at_least, at_most } open = exact;
  for (auto [word, kind] :
       {std::pair{"以上", at_least}, std::pair{"以下", at_most}, std::pair{"以内", at_most}}) {
    std::string_view w = word;
    if (s.size() > w.size() && s.ends_with(w)) {
      s.resize(s.size() - w.size());
      if (s.ends_with("及")) s.resize(s.size() - std::string_view("及").size());
      open = kind;
      break;
    }
  }
  for (const char* dash : {"～", "~", "—", "－", "至", "到"}) {
    for (size_t pos; (pos = s.find(dash)) != std::string::npos;) {
      s.replace(pos, std::string(dash).size(), "-");
    }
  }
  auto amount = [&](const std::string& t) -> std::optional<int64_t> {
    auto v = core::normalize_text(f, sum_in_unit(f, t, unit), today);
    if (!v.ok() || !std::holds_alternative<int64_t>(v.value)) return std::nullopt;
    return std::get<int64_t>(v.value);
  };
  auto dash = s.find('-');
  if (dash == std::string::npos) {
    auto v = amount(s);
    if (!v) return std::nullopt;
    if (open == at_least) return AmountRange{v, std::nullopt};
    if (open == at_most) return AmountRange{std::nullopt, v};
    return AmountRange{v, v};
  }
  if (open != exact) return std::nullopt;
  std::string lo_text = s.substr(0, dash), hi_text = s.substr(dash + 1);
  for (const char* unit : {"万元", "亿元", "元", "万", "亿"}) {
    std::string_view u = unit;
    if (hi_text.ends_with(u)) {
      bool lo_has_unit = false;
      for (const char* other : {"元", "万", "亿"}) lo_has_unit |= lo_text.ends_with(other);
      if (!lo_has_unit) lo_text += unit;
      break;
    }
  }
  auto lo = amount(lo_text), hi = amount(hi_text);
  if (!lo || !hi || *lo > *hi) return std::nullopt;
  return AmountRange{lo, hi};
}

}  // namespace guiyan::service
