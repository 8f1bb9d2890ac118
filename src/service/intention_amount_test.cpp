#include "service/intention_amount.h"

#include <gtest/gtest.h>

#include "core/test_cases.h"
#include "service/sheet_headers.h"

namespace guiyan::service {
namespace {

std::string end(const std::optional<int64_t>& v) {
  return v ? std::to_string(*v) : "-";
}

TEST(IntentionAmount, CasesFromTheCaseFile) {
  int cases =
      core::for_each_case(std::string(GUIYAN_SERVICE_TESTDATA_DIR) + "/intention_amounts.tsv", 3,
                          [](const std::vector<std::string>& cols, int number) {
                            auto r = intention_amount(cols[0], "2026-11-22");
                            EXPECT_EQ(r ? end(r->min_wan) + " " + end(r->max_wan) : "none", cols[1])
                                << "line " << number << ": " << cols[0] << " (" << cols[2] << ")";
                          });
  EXPECT_GE(cases, 20);
}

TEST(IntentionAmount, AFigureWithoutAUnitIsInTheUnitTheHeaderGives) {
  auto read = [](const std::string& cell, const std::string& header) {
    auto r = intention_amount(cell, "2026-12-07", header_money_unit(header));
    return r ? end(r->min_wan) + " " + end(r->max_wan) : "none";
  };
  EXPECT_EQ(read("500000-1000000", "意向投资金额（元）"), "50 100");
  EXPECT_EQ(read("500000以上", "投资金额(元)"), "50 -");
  EXPECT_EQ(read("2-5", "意向投资金额（亿元）"), "20000 50000");
  // A unit written in the cell is the cell's.
  EXPECT_EQ(read("1000-5000万", "意向投资金额（元）"), "1000 5000");
  EXPECT_EQ(read("5000", "意向投资金额（万元）"), "5000 5000");
  EXPECT_EQ(read("5000", "意向投资金额"), "5000 5000");
}

}  // namespace
}  // namespace guiyan::service
