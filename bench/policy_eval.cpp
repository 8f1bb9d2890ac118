// Times the rule engine alone: every shipped policy evaluated, with its full trace, for one
// subject (a person, a venture, a loan), as POST /policies/evaluate does after reading the record.
// Usage: build/policy_eval [ROUNDS]  → one JSON line per subject kind (microseconds per subject).
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <nlohmann/json.hpp>

#include "rules/policy_reader.h"
#include "rules/shipped_policies.h"
#include "rules/situation_json.h"

using namespace guiyan::rules;

int main(int argc, char** argv) {
  int rounds = argc > 1 ? std::atoi(argv[1]) : 20000;
  std::vector<Policy> policies;
  auto shared = shipped_parameters();
  for (const auto& d : shipped_policy_definitions()) policies.push_back(read_policy(d, shared));
  const std::pair<const char*, const char*> subjects[] = {
      {"person", R"({"person":{"region":"421022100001","status":"employed_home","returnee":true,
                    "returned_on":"2026-02-10","age":34}})"},
      {"venture", R"({"venture":{"region":"421202100001","registered_on":"2025-01-15",
                     "first_registration":true,"employees":3,"status":"operating","in_park":true,
                     "type":"individual_business"},"founder":{"returnee":true,"status":"started_business"},
                     "awards":[{"policy":"rent_subsidy","on":"2025-04-01"}]})"},
      {"loan", R"({"loan":{"region":"421022100001","borrower_kind":"individual","amount_wan":30,
                  "rate_percent":4.5,"contract_on":"2025-06-01","term_months":36},
                  "borrower":{"returnee":true,"previous_loans":2}})"}};
  for (const auto& [kind, json] : subjects) {
    auto situation = situation_from_json(nlohmann::json::parse(json));
    size_t evaluated = 0, sentences = 0;
    auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < rounds; ++i) {
      for (const auto& p : policies) {
        if (p.subject != kind) continue;
        auto e = evaluate(p, situation, {2026, 3, 1});
        sentences += e.conditions.size();
        ++evaluated;
      }
    }
    double us =
        std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count();
    std::cout << nlohmann::json{{"subject", kind},
                                {"policies", evaluated / rounds},
                                {"rounds", rounds},
                                {"us_per_subject_with_trace", std::round(us / rounds * 100) / 100},
                                {"sentences", sentences / rounds}}
                     .dump()
              << std::endl;
  }
  return 0;
}
