// What the data-driven tests share (test code only): reading a case file of a testdata folder,
// one case per line, its columns separated by one TAB, lines starting with # for comments.
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include "core/text.h"

namespace guiyan::core {

// Calls fn(columns, line number) for each case of the file at `path` that has `columns`
// columns (a case with another count fails the test and is skipped); returns how many cases
// were run. A missing file fails the test.
inline int for_each_case(const std::string& path, size_t columns,
                         const std::function<void(const std::vector<std::string>&, int)>& fn) {
  std::ifstream in(path);
  EXPECT_TRUE(in) << path << " is missing";
  std::string line;
  int cases = 0;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.empty() || line[0] == '#') continue;
    auto cols = split(line, '\t');
    EXPECT_EQ(cols.size(), columns)
        << path << ":" << number << ": expected " << columns << " columns";
    if (cols.size() != columns) continue;
    fn(cols, number);
    ++cases;
  }
  return cases;
}

}  // namespace guiyan::core
