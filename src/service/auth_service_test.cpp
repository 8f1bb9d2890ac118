#include "service/auth_service.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "auth/password.h"
#include "http/api_error.h"
#include "service/user_service.h"
#include "store/migrations.h"
#include "store/temp_database.h"

using namespace guiyan;
using namespace std::chrono_literals;

namespace {

class AuthServiceTest : public ::testing::Test {
 protected:
  store::TempDatabase tmp{"auth_service_test"};  // first: outlives db
  void SetUp() override {
    auth::init_crypto();
    db = store::open_db(tmp.url(), 2);
    store::migrate(*db);
    service::NewUser u{"clerk1", "经办员", "Guiyan#2026", std::nullopt, "421022", {"clerk"}};
    service::create_user(*db, service::Actor::system("test"), nullptr, u);
    t0 = *core::parse_iso("2026-03-01T08:00:00Z");
  }

  int status_of(const std::string& password, core::TimePoint at) {
    try {
      service::login(*db, "clerk1", password, "127.0.0.1", at, settings);
      return 200;
    } catch (const http::ApiError& e) {
      return e.status();
    }
  }

  std::unique_ptr<store::Db> db;
  service::AuthSettings settings;
  core::TimePoint t0;
};

}  // namespace

TEST_F(AuthServiceTest, LockoutEndsAfterFifteenMinutes) {
  for (int i = 0; i < 4; ++i) EXPECT_EQ(status_of("Wrong#1234", t0), 401);
  EXPECT_EQ(status_of("Wrong#1234", t0), 423);
  EXPECT_EQ(status_of("Guiyan#2026", t0 + 14min + 59s), 423);
  EXPECT_EQ(status_of("Guiyan#2026", t0 + 15min), 200);
}

TEST_F(AuthServiceTest, ASuccessResetsTheFailureCount) {
  for (int i = 0; i < 4; ++i) EXPECT_EQ(status_of("Wrong#1234", t0), 401);
  EXPECT_EQ(status_of("Guiyan#2026", t0), 200);
  for (int i = 0; i < 4; ++i) EXPECT_EQ(status_of("Wrong#1234", t0), 401);
  EXPECT_EQ(status_of("Guiyan#2026", t0), 200);
}

TEST_F(AuthServiceTest, SessionsExpireAfterInactivityAndActivityExtendsThem) {
  auto r = service::login(*db, "clerk1", "Guiyan#2026", "ip", t0, settings);
  EXPECT_TRUE(service::authenticate(*db, r.token, "ip", t0 + 29min, settings));
  // Used at +29 min: the idle deadline moves to +59 min.
  EXPECT_TRUE(service::authenticate(*db, r.token, "ip", t0 + 58min, settings));
  EXPECT_FALSE(service::authenticate(*db, r.token, "ip", t0 + 58min + 31min, settings));
  // Expired sessions are gone for good.
  EXPECT_FALSE(service::authenticate(*db, r.token, "ip", t0 + 1min, settings));
}

TEST_F(AuthServiceTest, SessionsEndAfterTheMaximumLifetimeEvenWhenUsed) {
  auto r = service::login(*db, "clerk1", "Guiyan#2026", "ip", t0, settings);
  for (auto t = t0 + 20min; t < t0 + 12h; t += 20min) {
    ASSERT_TRUE(service::authenticate(*db, r.token, "ip", t, settings));
  }
  EXPECT_FALSE(service::authenticate(*db, r.token, "ip", t0 + 12h, settings));
}

TEST_F(AuthServiceTest, DisabledAccountsCannotUseTheirSessions) {
  auto r = service::login(*db, "clerk1", "Guiyan#2026", "ip", t0, settings);
  store::exec(*db->acquire(), "UPDATE app_user SET disabled = 1");
  EXPECT_FALSE(service::authenticate(*db, r.token, "ip", t0 + 1min, settings));
  EXPECT_EQ(status_of("Guiyan#2026", t0), 403);
}
