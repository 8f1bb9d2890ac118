#include "http/message.h"

#include <gtest/gtest.h>

using guiyan::http::Request;

TEST(Request, AQueryParameterNoOneAskedForIsReported) {
  Request req;
  req.query = {{"status", "away"}, {"stauts", "away"}, {"limit", "10"}};
  EXPECT_EQ(req.unread_query_param(), "limit");  // by name: none asked for yet
  EXPECT_EQ(req.query_param("limit"), "10");
  EXPECT_EQ(req.query_param("status"), "away");
  EXPECT_EQ(req.query_param("region"), "");  // asked for and absent: no harm
  EXPECT_EQ(req.unread_query_param(), "stauts");
  req.query_param("stauts");
  EXPECT_EQ(req.unread_query_param(), "");
  EXPECT_EQ(Request{}.unread_query_param(), "");
}
