// When a festival greeting 节日慰问 can take place: each festival has a season around its date
// (the lunar ones move between years, so the season spans every year's date with room before and
// after), and a greeting dated outside it is a typing error, not a greeting.
#pragma once

#include <optional>
#include <string>

namespace guiyan::core {

// The Chinese error for a greeting of `festival` (a key of core::festivals()) on `date`
// (YYYY-MM-DD), or nullopt when the date lies in the festival's season or the key is unknown.
std::optional<std::string> festival_season_error(const std::string& festival,
                                                 const std::string& date);

}  // namespace guiyan::core
