#include "service/intention_amount.h"

#include <gtest/gtest.h>

#include "core/test_cases.h"

namespace guiyan::service {
namespace {

std::string end(const std::optional<int64_t>& v) {
  return v ? std::to_string(*v) : "-";
}

TEST(IntentionAmount, CasesFromTheCaseFile) {
  int cases =
      core::for_each_case(std::string(GUIYAN_SERVICE_TESTDATA_DIR) + "/intention_amounts.tsv", 3,
                          [](const std::vector<std::string>& cols, int number) {
                            auto r = intention_amount(cols[0], "2026-11-22");
                            EXPECT_EQ(r ? end(r->min_wan) + " " + end(r->max_wan) : "none", cols[1])
                                << "line " << number << ": " << cols[0] << " (" << cols[2] << ")";
                          });
  EXPECT_GE(cases, 20);
}

}  // namespace
}  // namespace guiyan::service
