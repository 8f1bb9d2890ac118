#include "cli/config.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

using namespace guiyan::cli;

TEST(Config, FlagsOverEnvOverFile) {
  std::string path = ::testing::TempDir() + "/guiyan_test.toml";
  std::ofstream(path) << "listen = \"0.0.0.0:9000\"\ndb = \"sqlite:/tmp/a.db\"\n"
                         "session_idle_minutes = 45\n";
  Config cfg;
  load_toml(cfg, path, true);
  EXPECT_EQ(cfg.listen, "0.0.0.0:9000");
  EXPECT_EQ(cfg.session_idle_minutes, 45);
  setenv("GUIYAN_DB", "sqlite:/tmp/b.db", 1);
  load_env(cfg);
  unsetenv("GUIYAN_DB");
  EXPECT_EQ(cfg.db, "sqlite:/tmp/b.db");
  EXPECT_EQ(cfg.listen, "0.0.0.0:9000");
}

TEST(Config, BadFileAndTypesAreExplained) {
  std::string path = ::testing::TempDir() + "/guiyan_bad.toml";
  std::ofstream(path) << "session_idle_minutes = \"ten\"\n";
  Config cfg;
  EXPECT_THROW(load_toml(cfg, path, true), std::runtime_error);
  EXPECT_THROW(load_toml(cfg, "/nonexistent/guiyan.toml", true), std::runtime_error);
  EXPECT_NO_THROW(load_toml(cfg, "/nonexistent/guiyan.toml", false));
}

TEST(Config, SplitsListenAddresses) {
  EXPECT_EQ(split_listen("127.0.0.1:8080"),
            (std::pair<std::string, unsigned short>{"127.0.0.1", 8080}));
  EXPECT_EQ(split_listen("[::1]:80").first, "::1");
  EXPECT_THROW(split_listen("8080"), std::runtime_error);
  EXPECT_THROW(split_listen("host:99999"), std::runtime_error);
  EXPECT_THROW(split_listen("host:80x"), std::runtime_error);
}
