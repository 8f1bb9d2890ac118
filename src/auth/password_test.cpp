#include "auth/password.h"

#include <gtest/gtest.h>

using namespace guiyan::auth;

TEST(Password, HashVerifiesOnlyTheSamePassword) {
  init_crypto();
  std::string h = hash_password("Jingzhou#2026");
  EXPECT_TRUE(h.rfind("$argon2id$", 0) == 0) << h;
  EXPECT_TRUE(verify_password("Jingzhou#2026", h));
  EXPECT_FALSE(verify_password("jingzhou#2026", h));
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
