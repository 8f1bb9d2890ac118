#include "core/background.h"

#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <thread>

namespace guiyan::core {
namespace {

int priority_of_this_thread() {
  return getpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)));
}

TEST(YieldCpuToRequests, LowersOnlyTheCallingThread) {
  int before = priority_of_this_thread();
  int background = 0;
  bool lowered = false;
  std::thread t([&] {
    lowered = yield_cpu_to_requests();
    background = priority_of_this_thread();
  });
  t.join();
  EXPECT_TRUE(lowered);
  EXPECT_EQ(background, 19);
  // The thread that started it, and so the request threads, keep their priority.
  EXPECT_EQ(priority_of_this_thread(), before);
  std::thread fresh([&] { background = priority_of_this_thread(); });
  fresh.join();
  EXPECT_EQ(background, before);
}

}  // namespace
}  // namespace guiyan::core
