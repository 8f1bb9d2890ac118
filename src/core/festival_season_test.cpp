// Data-driven tests of the festival seasons: every case lives in testdata/festival_seasons.tsv.
#include "core/festival_season.h"

#include <gtest/gtest.h>

#include "core/merchant_vocabulary.h"
#include "core/test_cases.h"

#ifndef GUIYAN_CORE_TESTDATA_DIR
#define GUIYAN_CORE_TESTDATA_DIR "src/core/testdata"
#endif

namespace guiyan::core {
namespace {

TEST(FestivalSeasons, EveryCaseOfTheDataFile) {
  int cases = for_each_case(std::string(GUIYAN_CORE_TESTDATA_DIR) + "/festival_seasons.tsv", 3,
                            [](const std::vector<std::string>& c, int number) {
                              auto error = festival_season_error(c[0], c[1]);
                              if (c[2] == "ok") {
                                EXPECT_FALSE(error)
                                    << "line " << number << ": " << error.value_or("");
                              } else {
                                ASSERT_TRUE(error) << "line " << number;
                                EXPECT_NE(error->find(c[2].substr(1)), std::string::npos)
                                    << "line " << number << ": " << *error;
                              }
                            });
  EXPECT_GE(cases, 15);
}

TEST(FestivalSeasons, EveryFestivalOfTheVocabularyHasASeason) {
  for (const auto& f : festivals()) {
    // 2 July lies outside every season but 端午's.
    bool in_season = !festival_season_error(f.key, "2026-07-02");
    EXPECT_EQ(in_season, f.key == "dragon_boat") << f.key;
  }
}

}  // namespace
}  // namespace guiyan::core
