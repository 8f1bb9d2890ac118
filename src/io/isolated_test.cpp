// run_isolated: frames cross from the child in order; the child's failures and crashes reach
// the parent as SheetError; the parent may stop reading early.
#include "io/isolated.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>

#include "io/sheet_error.h"

namespace guiyan::io {
namespace {

using ::testing::HasSubstr;

std::string failure_of(const std::function<void(FrameWriter&)>& produce) {
  try {
    run_isolated(
        produce, [](char, std::vector<std::string>&) { return true; }, "子进程异常退出");
  } catch (const SheetError& e) {
    return e.what();
  }
  return "no error";
}

TEST(RunIsolated, FramesCrossInOrderWithTheirBytes) {
  std::vector<std::string> got;
  std::string big(200000, 'x');  // past the 64 KiB the writer queues
  run_isolated(
      [&](FrameWriter& out) {
        out.frame('A', {"一", "", std::string("\0b", 2)});
        out.frame('B', {big});
        out.frame('C', {});
      },
      [&](char kind, std::vector<std::string>& parts) {
        std::string line(1, kind);
        for (const auto& p : parts) line += "|" + (p.size() > 10 ? std::to_string(p.size()) : p);
        got.push_back(line);
        return true;
      },
      "子进程异常退出");
  EXPECT_EQ(got, (std::vector<std::string>{"A|一||" + std::string("\0b", 2), "B|200000", "C"}));
}

TEST(RunIsolated, TheChildsErrorsAndCrashesAreSheetErrors) {
  EXPECT_EQ(failure_of([](FrameWriter&) { throw SheetError("表头缺少姓名"); }), "表头缺少姓名");
  EXPECT_EQ(failure_of([](FrameWriter&) { std::_Exit(3); }), "子进程异常退出");
  EXPECT_EQ(failure_of([](FrameWriter& out) {
              out.frame('A', {"x"});
              out.flush();
              std::abort();
            }),
            "子进程异常退出");
}

TEST(RunIsolated, TheParentStopsAChildThatWouldNotEnd) {
  int frames = 0;
  run_isolated(
      [](FrameWriter& out) {
        for (;;) out.frame('R', {"row"});
      },
      [&](char, std::vector<std::string>&) { return ++frames < 3; }, "子进程异常退出");
  EXPECT_EQ(frames, 3);
  EXPECT_THROW(
      run_isolated(
          [](FrameWriter& out) {
            for (;;) out.frame('R', {"row"});
          },
          [](char, std::vector<std::string>&) -> bool { throw std::runtime_error("stop"); },
          "子进程异常退出"),
      std::runtime_error);
}

}  // namespace
}  // namespace guiyan::io
