#include "store/conn_pool.h"

#include <algorithm>
#include <stdexcept>

namespace guiyan::store {
namespace {

// The pools this thread holds a connection of (once per connection held; kept in builds with
// assertions only), and how many SecondConnection markers it has alive.
struct Held {
  std::vector<const ConnPool*> pools;
  int second_allowed = 0;
};
thread_local Held t_held;

}  // namespace

ConnPool::ConnPool(int max, Open open, std::chrono::milliseconds wait)
    : max_(max < 1 ? 1 : max), open_conn_(std::move(open)), wait_(wait) {
  idle_.push_back(open_conn_());
  open_ = 1;
}

ConnLease ConnPool::acquire(const std::function<void(Conn&)>& ready) {
#ifndef NDEBUG
  if (t_held.second_allowed == 0 &&
      std::find(t_held.pools.begin(), t_held.pools.end(), this) != t_held.pools.end()) {
    throw std::logic_error(
        "a thread holding a database connection asked the pool for another: pass the held one");
  }
#endif
  std::unique_ptr<Conn> c;
  {
    std::unique_lock lock(mu_);
    if (!cv_.wait_for(lock, wait_, [&] { return !idle_.empty() || open_ < max_; })) {
      throw DbError(DbErrorKind::unavailable, "数据库连接池已满，请稍后重试");
    }
    if (!idle_.empty()) {
      c = std::move(idle_.back());
      idle_.pop_back();
    } else {
      ++open_;
    }
  }
  if (c) {
    if (ready) {
      try {
        ready(*c);
      } catch (...) {
        give_back(c.release());
        throw;
      }
    }
  } else {
    try {
      c = open_conn_();
    } catch (...) {
      std::lock_guard lock(mu_);
      --open_;
      cv_.notify_one();
      throw;
    }
  }
#ifdef NDEBUG
  return ConnLease(c.release(), [this](Conn* p) { give_back(p); });
#else
  // Who holds what is kept only where it is checked. Leases go back on the thread that
  // borrowed them (requests and jobs keep to one thread).
  t_held.pools.push_back(this);
  return ConnLease(c.release(), [this](Conn* p) {
    auto& pools = t_held.pools;
    if (auto it = std::find(pools.begin(), pools.end(), this); it != pools.end()) pools.erase(it);
    give_back(p);
  });
#endif
}

void ConnPool::give_back(Conn* c) {
  std::lock_guard lock(mu_);
  idle_.emplace_back(c);
  cv_.notify_one();
}

SecondConnection::SecondConnection() {
  ++t_held.second_allowed;
}

SecondConnection::~SecondConnection() {
  --t_held.second_allowed;
}

}  // namespace guiyan::store
