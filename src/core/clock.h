// Wall-clock time as the product stores it: ISO 8601 UTC text with second precision.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"

namespace guiyan::core {

using TimePoint = std::chrono::sys_seconds;

// The current time, truncated to seconds.
TimePoint now();
// Formats t as "YYYY-MM-DDTHH:MM:SSZ".
std::string to_iso(TimePoint t);
// The current time as to_iso would format it.
std::string now_iso();
// Today's date in China Standard Time (UTC+8, where every office is) as "YYYY-MM-DD".
std::string today_local();
// The same day as a Date.
Date today_local_date();
// A stored time ("YYYY-MM-DDTHH:MM:SSZ") as offices read it in a sheet: China Standard Time,
// "YYYY-MM-DD HH:MM:SS"; anything else unchanged (an empty cell stays empty).
std::string local_time_text(std::string_view iso);
// Parses "YYYY-MM-DDTHH:MM:SSZ" (or a bare "YYYY-MM-DD" as midnight UTC); nullopt when malformed.
std::optional<TimePoint> parse_iso(std::string_view text);

}  // namespace guiyan::core
