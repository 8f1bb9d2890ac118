// Demo investment projects for the demo city: a few dozen across every stage, linked to demo
// merchants, with funds, approval milestones, visits and appeals, and an offered-project list.
#pragma once

#include <string>

#include "store/db.h"

namespace guiyan::service {

// Adds `count` projects (and ten offered projects) in `city`'s counties with a fixed random
// seed, dated up to today. Returns the number of projects created.
int create_demo_projects(store::Db& db, const std::string& city, int count);

}  // namespace guiyan::service
