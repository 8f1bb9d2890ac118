#include "service/facet_support.h"

#include <gtest/gtest.h>

using namespace guiyan::service;

TEST(LogPosition, TheNewerOfTwoPositionsHasTheGreaterOrder) {
  LogPosition sqlite;
  sqlite.seq = 42;
  EXPECT_EQ(sqlite.order(), 42u);
  // PostgreSQL's pg_snapshot text: xmin:xmax:running xids; xmax grows with time.
  LogPosition older, newer;
  older.snapshot = "9870:9875:9871,9873";
  newer.snapshot = "9874:10002:";
  EXPECT_EQ(older.order(), 9875u);
  EXPECT_LT(older.order(), newer.order());
}
