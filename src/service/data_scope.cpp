#include "service/data_scope.h"

#include <algorithm>

namespace guiyan::service {
namespace {

constexpr std::string_view kProvincePrefix = "42";  // 湖北省

}  // namespace

std::string region_prefix(std::string_view code) {
  if (code.size() == 6) {
    if (code.substr(2) == "0000") return std::string(code.substr(0, 2));
    if (code.substr(4) == "00") return std::string(code.substr(0, 4));
  }
  return std::string(code);
}

bool region_within(std::string_view code, std::string_view ancestor) {
  std::string prefix = region_prefix(ancestor);
  return code.substr(0, prefix.size()) == prefix;
}

std::string subtree_condition(store::SqlBuilder& sql, std::string_view region_column,
                              std::string_view region) {
  // A range on the prefix: index-friendly on both databases, unlike LIKE.
  std::string low = region_prefix(region);
  // The region table holds Hubei only (every code starts 42): the whole province is every row,
  // and no condition lets the planner read rows in id order for a page.
  if (low == kProvincePrefix) return "1=1";
  std::string high = low;
  high.back() = static_cast<char>(high.back() + 1);
  std::string col(region_column);
  std::string from = sql.bind(low);
  std::string to = sql.bind(high);
  return "(" + col + " >= " + from + " AND " + col + " < " + to + ")";
}

std::string scope_condition(const Principal& p, store::SqlBuilder& sql,
                            std::string_view region_column, std::string_view owner_column) {
  std::string out;
  auto add = [&](const std::string& cond) { out += (out.empty() ? "" : " OR ") + cond; };
  for (const ScopeGrant& g : p.scopes) {
    if (g.kind == "all") return "1=1";
    if (g.kind == "own_region") {
      add(std::string(region_column) + " = " + sql.bind(p.region_code));
    } else if (g.kind == "own_region_down") {
      add(subtree_condition(sql, region_column, p.region_code));
    } else if (g.kind == "regions") {
      for (const auto& r : g.regions) add(subtree_condition(sql, region_column, r));
    } else if (g.kind == "own_records" && !owner_column.empty()) {
      add(std::string(owner_column) + " = " + sql.bind(p.user_id));
    }
  }
  return out.empty() ? "1=0" : "(" + out + ")";
}

bool in_scope(const Principal& p, std::string_view region_code, std::optional<int64_t> owner_id) {
  for (const ScopeGrant& g : p.scopes) {
    if (g.kind == "all") return true;
    if (g.kind == "own_region" && region_code == p.region_code) return true;
    if (g.kind == "own_region_down" && region_within(region_code, p.region_code)) return true;
    if (g.kind == "regions") {
      for (const auto& r : g.regions) {
        if (region_within(region_code, r)) return true;
      }
    }
    if (g.kind == "own_records" && owner_id && *owner_id == p.user_id) return true;
  }
  return false;
}

bool sees_subtree(const Principal& p, std::string_view region) {
  for (const ScopeGrant& g : p.scopes) {
    if (g.kind == "all") return true;
    if (g.kind == "own_region_down" && region_within(region, p.region_code)) return true;
    if (g.kind == "regions") {
      for (const auto& r : g.regions) {
        if (region_within(region, r)) return true;
      }
    }
  }
  return false;
}

bool scope_is_subtree(const Principal& p, std::string_view region) {
  if (!sees_subtree(p, region)) return false;
  for (const ScopeGrant& g : p.scopes) {
    bool inside = false;
    if (g.kind == "all") {
      inside = region_prefix(std::string(region)) == kProvincePrefix;
    } else if (g.kind == "own_region" || g.kind == "own_region_down") {
      inside = region_within(p.region_code, region);
    } else if (g.kind == "regions") {
      inside = std::all_of(g.regions.begin(), g.regions.end(),
                           [&](const std::string& r) { return region_within(r, region); });
    } else if (g.kind == "none") {
      inside = true;
    }
    if (!inside) return false;  // own_records, or a grant reaching outside the subtree
  }
  return true;
}

bool scope_reaches(const Principal& p, std::string_view region) {
  auto overlaps = [&](std::string_view r) {
    return region_within(region, r) || region_within(r, region);
  };
  for (const ScopeGrant& g : p.scopes) {
    if (g.kind == "all" || g.kind == "own_records") return true;
    if (g.kind == "own_region" && region_within(p.region_code, region)) return true;
    if (g.kind == "own_region_down" && overlaps(p.region_code)) return true;
    if (g.kind == "regions" && std::any_of(g.regions.begin(), g.regions.end(), overlaps)) {
      return true;
    }
  }
  return false;
}

}  // namespace guiyan::service
