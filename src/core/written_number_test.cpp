#include "core/written_number.h"

#include <gtest/gtest.h>

#include <cstdio>

#include "core/test_cases.h"

namespace guiyan::core {
namespace {

TEST(WrittenNumber, CasesFromTheCaseFile) {
  int cases = for_each_case(std::string(GUIYAN_CORE_TESTDATA_DIR) + "/written_numbers.tsv", 3,
                            [](const std::vector<std::string>& cols, int number) {
                              auto n = parse_written_number(cols[0]);
                              std::string got = "none";
                              if (n) {
                                char buf[64];
                                std::snprintf(buf, sizeof buf, "%.15g", n->value);
                                got = std::string(buf) + (n->large_unit ? " large" : "");
                              }
                              EXPECT_EQ(got, cols[1]) << "line " << number << ": " << cols[0];
                            });
  EXPECT_GE(cases, 40);
}

}  // namespace
}  // namespace guiyan::core
