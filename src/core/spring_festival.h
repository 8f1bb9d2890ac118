// 春节 (the lunar new year) as ledgers of returnees date by it: 春节前返乡, 2025年春节后外出.
#pragma once

#include <optional>
#include <string_view>

#include "core/date.h"

namespace guiyan::core {

// The day of 春节 in `year` (正月初一: 2025-01-29, 2026-02-17); nullopt outside 2000-2035, the
// years the table holds.
std::optional<Date> spring_festival(int year);

// A time written by the festival — 春节前, 春节后, 春节期间, 过年前, 2025年春节后, 24年春节前 — as
// the day of that 春节: of the year written (a two-digit one as parse_written_month reads it
// with `today`'s year), else the latest one not after `today`. nullopt for any other text.
std::optional<Date> parse_festival_time(std::string_view text, Date today);

}  // namespace guiyan::core
