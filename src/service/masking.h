// Masking of personal data for accounts that may not see it in full.
#pragma once

#include <string>
#include <string_view>

namespace guiyan::service {

// "420102199001011234" → "4201**********1234"; values shorter than 9 characters are fully starred.
std::string mask_id_number(std::string_view id);
// "13812345678" → "138****5678"; "0716-8514460" → "0716-***4460"; short values fully starred.
std::string mask_phone(std::string_view phone);

}  // namespace guiyan::service
