// A set of string views that stays a flat vector while small (internal).
#pragma once

#include <cstddef>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace guiyan::text::detail {

// Set of views; the viewed text must outlive the set's contents. Linear search up to
// kSmallLimit entries (the usual name or skill list), a hash set beyond.
class ViewSet {
 public:
  static constexpr std::size_t kSmallLimit = 32;

  // Adds `v`; true when it was not in the set yet.
  bool insert(std::string_view v);

  // Empties the set, keeping allocated memory for the next use.
  void clear();

 private:
  std::vector<std::string_view> small_;
  std::unordered_set<std::string_view> large_;
  bool is_large_ = false;
};

}  // namespace guiyan::text::detail
