// The rules that call two registry records probably the same person (疑似重复), with a score
// and the reasons staff see in the review queue.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/person_vocabulary.h"

namespace guiyan::core {

// What the rules compare; empty strings for unknown values.
struct DuplicateRecord {
  std::string name;
  std::string phone, phone2;
  std::string birth_date;     // YYYY-MM-DD
  std::string region_code;    // household region, down to the village (12 digits)
  std::string id_number;      // a valid, normalised ID number
  std::string id_number_raw;  // what a source gave when it was not valid
};

struct DuplicateMatch {
  int score = 0;                     // 1–100
  std::vector<std::string> reasons;  // keys of duplicate_reasons(), strongest first
};

// The reasons and their Chinese labels (same_name, same_phone, id_number_typo …).
const std::vector<Term>& duplicate_reasons();

// A probable duplicate when the names are equal, the two do not hold two different valid ID
// numbers, and they share a phone, or a birth date and village, or ID numbers one typo apart.
// nullopt otherwise.
std::optional<DuplicateMatch> match_duplicate(const DuplicateRecord& a, const DuplicateRecord& b);

// The name as compared: whitespace (ASCII and full-width) removed.
std::string duplicate_name_key(std::string_view name);

// True when two 15–18 character identifiers differ by one substituted character, two swapped
// neighbours, or a first-generation 15-digit number against its 18-digit form.
bool id_numbers_one_typo_apart(std::string_view a, std::string_view b);

}  // namespace guiyan::core
