// Password hashing (Argon2id via libsodium) and the MLPS level-3 password policy.
#pragma once

#include <optional>
#include <string>

namespace guiyan::auth {

// The environment variable that, set to "1", makes new hashes at libsodium's minimum cost: for
// test suites, which create hundreds of accounts, never production.
inline constexpr const char* kTestHashVariable = "GUIYAN_INSECURE_TEST_PASSWORD_HASH";

// Initialises libsodium; call once, before any other function here and before threads start.
// Throws on failure. Reads kTestHashVariable.
void init_crypto();

// True when init_crypto found kTestHashVariable set to "1" (new hashes are weak).
bool insecure_test_hashing();

// Argon2id hash in libsodium's self-describing string form. At most two hashes run at once
// (each takes ~64 MiB), the others wait.
std::string hash_password(const std::string& password);

// True when `password` matches `hash` (same concurrency bound as hashing). The hash names its own
// cost, so a hash of either cost verifies.
bool verify_password(const std::string& password, const std::string& hash);

// True when `hash` was made at another cost than this process makes (a test run's hash, or an
// older level): the caller may store a new hash of the password it just verified. Always false
// in test hashing, which never lowers a hash.
bool password_needs_rehash(const std::string& hash);

// nullopt when the password meets the policy (≥ 8 characters from at least 3 of: upper-case,
// lower-case, digits, symbols); otherwise the reason in Chinese.
std::optional<std::string> password_policy_violation(const std::string& password);

// A random URL-safe token with 256 bits of entropy.
std::string random_token();

// The hex BLAKE2b hash of a token, as stored in the database.
std::string token_hash(const std::string& token);

}  // namespace guiyan::auth
