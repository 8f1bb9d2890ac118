// The official working-day calendar the deadlines are counted with (data/holidays.tsv, compiled
// into the binary).
#pragma once

#include "core/work_calendar.h"

namespace guiyan::service {

// The calendar, read once.
const core::WorkCalendar& official_calendar();

}  // namespace guiyan::service
