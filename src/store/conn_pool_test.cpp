// The connection pool both backends share: how many it opens, how long a borrower waits, and
// the check that a thread holding a connection does not ask for a second.
#include "store/conn_pool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <thread>

using namespace guiyan::store;
using namespace std::chrono_literals;

namespace {

// A connection that runs nothing: what is pooled, not what it talks to, is under test here.
class InertConn final : public Conn {
 public:
  int64_t run(std::string_view, const Params&, const RowFn&) override { return 0; }
  void exec_script(std::string_view) override {}
  const Dialect& dialect() const override { return dialect_; }

 private:
  Dialect dialect_{"inert", "BEGIN", "", "", "", ""};
};

struct Opened {
  std::atomic<int> count{0};
  ConnPool::Open opener() {
    return [this] {
      ++count;
      return std::make_unique<InertConn>();
    };
  }
};

// Borrows a connection on another thread and keeps it until `release` is set.
std::future<void> hold_elsewhere(ConnPool& pool, std::promise<void>& taken,
                                 std::shared_future<void> release) {
  return std::async(std::launch::async, [&pool, &taken, release] {
    auto lease = pool.acquire();
    taken.set_value();
    release.wait();
  });
}

}  // namespace

TEST(ConnPool, OpensOneAtStartAndMoreOnlyWhenAllAreBorrowed) {
  Opened opened;
  ConnPool pool(3, opened.opener(), 50ms);
  EXPECT_EQ(opened.count, 1);
  Conn* first = nullptr;
  {
    auto a = pool.acquire();
    first = a.get();
  }
  auto again = pool.acquire();
  EXPECT_EQ(again.get(), first);  // the idle one comes back before a new one is opened
  EXPECT_EQ(opened.count, 1);
  std::promise<void> taken;
  std::promise<void> release;
  auto holder = hold_elsewhere(pool, taken, release.get_future().share());
  taken.get_future().wait();
  EXPECT_EQ(opened.count, 2);
  release.set_value();
  holder.get();
}

TEST(ConnPool, AFullPoolAnswersWithAClearErrorOnceItsWaitIsOver) {
  Opened opened;
  ConnPool pool(1, opened.opener(), 50ms);
  std::promise<void> taken;
  std::promise<void> release;
  auto holder = hold_elsewhere(pool, taken, release.get_future().share());
  taken.get_future().wait();
  try {
    pool.acquire();
    ADD_FAILURE() << "a pool with its one connection lent out handed out another";
  } catch (const DbError& e) {
    EXPECT_EQ(e.kind(), DbErrorKind::unavailable);
    EXPECT_STREQ(e.what(), "数据库连接池已满，请稍后重试");
  }
  release.set_value();
  holder.get();
  EXPECT_NE(pool.acquire(), nullptr);  // the connection given back serves the next borrower
  EXPECT_EQ(opened.count, 1);
}

TEST(ConnPool, AWaitingBorrowerGetsTheConnectionGivenBack) {
  Opened opened;
  ConnPool pool(1, opened.opener(), 10s);
  auto lease = pool.acquire();
  Conn* only = lease.get();
  auto waiter = std::async(std::launch::async, [&pool] { return pool.acquire().get(); });
  EXPECT_EQ(waiter.wait_for(20ms), std::future_status::timeout);  // it waits while lent out
  lease.reset();
  EXPECT_EQ(waiter.get(), only);
}

TEST(ConnPool, AConnectionThatFailsItsCheckGoesBackToThePool) {
  Opened opened;
  ConnPool pool(1, opened.opener(), 50ms);
  EXPECT_THROW(pool.acquire([](Conn&) {
    throw DbError(DbErrorKind::unavailable, "PostgreSQL 数据库暂时不可用");
  }),
               DbError);
  EXPECT_NE(pool.acquire(), nullptr);  // not lost: the pool's only connection is there again
}

TEST(ConnPool, AThreadHoldingAConnectionMayNotAskForASecondUnlessMarked) {
#ifdef NDEBUG
  GTEST_SKIP() << "checked in builds with assertions (the sanitizer build runs this test)";
#else
  Opened opened;
  ConnPool pool(4, opened.opener(), 50ms);
  {
    auto held = pool.acquire();
    EXPECT_THROW(pool.acquire(), std::logic_error);
    SecondConnection apart;
    auto second = pool.acquire();
    EXPECT_NE(second.get(), held.get());
  }
  // Everything given back: the thread may borrow again, and another pool is another matter.
  auto again = pool.acquire();
  ConnPool other(1, opened.opener(), 50ms);
  EXPECT_NE(other.acquire(), nullptr);
#endif
}
