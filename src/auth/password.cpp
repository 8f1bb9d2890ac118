#include "auth/password.h"

#include <sodium.h>

#include <condition_variable>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <stdexcept>

namespace guiyan::auth {
namespace {

// Bounds concurrent Argon2id runs: each takes ~64 MiB and a core for ~70 ms.
class Gate {
 public:
  void enter() {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [&] { return running_ < kMax; });
    ++running_;
  }
  void leave() {
    std::lock_guard lock(mu_);
    --running_;
    cv_.notify_one();
  }

 private:
  static constexpr int kMax = 2;
  std::mutex mu_;
  std::condition_variable cv_;
  int running_ = 0;
};

// Set once by init_crypto, before any thread hashes.
bool test_hashing = false;

// The Argon2id cost of new hashes: libsodium's interactive level (~64 MiB, ~70 ms), or its
// minimum (8 KiB, one pass) for a test run.
unsigned long long ops_limit() {
  return test_hashing ? crypto_pwhash_OPSLIMIT_MIN : crypto_pwhash_OPSLIMIT_INTERACTIVE;
}
size_t mem_limit() {
  return test_hashing ? crypto_pwhash_MEMLIMIT_MIN : crypto_pwhash_MEMLIMIT_INTERACTIVE;
}

Gate& gate() {
  static Gate g;
  return g;
}

struct GateHold {
  GateHold() { gate().enter(); }
  ~GateHold() { gate().leave(); }
};

}  // namespace

void init_crypto() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium initialisation failed");
  const char* v = std::getenv(kTestHashVariable);
  test_hashing = v && std::strcmp(v, "1") == 0;
}

bool insecure_test_hashing() {
  return test_hashing;
}

std::string hash_password(const std::string& password) {
  GateHold hold;
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, password.data(), password.size(), ops_limit(), mem_limit()) != 0) {
    throw std::runtime_error("out of memory while hashing a password");
  }
  return out;
}

bool verify_password(const std::string& password, const std::string& hash) {
  GateHold hold;
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

bool password_needs_rehash(const std::string& hash) {
  // A test run's own hashes are cheap on purpose; it never rewrites another cost's down.
  if (test_hashing) return false;
  return crypto_pwhash_str_needs_rehash(hash.c_str(), ops_limit(), mem_limit()) != 0;
}

std::optional<std::string> password_policy_violation(const std::string& password) {
  size_t chars = 0;
  bool upper = false, lower = false, digit = false, symbol = false;
  for (unsigned char c : password) {
    if ((c & 0xC0) != 0x80) ++chars;
    if (c >= 'A' && c <= 'Z') {
      upper = true;
    } else if (c >= 'a' && c <= 'z') {
      lower = true;
    } else if (c >= '0' && c <= '9') {
      digit = true;
    } else if ((c & 0xC0) != 0x80) {
      symbol = true;
    }
  }
  if (chars < 8) return "密码至少8位";
  if (chars > 128) return "密码最多128位";
  if (upper + lower + digit + symbol < 3) {
    return "密码须包含大写字母、小写字母、数字、符号中的至少三类";
  }
  return std::nullopt;
}

std::string random_token() {
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  char out[sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  sodium_bin2base64(out, sizeof out, bytes, sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return out;
}

std::string token_hash(const std::string& token) {
  unsigned char h[32];
  crypto_generichash(h, sizeof h, reinterpret_cast<const unsigned char*>(token.data()),
                     token.size(), nullptr, 0);
  char hex[65];
  sodium_bin2hex(hex, sizeof hex, h, sizeof h);
  return hex;
}

}  // namespace guiyan::auth
