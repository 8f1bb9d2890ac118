// Data-driven tests of the duplicate rules: every case lives in testdata/duplicate_pairs.tsv.
#include "core/duplicate_match.h"

#include <gtest/gtest.h>

#include "core/test_cases.h"
#include "core/text.h"

#ifndef GUIYAN_CORE_TESTDATA_DIR
#define GUIYAN_CORE_TESTDATA_DIR "src/core/testdata"
#endif

namespace guiyan::core {
namespace {

// Reads "name=王芳;phone=…" into a record; returns false on an unknown key.
bool parse_record(const std::string& text, DuplicateRecord& r) {
  for (const std::string& pair : split(text, ';')) {
    if (pair.empty()) continue;
    auto eq = pair.find('=');
    if (eq == std::string::npos) return false;
    std::string key = pair.substr(0, eq), value = pair.substr(eq + 1);
    if (key == "name") {
      r.name = value;
    } else if (key == "phone") {
      r.phone = value;
    } else if (key == "phone2") {
      r.phone2 = value;
    } else if (key == "birth") {
      r.birth_date = value;
    } else if (key == "region") {
      r.region_code = value;
    } else if (key == "id") {
      r.id_number = value;
    } else if (key == "raw") {
      r.id_number_raw = value;
    } else {
      return false;
    }
  }
  return true;
}

std::string describe(const std::optional<DuplicateMatch>& m) {
  if (!m) return "none";
  std::string reasons;
  for (const auto& k : m->reasons) reasons += (reasons.empty() ? "" : "|") + k;
  return std::to_string(m->score) + " " + reasons;
}

TEST(DuplicateMatch, CasesFromTheTable) {
  int cases = for_each_case(
      std::string(GUIYAN_CORE_TESTDATA_DIR) + "/duplicate_pairs.tsv", 5,
      [](const std::vector<std::string>& cols, int number) {
        DuplicateRecord a, b;
        ASSERT_TRUE(parse_record(cols[0], a)) << "line " << number << ": bad record A";
        ASSERT_TRUE(parse_record(cols[1], b)) << "line " << number << ": bad record B";
        std::string expected = cols[2] == "none" ? "none" : cols[2] + " " + cols[3];
        EXPECT_EQ(describe(match_duplicate(a, b)), expected)
            << "line " << number << " (" << cols[4] << ")";
        EXPECT_EQ(describe(match_duplicate(b, a)), expected)
            << "line " << number << " swapped (" << cols[4] << ")";
      });
  EXPECT_GE(cases, 20);
}

TEST(DuplicateMatch, EveryReasonHasALabel) {
  for (const auto& t : duplicate_reasons()) EXPECT_FALSE(t.label.empty()) << t.key;
  EXPECT_EQ(term_label(duplicate_reasons(), "same_phone"), "手机号相同");
}

}  // namespace
}  // namespace guiyan::core
