#include "service/work_place.h"

#include <gtest/gtest.h>

#include "core/test_cases.h"

namespace guiyan::service {
namespace {

TEST(WorkPlace, CasesFromTheCaseFile) {
  int cases = core::for_each_case(
      std::string(GUIYAN_SERVICE_TESTDATA_DIR) + "/work_places.tsv", 4,
      [](const std::vector<std::string>& cols, int number) {
        WorkPlace w = split_work_place(cols[0]);
        EXPECT_EQ(w.province.empty() ? "-" : w.province, cols[1])
            << "line " << number << ": " << cols[3];
        EXPECT_EQ(w.city.empty() ? "-" : w.city, cols[2]) << "line " << number << ": " << cols[3];
        // Every case names a place except those that say the person is not away, which
        // split_work_place and says_not_away agree on.
        EXPECT_EQ(says_not_away(cols[0]), w.province.empty() && w.city.empty())
            << "line " << number << ": " << cols[3];
        EXPECT_EQ(w.not_away, says_not_away(cols[0])) << "line " << number << ": " << cols[3];
      });
  EXPECT_GE(cases, 25);
}

TEST(WorkPlace, NotAwayIsTheWordsAloneSpacesAside) {
  EXPECT_TRUE(says_not_away(" 在 家 "));
  EXPECT_TRUE(says_not_away("在家带孩子"));
  EXPECT_TRUE(says_not_away("本县"));
  EXPECT_FALSE(says_not_away("本县工业园"));
  EXPECT_FALSE(says_not_away("家乐福（武汉）"));
  EXPECT_FALSE(says_not_away(""));
}

}  // namespace
}  // namespace guiyan::service
