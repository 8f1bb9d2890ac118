// The demo's case work (1+1+N): case workers and mentors for the demo people being helped, and
// the services they had, with next steps falling due around today.
#pragma once

#include <string>

#include "store/db.h"

namespace guiyan::service {

// Gives every landed demo person of `city` and half of those contacted a case worker (the clerk
// account nearest to their village), some a mentor, and one to three dated services each, the
// last with its next step and due date; survey copies are left alone. Fixed random seed.
// Returns the number of services recorded.
int create_demo_case_work(store::Db& db, const std::string& city);

}  // namespace guiyan::service
