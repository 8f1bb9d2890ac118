// ViewSet: flat vector first, hash set once it grows.
#include "text/view_set.h"

#include <algorithm>

namespace guiyan::text::detail {

bool ViewSet::insert(std::string_view v) {
  if (is_large_) return large_.insert(v).second;
  if (std::find(small_.begin(), small_.end(), v) != small_.end()) return false;
  if (small_.size() < kSmallLimit) {
    small_.push_back(v);
    return true;
  }
  large_.insert(small_.begin(), small_.end());
  large_.insert(v);
  small_.clear();
  is_large_ = true;
  return true;
}

void ViewSet::clear() {
  small_.clear();
  if (is_large_) large_.clear();
  is_large_ = false;
}

}  // namespace guiyan::text::detail
