// Work a server does for later, not for anyone waiting: it runs when the cores are otherwise idle.
#pragma once

namespace guiyan::core {

// Lowers the calling thread (only it, not the process) to the weakest CPU priority, so that
// requests on other threads get the cores first; on systems without per-thread priorities it
// does nothing. Returns whether the priority was lowered.
bool yield_cpu_to_requests();

}  // namespace guiyan::core
