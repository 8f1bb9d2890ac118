#include "core/task_status.h"

#include <cstdio>

namespace guiyan::core {

std::optional<Date> parse_task_deadline(std::string_view text) {
  std::string s(text);
  if (auto d = Date::parse_iso(s)) return d;
  int y = 0, m = 0, d = 0, n = 0;
  if (s.size() == 7 && std::sscanf(s.c_str(), "%4d-%2d%n", &y, &m, &n) == 2 && n == 7) {
    if (m < 1 || m > 12 || y < 1) return std::nullopt;
    return Date{y, m, days_in_month(y, m)};
  }
  // "2025年4月" / "2025年4月30日" (年 月 日 are three bytes each in UTF-8).
  n = 0;
  if (std::sscanf(s.c_str(), "%4d年%2d月%n", &y, &m, &n) == 2 && n > 0) {
    std::string rest = s.substr(static_cast<size_t>(n));
    if (rest.empty()) {
      if (m < 1 || m > 12 || y < 1) return std::nullopt;
      return Date{y, m, days_in_month(y, m)};
    }
    int k = 0;
    if (std::sscanf(rest.c_str(), "%2d日%n", &d, &k) == 1 && k == static_cast<int>(rest.size())) {
      Date out{y, m, d};
      if (out.is_valid()) return out;
    }
  }
  return std::nullopt;
}

TaskStatus task_status_on(const TaskFacts& f, Date on, int due_soon_days) {
  TaskStatus s;
  s.days_left = f.deadline.day_number() - on.day_number();
  if (f.done_on && *f.done_on <= on) {
    s.status = "done";
    s.done_late = *f.done_on > f.deadline;
    return s;
  }
  if (on > f.deadline) {
    s.status = "overdue";
    return s;
  }
  s.status = f.first_note_on && *f.first_note_on <= on ? "in_progress" : "not_started";
  s.due_soon = s.days_left < due_soon_days;  // the last N days, the deadline's own included
  return s;
}

std::string task_status_label(std::string_view status) {
  if (status == "not_started") return "未开始";
  if (status == "in_progress") return "推进中";
  if (status == "done") return "已完成";
  if (status == "overdue") return "已逾期";
  return {};
}

}  // namespace guiyan::core
