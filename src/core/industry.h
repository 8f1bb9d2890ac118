// GB/T 4754-2017 industry codes: the section (门类) a division (大类) belongs to.
#pragma once

#include <string>
#include <string_view>

namespace guiyan::core {

// The section letter of a code: a section letter A–T is itself, a two-digit division 01–97 its
// section (13–43 → C …); "" for anything else.
std::string industry_section(std::string_view code);

// The same section as one letter, '\0' for anything else (for comparing many codes quickly).
char industry_section_letter(std::string_view code);

}  // namespace guiyan::core
