#include "service/sheet_headers.h"

#include "core/text.h"

namespace guiyan::service {

std::string clean_header(const std::string& h) {
  std::string s = core::encode_utf8(core::trim(core::decode_folded(h)));
  std::string out;
  for (char c : s) {
    if (c != ' ' && c != '*') out += c;  // "*姓名" marks required columns in many templates
  }
  return out;
}

std::string header_field(const std::vector<core::Field>& fields,
                         const std::map<std::string, std::string>& words,
                         const std::string& header) {
  std::string h = clean_header(header);
  if (h.empty()) return {};
  auto lookup = [&](const std::string& key) -> std::string {
    for (const auto& f : fields) {
      if (f.label == key) return f.name;
    }
    auto it = words.find(key);
    return it == words.end() ? std::string{} : it->second;
  };
  std::string f = lookup(h);
  if (!f.empty()) return f;
  for (const char* open : {"（", "("}) {
    auto pos = h.find(open);
    if (pos != std::string::npos && pos > 0) {
      f = lookup(h.substr(0, pos));
      if (!f.empty()) return f;
    }
  }
  return {};
}

}  // namespace guiyan::service
