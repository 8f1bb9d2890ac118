// Working days under the official holiday calendar: Monday to Friday, less the public holidays,
// plus the weekend days declared working days (调休上班). Deadlines such as "paid within 60
// working days" and "answered within 15 working days" are counted with it.
#pragma once

#include <set>
#include <string_view>

#include "core/date.h"

namespace guiyan::core {

class WorkCalendar {
 public:
  // Reads the calendar file (data/holidays.tsv: "date TAB 休|班 TAB festival" lines, # comments,
  // and a "# years: 2024 2025" line naming the years it covers); throws std::invalid_argument
  // naming the line of a malformed entry.
  static WorkCalendar parse(std::string_view tsv);

  // True on a working day.
  bool is_working_day(Date day) const;
  // The `n`-th working day after `start` (start itself not counted); n ≥ 0, 0 gives start.
  Date add_working_days(Date start, int n) const;
  // Working days after `from` up to and including `to`; negative when `to` is earlier.
  int working_days_between(Date from, Date to) const;
  // True when the calendar holds the holiday notice of `year` (otherwise only weekends count).
  bool covers(int year) const { return years_.count(year) > 0; }

 private:
  std::set<Date> holidays_, working_weekends_;
  std::set<int> years_;
};

}  // namespace guiyan::core
