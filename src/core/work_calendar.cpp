#include "core/work_calendar.h"

#include <stdexcept>
#include <string>

#include "core/text.h"

namespace guiyan::core {

WorkCalendar WorkCalendar::parse(std::string_view tsv) {
  WorkCalendar cal;
  auto lines = split(tsv, '\n');
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = lines[i];
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.starts_with("# years:")) {
      for (const auto& y : split_items(line.substr(8), ' ')) cal.years_.insert(std::stoi(y));
      continue;
    }
    if (line.empty() || line[0] == '#') continue;
    auto cols = split(line, '\t');
    auto where = "节假日文件第" + std::to_string(i + 1) + "行：";
    if (cols.size() != 3) throw std::invalid_argument(where + "应为 日期、休/班、节日 三列");
    auto day = Date::parse_iso(cols[0]);
    if (!day) throw std::invalid_argument(where + "日期应写作 YYYY-MM-DD");
    if (cols[1] == "休") {
      cal.holidays_.insert(*day);
    } else if (cols[1] == "班") {
      if (day->weekday() < 6) throw std::invalid_argument(where + "调休上班日应是周末");
      cal.working_weekends_.insert(*day);
    } else {
      throw std::invalid_argument(where + "第二列应为“休”或“班”");
    }
  }
  return cal;
}

bool WorkCalendar::is_working_day(Date day) const {
  if (working_weekends_.count(day)) return true;
  if (holidays_.count(day)) return false;
  return day.weekday() <= 5;
}

Date WorkCalendar::add_working_days(Date start, int n) const {
  Date day = start;
  while (n > 0) {
    day = day.plus_days(1);
    if (is_working_day(day)) --n;
  }
  return day;
}

int WorkCalendar::working_days_between(Date from, Date to) const {
  if (to < from) return -working_days_between(to, from);
  int count = 0;
  for (Date day = from.plus_days(1); !(to < day); day = day.plus_days(1)) {
    if (is_working_day(day)) ++count;
  }
  return count;
}

}  // namespace guiyan::core
