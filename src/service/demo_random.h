// Random choices for the demo data sets, shared so each generator stays deterministic per seed.
#pragma once

#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "core/phone.h"

namespace guiyan::service {

// One element of v (which must not be empty), chosen uniformly with rng.
template <typename T>
const T& pick(std::mt19937& rng, const std::vector<T>& v) {
  return v[std::uniform_int_distribution<size_t>(0, v.size() - 1)(rng)];
}

// An 11-digit mobile number that core::check_phone accepts (a segment in use), drawing from rng
// exactly as many numbers whatever the result, so the rest of a demo set does not shift.
inline std::string demo_mobile(std::mt19937& rng) {
  char phone[16];
  std::snprintf(phone, sizeof phone, "1%d%09u", 3 + static_cast<int>(rng() % 7),
                static_cast<unsigned>(rng() % 1000000000));
  // 13x is in use throughout: a drawn segment that is not (140, 161, 179 …) becomes 13x.
  if (!core::check_phone(phone).valid) phone[1] = '3';
  return phone;
}

}  // namespace guiyan::service
