#include "core/id_number.h"

#include <gtest/gtest.h>

using guiyan::core::complete_id_number;
using guiyan::core::unverified_id_number;

TEST(IdNumber, CompletesSeventeenDigitsWithTheCheckCharacter) {
  EXPECT_EQ(complete_id_number("11010519491231002"), "11010519491231002X");  // GB 11643 example
  EXPECT_EQ(complete_id_number("44052418800101001"), "440524188001010014");  // GB 11643 example
  auto made = complete_id_number("42102219900101002");
  EXPECT_TRUE(guiyan::core::check_id_number(made, {2026, 11, 22}).valid) << made;
}

TEST(IdNumber, AMistypedNumberIsKeptAsWrittenAndAnythingElseIsNot) {
  std::string good = complete_id_number("42102219900101002");
  std::string typo = good.substr(0, 17) + (good[17] == '1' ? "2" : "1");  // wrong check digit
  EXPECT_EQ(unverified_id_number(typo), typo);
  EXPECT_EQ(unverified_id_number(" " + typo + " "), typo);  // as a cell may hold it
  EXPECT_EQ(unverified_id_number("42102219900101002x"), "42102219900101002X");  // x folded
  EXPECT_EQ(unverified_id_number("421022900101002"), "421022900101002");        // 15 digits
  EXPECT_FALSE(unverified_id_number("4210221990010"));                          // too short
  EXPECT_FALSE(unverified_id_number("4210221990010100234"));                    // too long
  EXPECT_FALSE(unverified_id_number("42102219900X01002X"));                     // X inside
  EXPECT_FALSE(unverified_id_number("王芳"));
  EXPECT_FALSE(unverified_id_number(""));
}
