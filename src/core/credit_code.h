// Unified social credit code (统一社会信用代码, GB 32100-2015) validation.
#pragma once

#include <string>
#include <string_view>

namespace guiyan::core {

struct CreditCodeResult {
  bool valid = false;
  // Input trimmed of surrounding whitespace, full-width characters folded, upper-cased.
  std::string normalized;
  // Empty when valid; otherwise "empty", "length", "character", "authority" or "check".
  std::string reason_code;
  // Chinese message naming the problem; empty when valid.
  std::string reason;
  // The fields below are filled only when valid.
  std::string authority_code;     // character 1: registration authority
  std::string authority_name;     // e.g. "市场监管(工商)"
  std::string type_code;          // character 2: organisation type within the authority
  std::string type_name;          // e.g. "企业"; empty when the standard lists no such type
  std::string region_code;        // characters 3-8: GB/T 2260 code of the registering office
  std::string organisation_code;  // characters 9-17: organisation code (主体标识码)
};

// Validates an 18-character unified social credit code.
CreditCodeResult check_credit_code(std::string_view input);

// The first 17 characters (from the code's character set) with their check character appended:
// a valid code for demo data and tests.
std::string complete_credit_code(std::string_view first17);

}  // namespace guiyan::core
