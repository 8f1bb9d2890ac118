#include "service/work_place.h"

#include <gtest/gtest.h>

#include "core/test_cases.h"

namespace guiyan::service {
namespace {

TEST(WorkPlace, CasesFromTheCaseFile) {
  int cases = core::for_each_case(std::string(GUIYAN_SERVICE_TESTDATA_DIR) + "/work_places.tsv", 4,
                                  [](const std::vector<std::string>& cols, int number) {
                                    WorkPlace w = split_work_place(cols[0]);
                                    EXPECT_EQ(w.province.empty() ? "-" : w.province, cols[1])
                                        << "line " << number << ": " << cols[3];
                                    EXPECT_EQ(w.city.empty() ? "-" : w.city, cols[2])
                                        << "line " << number << ": " << cols[3];
                                  });
  EXPECT_GE(cases, 25);
}

}  // namespace
}  // namespace guiyan::service
