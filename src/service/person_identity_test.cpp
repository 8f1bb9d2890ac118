#include "service/person_identity.h"

#include <gtest/gtest.h>

#include "core/test_cases.h"

namespace guiyan::service {
namespace {

TEST(PersonIdentity, AWrittenAgeAgainstTheIdNumberFromTheCaseFile) {
  int cases = core::for_each_case(
      std::string(GUIYAN_SERVICE_TESTDATA_DIR) + "/ages_against_id.tsv", 5,
      [](const std::vector<std::string>& cols, int number) {
        std::string why = age_mismatch(cols[0], std::stoi(cols[1]), cols[2]);
        EXPECT_EQ(why.empty() ? "agree" : why, cols[3]) << "line " << number << ": " << cols[4];
      });
  EXPECT_GE(cases, 14);
}

}  // namespace
}  // namespace guiyan::service
