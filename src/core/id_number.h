// Resident ID number (居民身份证号码, GB 11643-1999) validation.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"

namespace guiyan::core {

struct IdNumberResult {
  bool valid = false;
  // Input trimmed of surrounding whitespace and of a leading apostrophe (Excel's text mark),
  // full-width characters folded, "x" upper-cased.
  std::string normalized;
  // Empty when valid; otherwise "empty", "first_generation", "scientific" (Excel's "4.21022E+17":
  // digits lost), "length", "character", "province", "date" or "check".
  std::string reason_code;
  // Chinese message naming the problem; empty when valid.
  std::string reason;
  // The fields below are filled only when valid.
  std::string birth_date;     // "YYYY-MM-DD"
  std::string gender;         // "male" or "female" (17th digit odd = male)
  std::string region_code;    // first 6 digits
  std::string province_code;  // first 2 digits
  std::string province_name;  // e.g. "湖北省"
  // True for residence permits of Hong Kong, Macao (81, 82) and Taiwan (83) residents.
  bool residence_permit = false;
  // Chinese notes that do not make the number invalid, e.g. an age over 120.
  std::vector<std::string> warnings;
};

// Validates an 18-character ID number (or 81/82/83 residence permit number) as of `today`.
IdNumberResult check_id_number(std::string_view input, Date today);

// The normalised form of a number that failed the check but looks like a mistyped ID number
// (15 to 18 digits, an X only last): what the registry keeps as an unverified number (待核实);
// nullopt for anything else.
std::optional<std::string> unverified_id_number(std::string_view input);

// Chinese name of the province-level division with this 2-digit code; empty when unknown.
std::string_view province_name(std::string_view code);

// The 18-character ID number made of 17 digits and their ISO 7064 MOD 11-2 check character
// (for generated demo, test and benchmark data). `first17` must be 17 ASCII digits.
std::string complete_id_number(std::string_view first17);

}  // namespace guiyan::core
