// Running a file reader in a child process, so that a crash in a C library reading an untrusted
// file (FreeXL on a corrupt .xls) costs the reading, not the server.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace guiyan::io {

// What a reader running in the child sends to the parent: frames of a kind and some strings.
class FrameWriter {
 public:
  explicit FrameWriter(int fd) : fd_(fd) {}
  // Queues one frame; written when 64 KiB are queued, and by flush.
  void frame(char kind, const std::vector<std::string>& parts);
  // Writes what is queued; false when the parent has gone.
  bool flush();

 private:
  int fd_;
  std::string buffer_;
};

// Runs `produce` in a forked child (its frames sent through a pipe) and calls `consume` in this
// process for each frame, in order, until `consume` returns false (the child is then stopped).
// An exception `produce` throws reaches this process as a SheetError with its message; a child
// that dies otherwise (a signal, an exit without finishing) throws SheetError(`crash_message`).
// Exceptions from `consume` pass through, the child stopped and reaped first.
void run_isolated(const std::function<void(FrameWriter&)>& produce,
                  const std::function<bool(char kind, std::vector<std::string>& parts)>& consume,
                  const std::string& crash_message);

}  // namespace guiyan::io
