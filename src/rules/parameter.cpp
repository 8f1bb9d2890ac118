#include "rules/parameter.h"

namespace guiyan::rules {

const ParameterValue* Parameter::at(core::Date on, std::string_view region) const {
  const ParameterValue* best = nullptr;
  for (const auto& entry : values) {
    if (on < entry.from) continue;
    if (!region.starts_with(entry.region)) continue;
    if (!best || entry.region.size() > best->region.size() ||
        (entry.region.size() == best->region.size() && best->from < entry.from)) {
      best = &entry;
    }
  }
  return best;
}

}  // namespace guiyan::rules
