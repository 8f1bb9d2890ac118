#include "core/review_cycle.h"

#include "core/date.h"

namespace guiyan::core {
namespace {

std::string iso(int y, int m, int d) {
  return Date{y, m, d}.to_iso();
}

}  // namespace

std::optional<ReviewCycle> review_cycle(const std::string& kind_in, const std::string& today) {
  std::string kind = kind_in.empty() ? "quarter" : kind_in;
  if (today.size() != 10 || today[4] != '-' || today[7] != '-') return std::nullopt;
  auto d = Date::parse(today.substr(0, 4) + today.substr(5, 2) + today.substr(8, 2));
  if (!d) return std::nullopt;
  int first = 0, months = 0;
  std::string y = std::to_string(d->year) + "年";
  std::string label;
  if (kind == "month") {
    first = d->month, months = 1;
    label = y + std::to_string(d->month) + "月";
  } else if (kind == "quarter") {
    first = (d->month - 1) / 3 * 3 + 1, months = 3;
    label = y + "第" + std::to_string((d->month - 1) / 3 + 1) + "季度";
  } else if (kind == "half") {
    first = d->month <= 6 ? 1 : 7, months = 6;
    label = y + (d->month <= 6 ? "上半年" : "下半年");
  } else if (kind == "year") {
    first = 1, months = 12;
    label = y;
  } else {
    return std::nullopt;
  }
  int last = first + months - 1;
  return ReviewCycle{kind, iso(d->year, first, 1), iso(d->year, last, days_in_month(d->year, last)),
                     label};
}

}  // namespace guiyan::core
