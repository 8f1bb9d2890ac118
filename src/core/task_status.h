// The status of a task of the task list 任务清单 on a given date, and how its deadline is read:
// done once marked done (late when marked after the deadline), overdue once the deadline has
// passed undone, in progress once a unit has noted progress, otherwise not started; due soon
// while undone in the last kTaskDueSoonDays days up to the deadline (its own day included).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"

namespace guiyan::core {

// The days up to and including its deadline in which an undone task counts as due soon (临期):
// one week (deadline 04-30: from 04-24), the time a unit needs to finish or to ask for more.
constexpr int kTaskDueSoonDays = 7;

// The deadline a text names: "2025-04-30", "2025-04" or "2025年4月" (the last day of that month,
// as the task lists write them), "2025年4月30日"; nullopt when it names no real date.
std::optional<Date> parse_task_deadline(std::string_view text);

// What the status depends on: the deadline, the day the task was marked done (if it was) and
// the day of its first progress note (if any).
struct TaskFacts {
  Date deadline;
  std::optional<Date> done_on;
  std::optional<Date> first_note_on;
};

struct TaskStatus {
  std::string status;      // not_started | in_progress | done | overdue
  bool done_late = false;  // done, but after the deadline
  bool due_soon = false;   // undone, deadline within the last kTaskDueSoonDays days
  long days_left = 0;      // deadline minus the date: negative once overdue
};

// The status on date `on`: a done mark or note dated after `on` does not count yet.
TaskStatus task_status_on(const TaskFacts& facts, Date on, int due_soon_days = kTaskDueSoonDays);

// The Chinese label of a status key ("" for an unknown key).
std::string task_status_label(std::string_view status);

}  // namespace guiyan::core
