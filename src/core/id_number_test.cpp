#include "core/id_number.h"

#include <gtest/gtest.h>

using guiyan::core::complete_id_number;

TEST(IdNumber, CompletesSeventeenDigitsWithTheCheckCharacter) {
  EXPECT_EQ(complete_id_number("11010519491231002"), "11010519491231002X");  // GB 11643 example
  EXPECT_EQ(complete_id_number("44052418800101001"), "440524188001010014");  // GB 11643 example
  auto made = complete_id_number("42102219900101002");
  EXPECT_TRUE(guiyan::core::check_id_number(made, {2026, 11, 22}).valid) << made;
}
