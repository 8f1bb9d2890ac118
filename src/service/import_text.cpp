#include "service/import_text.h"

#include <variant>

namespace guiyan::service {

bool append_texts(std::map<std::string, store::Value>& values, const core::Field& f,
                  const std::vector<std::string>& texts, const std::string& sep,
                  const std::string& today) {
  auto held = values.find(f.name);
  const std::string* was = held == values.end() ? nullptr : std::get_if<std::string>(&held->second);
  std::string text = was ? *was : "";
  for (const std::string& t : texts) {
    if (text.find(t) == std::string::npos) text += (text.empty() ? "" : sep) + t;
  }
  if (!core::normalize_text(f, text, today).ok()) return false;
  values[f.name] = text;
  return true;
}

}  // namespace guiyan::service
