#include "core/background.h"

#if defined(__linux__)
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace guiyan::core {

bool yield_cpu_to_requests() {
#if defined(__linux__)
  // On Linux a nice value belongs to a thread: PRIO_PROCESS with a thread id sets that thread's.
  auto tid = static_cast<id_t>(syscall(SYS_gettid));
  return setpriority(PRIO_PROCESS, tid, 19) == 0;
#else
  return false;
#endif
}

}  // namespace guiyan::core
