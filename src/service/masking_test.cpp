#include "service/masking.h"

#include <gtest/gtest.h>

using namespace guiyan::service;

TEST(Masking, IdNumbersKeepFourAtEachEnd) {
  EXPECT_EQ(mask_id_number("420102199001011234"), "4201**********1234");
  EXPECT_EQ(mask_id_number("42010219900101123X"), "4201**********123X");
  EXPECT_EQ(mask_id_number("12345678"), "********");
  EXPECT_EQ(mask_id_number(""), "");
}

TEST(Masking, PhonesKeepPrefixAndLastFour) {
  EXPECT_EQ(mask_phone("13812345678"), "138****5678");
  EXPECT_EQ(mask_phone("0716-8514460"), "0716-***4460");
  EXPECT_EQ(mask_phone("027-87654321"), "027-****4321");
  EXPECT_EQ(mask_phone("1234"), "****");
  EXPECT_EQ(mask_phone(""), "");
}
