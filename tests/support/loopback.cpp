#include "support/loopback.h"

#include <cstdlib>

namespace guiyan::testing {

const std::string& loopback_host() {
  static const std::string host = [] {
    const char* shard = std::getenv("GTEST_SHARD_INDEX");
    if (shard == nullptr || *shard == '\0') return std::string("127.0.0.1");
    return "127.0.0." + std::to_string(2 + std::atoi(shard));
  }();
  return host;
}

}  // namespace guiyan::testing
