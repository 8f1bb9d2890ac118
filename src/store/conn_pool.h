// The pool of connections both backends keep: opened on demand up to a maximum, handed out one
// per borrower, waited for a bounded time.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "store/db.h"

namespace guiyan::store {

class ConnPool {
 public:
  using Open = std::function<std::unique_ptr<Conn>()>;
  // Makes one connection now (so a bad address fails at start), more on demand up to `max`.
  ConnPool(int max, Open open, std::chrono::milliseconds wait = std::chrono::seconds(10));
  // Borrows an idle connection, or opens one while fewer than max are open; waits at most
  // `wait` for one to come back, then throws DbError(unavailable, "数据库连接池已满…").
  // `ready` runs on an idle connection before it is handed out (it may throw; the connection
  // goes back to the pool). A thread that already holds a connection of this pool must pass
  // that one down instead: in builds with assertions (the tests' sanitizer build) asking for a
  // second throws std::logic_error, since borrowers that each wait for a second connection can
  // hold the whole pool between them until every one gives up — except under a
  // SecondConnection on that thread.
  ConnLease acquire(const std::function<void(Conn&)>& ready = {});

 private:
  void give_back(Conn* c);

  const int max_;
  const Open open_conn_;
  const std::chrono::milliseconds wait_;
  int open_ = 0;
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<Conn>> idle_;
};

// While one lives, the thread that made it may borrow a second connection of a pool it already
// holds one of: for work that must commit apart from the held connection's transactions (an
// import's progress, read by others while the import goes on). Such a thread counts for two
// in the pool's size.
class SecondConnection {
 public:
  SecondConnection();
  ~SecondConnection();
  SecondConnection(const SecondConnection&) = delete;
  SecondConnection& operator=(const SecondConnection&) = delete;
};

}  // namespace guiyan::store
