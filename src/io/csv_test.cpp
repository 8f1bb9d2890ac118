#include "io/csv.h"

#include <gtest/gtest.h>

using guiyan::io::split_csv_line;

TEST(Csv, SplitsPlainAndQuotedFields) {
  EXPECT_EQ(split_csv_line("420000,湖北省,,1"),
            (std::vector<std::string>{"420000", "湖北省", "", "1"}));
  EXPECT_EQ(split_csv_line(R"(a,"b,c","d""e")"), (std::vector<std::string>{"a", "b,c", "d\"e"}));
}

TEST(Csv, ForEachSkipsBlankLinesAndStripsCr) {
  std::vector<size_t> lines;
  std::vector<std::string> last;
  guiyan::io::for_each_csv_line("h1,h2\r\n\r\nx,y\r\n", [&](auto fields, size_t n) {
    lines.push_back(n);
    last = fields;
  });
  EXPECT_EQ(lines, (std::vector<size_t>{1, 3}));
  EXPECT_EQ(last, (std::vector<std::string>{"x", "y"}));
}
