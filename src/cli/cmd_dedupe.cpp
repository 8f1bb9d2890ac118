// guiyan dedupe people: finds probable duplicates over the whole registry for the review queue.
#include <iostream>

#include "cli/commands.h"
#include "service/person_duplicates.h"

namespace guiyan::cli {

void add_dedupe_command(CLI::App& app, Config& cfg, Action& action) {
  auto* dd = app.add_subcommand("dedupe", "Find probable duplicates for the review queue");
  dd->require_subcommand(1);
  auto* people = dd->add_subcommand(
      "people",
      "People without a valid ID number matched by name + phone, name + birth date + village, or "
      "an ID number one typo apart. Prints a one-line JSON summary (people, found, added, "
      "removed, seconds); staff merge or dismiss the pairs in the console");
  add_db_option(*people, cfg);
  people->callback([&cfg, &action] {
    action = [&cfg] {
      auto db = open_migrated(cfg, 2);
      std::cout << service::duplicate_scan_json(service::scan_duplicates(*db->acquire())).dump()
                << std::endl;
      return 0;
    };
  });
}

}  // namespace guiyan::cli
