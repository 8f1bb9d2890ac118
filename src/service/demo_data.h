// The demo data set: departments and accounts of one city and two of its counties.
#pragma once

#include <string>
#include <vector>

#include "store/db.h"

namespace guiyan::service {

struct DemoAccount {
  std::string username;
  std::string password;  // generated; shown once
  std::string role;
  std::string region_name;
  std::string department;
};

// Creates the demo data for `city` (a prefecture code, 荆州市 421000 by default) and its first
// two counties when no account exists yet — departments, accounts and 3,000 returnees; returns the
// accounts created (empty when the database already had accounts, so a second run changes nothing).
std::vector<DemoAccount> create_demo_data(store::Db& db, const std::string& city);

}  // namespace guiyan::service
