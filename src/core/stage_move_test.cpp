// Data-driven tests of the pipeline's move rule: every case lives in testdata/stage_moves.tsv.
#include "core/stage_move.h"

#include <gtest/gtest.h>

#include "core/test_cases.h"
#include "core/text.h"

#ifndef GUIYAN_CORE_TESTDATA_DIR
#define GUIYAN_CORE_TESTDATA_DIR "src/core/testdata"
#endif

namespace guiyan::core {
namespace {

std::optional<std::string> date_or_unknown(const std::string& s) {
  if (s == "?") return std::nullopt;
  return s;
}

TEST(StageMoves, EveryCaseOfTheDataFile) {
  int cases =
      for_each_case(std::string(GUIYAN_CORE_TESTDATA_DIR) + "/stage_moves.tsv", 7,
                    [](const std::vector<std::string>& c, int number) {
                      std::map<std::string, std::optional<std::string>> skipped;
                      if (c[4] != "-") {
                        for (const auto& pair : split(c[4], ';')) {
                          auto kv = split(pair, '=');
                          skipped[kv[0]] = date_or_unknown(kv[1]);
                        }
                      }
                      auto plan = plan_stage_move(c[0], date_or_unknown(c[1]), c[2], c[3], skipped,
                                                  "2026-11-22", c[5] == "-" ? "" : c[5]);
                      const std::string& want = c[6];
                      if (want[0] == '!') {
                        auto colon = want.find(':');
                        EXPECT_FALSE(plan.ok()) << "line " << number;
                        EXPECT_EQ(plan.field, want.substr(1, colon - 1))
                            << "line " << number << ": " << plan.error;
                        EXPECT_NE(plan.error.find(want.substr(colon + 1)), std::string::npos)
                            << "line " << number << ": " << plan.error;
                      } else {
                        EXPECT_TRUE(plan.ok()) << "line " << number << ": " << plan.error;
                        std::string got;
                        for (const auto& e : plan.entries) {
                          got += (got.empty() ? "" : ",") + e.stage + "@" + e.on.value_or("?");
                        }
                        EXPECT_EQ(got, want) << "line " << number;
                      }
                    });
  EXPECT_GE(cases, 20);
}

}  // namespace
}  // namespace guiyan::core
