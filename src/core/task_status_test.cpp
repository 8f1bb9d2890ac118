// Data-driven tests of task statuses and deadlines: the cases live in testdata/task_status.tsv
// and testdata/task_deadlines.tsv.
#include "core/task_status.h"

#include <gtest/gtest.h>

#include "core/test_cases.h"

#ifndef GUIYAN_CORE_TESTDATA_DIR
#define GUIYAN_CORE_TESTDATA_DIR "src/core/testdata"
#endif

namespace guiyan::core {
namespace {

std::optional<Date> task_case_date(const std::string& text) {
  if (text == "-") return std::nullopt;
  return parse_task_deadline(text);
}

TEST(TaskStatus, EveryCaseOfTheDataFile) {
  int cases = for_each_case(
      std::string(GUIYAN_CORE_TESTDATA_DIR) + "/task_status.tsv", 7,
      [](const std::vector<std::string>& c, int number) {
        auto deadline = parse_task_deadline(c[0]);
        auto on = Date::parse_iso(c[3]);
        ASSERT_TRUE(deadline && on) << "line " << number;
        auto s = task_status_on({*deadline, task_case_date(c[1]), task_case_date(c[2])}, *on);
        EXPECT_EQ(s.status, c[4]) << "line " << number;
        std::string flags;
        if (s.due_soon) flags += "due_soon";
        if (s.done_late) flags += std::string(flags.empty() ? "" : ",") + "done_late";
        EXPECT_EQ(flags.empty() ? "-" : flags, c[5]) << "line " << number;
        EXPECT_EQ(std::to_string(s.days_left), c[6]) << "line " << number;
        EXPECT_FALSE(task_status_label(s.status).empty());
      });
  EXPECT_GE(cases, 15);
}

TEST(TaskStatus, DeadlinesOfTheDataFile) {
  int cases = for_each_case(std::string(GUIYAN_CORE_TESTDATA_DIR) + "/task_deadlines.tsv", 2,
                            [](const std::vector<std::string>& c, int number) {
                              auto d = parse_task_deadline(c[0]);
                              if (c[1] == "!") {
                                EXPECT_FALSE(d) << "line " << number << ": " << d->to_iso();
                              } else {
                                ASSERT_TRUE(d) << "line " << number;
                                EXPECT_EQ(d->to_iso(), c[1]) << "line " << number;
                              }
                            });
  EXPECT_GE(cases, 10);
}

TEST(TaskStatus, TheDueSoonSpanCanBeChosen) {
  TaskFacts f{*Date::parse_iso("2025-04-30"), std::nullopt, std::nullopt};
  EXPECT_FALSE(task_status_on(f, *Date::parse_iso("2025-04-20")).due_soon);
  EXPECT_TRUE(task_status_on(f, *Date::parse_iso("2025-04-20"), 11).due_soon);
}

}  // namespace
}  // namespace guiyan::core
