// When a member unit's quarterly report 信息报送 is due: in the last week of each quarter, i.e.
// the last 7 calendar days up to and including the quarter's last day (Q1: 25–31 March). A
// report filed after that day is late; one filed before the window is early but accepted; a
// quarter that has ended without a report is missing (overdue).
#pragma once

#include <optional>
#include <string>

#include "core/date.h"

namespace guiyan::core {

// Days of the reporting window at the end of a quarter.
constexpr int kReportWindowDays = 7;

struct ReportWindow {
  int year = 0;
  int quarter = 0;  // 1–4
  Date opens_on;    // first day of the window (the quarter's last day minus 6 days)
  Date due_on;      // the quarter's last day
};

// The window of `quarter` (1–4) of `year`; nullopt when the quarter or year is out of range.
std::optional<ReportWindow> report_window(int year, int quarter);

// The quarter (1–4) a date falls in.
int quarter_of(Date d);

struct ReportTimeliness {
  std::string status;  // early | on_time | late | missing | open | not_due
  long days_late = 0;  // late: filed this many days after due_on; missing: days since due_on
};

// A report filed on `filed_on` (early, on_time or late), or not filed as of `on`: missing once
// the quarter has ended, open while the window is open, not_due before it.
ReportTimeliness report_timeliness(const ReportWindow& w, std::optional<Date> filed_on, Date on);

// The Chinese label of a timeliness key ("" for an unknown key).
std::string report_timeliness_label(const std::string& status);

// "2025年第一季度".
std::string quarter_label(int year, int quarter);

}  // namespace guiyan::core
