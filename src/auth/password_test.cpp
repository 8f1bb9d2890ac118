#include "auth/password.h"

#include <gtest/gtest.h>

#include <cstdlib>

using namespace guiyan::auth;

TEST(Password, HashVerifiesOnlyTheSamePassword) {
  init_crypto();
  std::string h = hash_password("Jingzhou#2026");
  EXPECT_TRUE(h.rfind("$argon2id$", 0) == 0) << h;
  EXPECT_TRUE(verify_password("Jingzhou#2026", h));
  EXPECT_FALSE(verify_password("jingzhou#2026", h));
}

TEST(Password, HashesAreOfTheInteractiveCostUnlessATestRunAsksForTheLeast) {
  unsetenv(kTestHashVariable);
  init_crypto();
  std::string real = hash_password("Jingzhou#2026");
  EXPECT_EQ(real.rfind("$argon2id$v=19$m=65536,t=2,p=1$", 0), 0u) << real;
  EXPECT_FALSE(insecure_test_hashing());
  EXPECT_FALSE(password_needs_rehash(real));

  setenv(kTestHashVariable, "1", 1);
  init_crypto();
  std::string cheap = hash_password("Jingzhou#2026");
  EXPECT_TRUE(insecure_test_hashing());
  EXPECT_EQ(cheap.rfind("$argon2id$v=19$m=8,t=1,p=1$", 0), 0u) << cheap;
  EXPECT_TRUE(verify_password("Jingzhou#2026", cheap));
  EXPECT_FALSE(verify_password("Jingzhou#2027", cheap));
  EXPECT_TRUE(verify_password("Jingzhou#2026", real));  // each hash names its own cost
  EXPECT_FALSE(password_needs_rehash(real));            // a test run never lowers one

  setenv(kTestHashVariable, "yes", 1);  // only "1" asks for it
  init_crypto();
  EXPECT_FALSE(insecure_test_hashing());
  EXPECT_TRUE(password_needs_rehash(cheap));  // an installation raises a test run's hash
  EXPECT_FALSE(password_needs_rehash(real));
  unsetenv(kTestHashVariable);
  init_crypto();
}

TEST(Password, PolicyNeedsEightCharactersFromThreeClasses) {
  EXPECT_EQ(password_policy_violation("Ab1!"), "密码至少8位");
  EXPECT_TRUE(password_policy_violation("abcdefgh1"));      // two classes
  EXPECT_FALSE(password_policy_violation("abcdefg1A"));     // lower, digit, upper
  EXPECT_FALSE(password_policy_violation("abcdefg1!"));     // lower, digit, symbol
  EXPECT_FALSE(password_policy_violation("密码密码ab1!"));  // Chinese counts as a symbol
  EXPECT_TRUE(password_policy_violation("ABCDEFGH"));
}

TEST(Password, TokensAreRandomAndHashStable) {
  init_crypto();
  std::string a = random_token(), b = random_token();
  EXPECT_NE(a, b);
  EXPECT_EQ(a.size(), 43u);
  EXPECT_EQ(token_hash(a), token_hash(a));
  EXPECT_NE(token_hash(a), token_hash(b));
  EXPECT_EQ(token_hash(a).size(), 64u);
}
