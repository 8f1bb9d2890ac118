// Random choices for the demo data sets, shared so each generator stays deterministic per seed.
#pragma once

#include <random>
#include <vector>

namespace guiyan::service {

// One element of v (which must not be empty), chosen uniformly with rng.
template <typename T>
const T& pick(std::mt19937& rng, const std::vector<T>& v) {
  return v[std::uniform_int_distribution<size_t>(0, v.size() - 1)(rng)];
}

}  // namespace guiyan::service
