// Events 活动 (推介会, 恳谈会, 节日团拜会, 招聘会, 政银企对接会 …) held by a city, a county or a
// township: the event itself, the merchants and people invited and their check-in, the pipeline
// projects signed there, and the yearly count of held events per level against the minimum
// (city 4, county 6). The data scope applies to the holding region; every write is audited.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "service/principal.h"
#include "store/db.h"

namespace guiyan::service {

struct EventInput {
  std::optional<std::string> region_code, level, type, festival, title, held_on, place, organiser,
      status, notes;
  bool clear_festival = false;  // festival: null or "" was sent
};

struct EventFilter {
  std::string q, region, level, type, festival, status;  // festival "none": without a festival
  std::optional<int64_t> year;
  int64_t limit = 50, offset = 0;
};

struct OutcomeInput {
  std::optional<int64_t> project_id, amount_wan;
  std::optional<std::string> signed_on, notes;
};

// {"types","levels","festivals","statuses" ({key,label}), "minimums" ({city:4,county:6})}.
nlohmann::json event_vocabulary();

// {"items":[Event],"total"} of the events in scope, latest held_on first, then id (event:read).
nlohmann::json list_events(store::Db& db, const Principal& p, const EventFilter& f);

// One event in scope with its invitees (names, masked phones) and outcomes (event:read); 404
// outside the scope.
nlohmann::json get_event(store::Db& db, const Principal& p, int64_t id);

// Registers an event (event:write): type, title, held_on required; region default the
// account's; level default the region's depth and otherwise equal to it; status default planned
// (held only up to today).
nlohmann::json create_event(store::Db& db, const Principal& p, const EventInput& in);

// Changes an event in scope (event:write) with the rules of create_event; an event with signed
// projects cannot be cancelled.
nlohmann::json update_event(store::Db& db, const Principal& p, int64_t id, const EventInput& in);

// Invites merchants and people in scope (event:write); those already invited are skipped.
// Answers the event as get_event does, plus "added" and "skipped" counts.
nlohmann::json add_event_invitees(store::Db& db, const Principal& p, int64_t id,
                                  const std::vector<int64_t>& merchant_ids,
                                  const std::vector<int64_t>& person_ids);

// Removes an invitee (event:write); one who checked in must have the check-in undone first.
nlohmann::json remove_event_invitee(store::Db& db, const Principal& p, int64_t id,
                                    int64_t invitee_id);

// Records (checked_in true) or undoes (false) an invitee's check-in at the time of the call
// (event:write); not for a cancelled event or one still to come. Answers the event.
nlohmann::json set_event_check_in(store::Db& db, const Principal& p, int64_t id, int64_t invitee_id,
                                  bool checked_in);

// Records a pipeline project in scope signed at the event (event:write): amount_wan default the
// project's planned investment, signed_on default the event's date. Answers the event.
nlohmann::json add_event_outcome(store::Db& db, const Principal& p, int64_t id,
                                 const OutcomeInput& in);

// Removes an outcome of the event (event:write). Answers the event.
nlohmann::json remove_event_outcome(store::Db& db, const Principal& p, int64_t id,
                                    int64_t outcome_id);

// The held events of `year` (default this year) in `region` (default the account's) and each of
// its child regions against the yearly minimum of their level, with festival and level
// breakdowns, counting the events in scope (event:read).
nlohmann::json event_tally(store::Db& db, const Principal& p, const std::string& region,
                           std::optional<int64_t> year);

// The event as the API shows it (detail: with invitees and outcomes) read through `c`; 404
// when missing or outside the scope.
nlohmann::json event_in_scope(store::Conn& c, const Principal& p, int64_t id, bool detail);

}  // namespace guiyan::service
