// Tracking codes 查询码 of financing requests: random, unguessable, and easy to read out over the
// phone — twelve characters of an alphabet without 0/O and 1/I, written in groups of four.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace guiyan::core {

// The 32 characters a code is made of: 2–9 and A–Z without I and O.
inline constexpr std::string_view kTrackingAlphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

// A new code "XXXX-XXXX-XXXX" (60 random bits from libsodium's randombytes).
std::string new_tracking_code();

// The code as stored ("XXXX-XXXX-XXXX") from what an applicant typed: lower case, spaces and
// dashes allowed; nullopt when it cannot be a code.
std::optional<std::string> normalize_tracking_code(std::string_view typed);

}  // namespace guiyan::core
