#include "service/official_calendar.h"

#include "store/embedded.h"

namespace guiyan::service {

const core::WorkCalendar& official_calendar() {
  static const core::WorkCalendar calendar =
      core::WorkCalendar::parse(store::embedded_file("data/holidays.tsv").value_or(""));
  return calendar;
}

}  // namespace guiyan::service
