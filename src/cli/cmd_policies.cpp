// guiyan policies match: evaluates the current policies over a region as 政策找人 does, for the
// operator (a nightly refresh) and the bench.
#include <sys/resource.h>

#include <chrono>
#include <iostream>

#include "cli/commands.h"
#include "service/policy_matches.h"
#include "service/policy_service.h"

namespace guiyan::cli {

void add_policies_command(CLI::App& app, Config& cfg, Action& action) {
  auto* pol = app.add_subcommand("policies", "Policy engine tasks");
  pol->require_subcommand(1);
  auto* match = pol->add_subcommand(
      "match",
      "Re-evaluate every current policy of a subject kind the registry holds over a region (the "
      "政策找人 lists): prints one JSON line per policy (code, mode, evaluated, ms) and a summary "
      "(policies, evaluated, seconds, peak_rss_mb)");
  add_db_option(*match, cfg);
  auto region = std::make_shared<std::string>("42");
  auto codes = std::make_shared<std::vector<std::string>>();
  match->add_option("--region", *region, "region code (default 42, the province)");
  match->add_option("--policy", *codes, "only these policy codes");
  match->callback([&cfg, &action, region, codes] {
    action = [&cfg, region, codes] {
      auto db = open_migrated(cfg, 2);
      std::vector<std::pair<int64_t, std::string>> todo;
      {
        auto conn = db->acquire();
        for (const auto& cp : service::current_policies(*conn)) {
          if (!codes->empty() &&
              std::find(codes->begin(), codes->end(), cp->policy.code) == codes->end()) {
            continue;
          }
          if (!service::matchable_subject(cp->policy.subject)) continue;
          todo.emplace_back(cp->id, cp->policy.code);
        }
      }
      auto started = std::chrono::steady_clock::now();
      int64_t evaluated = 0;
      for (const auto& [id, code] : todo) {
        auto run = service::refresh_policy_matches(*db, id, *region);
        run["code"] = code;
        evaluated += run["evaluated"].get<int64_t>();
        std::cout << run.dump() << std::endl;
      }
      double seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      rusage usage{};
      getrusage(RUSAGE_SELF, &usage);
      std::cout << nlohmann::json{{"policies", todo.size()},
                                  {"evaluated", evaluated},
                                  {"seconds", std::round(seconds * 100) / 100},
                                  {"peak_rss_mb", usage.ru_maxrss / 1024}}
                       .dump()
                << std::endl;
      return 0;
    };
  });
}

}  // namespace guiyan::cli
