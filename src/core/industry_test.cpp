#include "core/industry.h"

#include <gtest/gtest.h>

#include "io/csv.h"
#include "store/embedded.h"

namespace guiyan::core {
namespace {

// Every division of the shipped classification file lies in the section the file names.
TEST(Industry, EveryDivisionOfTheShippedFileMapsToItsSection) {
  int divisions = 0;
  io::for_each_csv_line(*store::embedded_file("data/industry_gbt4754_2017.csv"),
                        [&](const auto& f, size_t line) {
                          if (line == 1 || f.size() != 3) return;
                          if (f[2].empty()) {
                            EXPECT_EQ(industry_section(f[0]), f[0]);
                          } else {
                            EXPECT_EQ(industry_section(f[0]), f[2]) << f[0];
                            ++divisions;
                          }
                        });
  EXPECT_EQ(divisions, 97);
}

TEST(Industry, AnythingElseHasNoSection) {
  for (const char* bad : {"", "00", "98", "U", "c", "C36", "3", "制造业"}) {
    EXPECT_EQ(industry_section(bad), "") << bad;
  }
}

}  // namespace
}  // namespace guiyan::core
