// Data-driven tests of the quarterly reporting window and lateness: the cases live in
// testdata/report_windows.tsv and testdata/report_timeliness.tsv.
#include "core/report_window.h"

#include <gtest/gtest.h>

#include "core/test_cases.h"

#ifndef GUIYAN_CORE_TESTDATA_DIR
#define GUIYAN_CORE_TESTDATA_DIR "src/core/testdata"
#endif

namespace guiyan::core {
namespace {

TEST(ReportWindow, WindowsOfTheDataFile) {
  int cases = for_each_case(std::string(GUIYAN_CORE_TESTDATA_DIR) + "/report_windows.tsv", 4,
                            [](const std::vector<std::string>& c, int number) {
                              auto w = report_window(std::stoi(c[0]), std::stoi(c[1]));
                              ASSERT_TRUE(w) << "line " << number;
                              EXPECT_EQ(w->opens_on.to_iso(), c[2]) << "line " << number;
                              EXPECT_EQ(w->due_on.to_iso(), c[3]) << "line " << number;
                            });
  EXPECT_GE(cases, 4);
}

TEST(ReportWindow, TimelinessOfTheDataFile) {
  int cases = for_each_case(std::string(GUIYAN_CORE_TESTDATA_DIR) + "/report_timeliness.tsv", 6,
                            [](const std::vector<std::string>& c, int number) {
                              auto w = report_window(std::stoi(c[0]), std::stoi(c[1]));
                              auto on = Date::parse_iso(c[3]);
                              ASSERT_TRUE(w && on) << "line " << number;
                              std::optional<Date> filed;
                              if (c[2] != "-") filed = Date::parse_iso(c[2]);
                              auto t = report_timeliness(*w, filed, *on);
                              EXPECT_EQ(t.status, c[4]) << "line " << number;
                              EXPECT_EQ(std::to_string(t.days_late), c[5]) << "line " << number;
                              EXPECT_FALSE(report_timeliness_label(t.status).empty());
                            });
  EXPECT_GE(cases, 20);
}

TEST(ReportWindow, QuartersOutOfRangeHaveNoWindow) {
  EXPECT_FALSE(report_window(2025, 0));
  EXPECT_FALSE(report_window(2025, 5));
  EXPECT_EQ(quarter_of(*Date::parse_iso("2025-03-31")), 1);
  EXPECT_EQ(quarter_of(*Date::parse_iso("2025-04-01")), 2);
  EXPECT_EQ(quarter_of(*Date::parse_iso("2025-12-31")), 4);
  EXPECT_EQ(quarter_label(2025, 1), "2025年第一季度");
}

}  // namespace
}  // namespace guiyan::core
