// A person's name as ledgers write it, reduced to one form, so that search, duplicate detection
// and the ID-less matching see 王芳 whichever way a sheet padded or punctuated it.
#pragma once

#include <string>
#include <string_view>

namespace guiyan::core {

// `name` (UTF-8, full-width forms already folded or not) in its one stored form: spaces that pad
// a Chinese name to the width of a longer one ("王  芳", "王　芳") taken out — any run of spaces
// with a Han character or a name dot on both sides —, other runs of spaces made one ("John
// Smith"), and the dots that separate the parts of a name (阿依古丽·买买提, written with • ・ . and
// the like) written as U+00B7 where a Han character stands on both sides. Leading and trailing
// spaces are trimmed. Nothing else changes.
std::string normalize_personal_name(std::string_view name);

}  // namespace guiyan::core
