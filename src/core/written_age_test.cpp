#include "core/written_age.h"

#include <gtest/gtest.h>

#include "core/test_cases.h"

namespace guiyan::core {
namespace {

TEST(WrittenAge, CasesFromTheCaseFile) {
  int cases = for_each_case(std::string(GUIYAN_CORE_TESTDATA_DIR) + "/written_ages.tsv", 3,
                            [](const std::vector<std::string>& cols, int number) {
                              auto age = parse_written_age(cols[0]);
                              EXPECT_EQ(age ? std::to_string(*age) : "none", cols[1])
                                  << "line " << number << ": " << cols[0];
                            });
  EXPECT_GE(cases, 20);
}

}  // namespace
}  // namespace guiyan::core
