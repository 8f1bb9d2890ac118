#include "io/isolated.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <memory>

#include "io/sheet_error.h"

namespace guiyan::io {
namespace {

constexpr char kEnd = '\x01', kError = '\x02';  // frames of run_isolated's own

void put32(std::string& out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out += static_cast<char>(v >> (8 * i) & 0xFF);
}

// The parent's end of the pipe, read 64 KiB at a time.
class PipeReader {
 public:
  explicit PipeReader(int fd) : fd_(fd) {}

  // Reads one frame; false at the end of the pipe (or a frame cut short).
  bool frame(char& kind, std::vector<std::string>& parts) {
    uint32_t count = 0;
    if (!bytes(&kind, 1) || !u32(count)) return false;
    parts.resize(count);
    for (auto& part : parts) {
      uint32_t length = 0;
      if (!u32(length)) return false;
      part.resize(length);
      if (length > 0 && !bytes(part.data(), length)) return false;
    }
    return true;
  }

 private:
  // Copies the next `n` bytes to `out`; false at the end of the pipe before them.
  bool bytes(char* out, size_t n) {
    while (n > 0) {
      if (at_ == end_) {
        ssize_t got = ::read(fd_, buffer_, sizeof buffer_);
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) return false;
        at_ = 0;
        end_ = static_cast<size_t>(got);
      }
      size_t take = std::min(n, end_ - at_);
      std::memcpy(out, buffer_ + at_, take);
      at_ += take;
      out += take;
      n -= take;
    }
    return true;
  }

  bool u32(uint32_t& v) {
    unsigned char b[4];
    if (!bytes(reinterpret_cast<char*>(b), 4)) return false;
    v = b[0] | b[1] << 8 | b[2] << 16 | static_cast<uint32_t>(b[3]) << 24;
    return true;
  }

  int fd_;
  char buffer_[64 * 1024];
  size_t at_ = 0, end_ = 0;
};

// Stops and reaps the child when the parent leaves early, however it leaves.
struct Child {
  pid_t pid;
  int fd;
  bool reaped = false;
  // Waits for the child; its wait status.
  int reap() {
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    reaped = true;
    return status;
  }
  ~Child() {
    ::close(fd);
    if (!reaped) {
      ::kill(pid, SIGKILL);
      reap();
    }
  }
};

}  // namespace

void FrameWriter::frame(char kind, const std::vector<std::string>& parts) {
  buffer_ += kind;
  put32(buffer_, static_cast<uint32_t>(parts.size()));
  for (const auto& p : parts) {
    put32(buffer_, static_cast<uint32_t>(p.size()));
    buffer_ += p;
  }
  if (buffer_.size() >= 64 * 1024) flush();
}

bool FrameWriter::flush() {
  const char* at = buffer_.data();
  size_t left = buffer_.size();
  while (left > 0) {
    ssize_t n = ::write(fd_, at, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    at += n;
    left -= static_cast<size_t>(n);
  }
  buffer_.clear();
  return true;
}

void run_isolated(const std::function<void(FrameWriter&)>& produce,
                  const std::function<bool(char kind, std::vector<std::string>& parts)>& consume,
                  const std::string& crash_message) {
  int fds[2];
  if (::pipe(fds) != 0) throw SheetError("读取文件失败：无法创建管道");
  pid_t pid = ::fork();
  if (pid < 0) {
    ::close(fds[0]);
    ::close(fds[1]);
    throw SheetError("读取文件失败：无法创建子进程");
  }
  if (pid == 0) {
    // The child: read, send, and leave without running this process's exit handlers.
    ::close(fds[0]);
    ::signal(SIGPIPE, SIG_DFL);
    FrameWriter out(fds[1]);
    try {
      produce(out);
      out.frame(kEnd, {});
    } catch (const std::exception& e) {
      out.frame(kError, {e.what()});
    } catch (...) {
      out.frame(kError, {crash_message});
    }
    out.flush();
    ::_exit(0);
  }
  ::close(fds[1]);
  Child child{pid, fds[0]};
  auto reader = std::make_unique<PipeReader>(child.fd);
  char kind = 0;
  std::vector<std::string> parts;
  while (reader->frame(kind, parts)) {
    if (kind == kEnd) return;
    if (kind == kError) throw SheetError(parts.empty() ? crash_message : parts[0]);
    if (!consume(kind, parts)) return;  // the child is stopped as `child` goes
  }
  child.reap();
  throw SheetError(crash_message);
}

}  // namespace guiyan::io
