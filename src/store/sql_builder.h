// Builds SQL with numbered $N placeholders and the matching parameter list.
#pragma once

#include <string>

#include "store/value.h"

namespace guiyan::store {

class SqlBuilder {
 public:
  // Appends a parameter and returns its placeholder ("$3").
  std::string bind(Value v) {
    params_.push_back(std::move(v));
    return "$" + std::to_string(params_.size());
  }
  // The parameters bound so far, in placeholder order.
  const Params& params() const { return params_; }

 private:
  Params params_;
};

}  // namespace guiyan::store
