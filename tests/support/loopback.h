// The loopback address this test process listens and connects on.
#pragma once

#include <string>

namespace guiyan::testing {

// 127.0.0.1, or 127.0.0.(2+k) in shard k of a sharded run (GTEST_SHARD_INDEX), so shards running
// side by side never take each other's free ports.
const std::string& loopback_host();

}  // namespace guiyan::testing
