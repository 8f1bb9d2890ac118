#include "core/report_window.h"

namespace guiyan::core {

std::optional<ReportWindow> report_window(int year, int quarter) {
  if (quarter < 1 || quarter > 4 || year < 1 || year > 9999) return std::nullopt;
  int last_month = quarter * 3;
  Date due{year, last_month, days_in_month(year, last_month)};
  return ReportWindow{year, quarter, due.plus_days(-(kReportWindowDays - 1)), due};
}

int quarter_of(Date d) {
  return (d.month - 1) / 3 + 1;
}

ReportTimeliness report_timeliness(const ReportWindow& w, std::optional<Date> filed_on, Date on) {
  if (filed_on) {
    if (*filed_on > w.due_on) return {"late", filed_on->day_number() - w.due_on.day_number()};
    return {*filed_on < w.opens_on ? "early" : "on_time", 0};
  }
  if (on > w.due_on) return {"missing", on.day_number() - w.due_on.day_number()};
  return {on >= w.opens_on ? "open" : "not_due", 0};
}

std::string report_timeliness_label(const std::string& status) {
  if (status == "early") return "提前报送";
  if (status == "on_time") return "按时报送";
  if (status == "late") return "逾期报送";
  if (status == "missing") return "未报送（已逾期）";
  if (status == "open") return "报送期内，尚未报送";
  if (status == "not_due") return "未到报送期";
  return {};
}

std::string quarter_label(int year, int quarter) {
  static const char* names[] = {"一", "二", "三", "四"};
  if (quarter < 1 || quarter > 4) return std::to_string(year) + "年";
  return std::to_string(year) + "年第" + names[quarter - 1] + "季度";
}

}  // namespace guiyan::core
