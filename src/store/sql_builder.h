// Builds SQL with numbered $N placeholders and the matching parameter list.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "store/value.h"

namespace guiyan::store {

class SqlBuilder {
 public:
  // Appends a parameter and returns its placeholder ("$3").
  std::string bind(Value v) {
    params_.push_back(std::move(v));
    return "$" + std::to_string(params_.size());
  }
  // Appends each of `values` and returns their placeholders ("$3, $4"), or "NULL" when there are
  // none, so that "x IN (…)" stays valid on both databases and matches nothing.
  template <class Range>
  std::string bind_list(const Range& values) {
    std::string out;
    for (const auto& v : values) out += (out.empty() ? "" : ", ") + bind(Value(v));
    return out.empty() ? "NULL" : out;
  }
  // The parameters bound so far, in placeholder order.
  const Params& params() const { return params_; }

 private:
  Params params_;
};

// Statements bind lists at most this long, far below either database's limit on parameters.
constexpr size_t kListChunk = 500;

// Calls f(chunk) with consecutive slices of `v` of at most kListChunk elements (none when empty).
template <class T, class F>
void for_each_chunk(const std::vector<T>& v, F f) {
  for (size_t i = 0; i < v.size(); i += kListChunk) {
    f(std::vector<T>(v.begin() + i, v.begin() + std::min(v.size(), i + kListChunk)));
  }
}

}  // namespace guiyan::store
