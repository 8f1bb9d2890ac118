#include "service/region_resolver.h"

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <stdexcept>

#include "core/test_cases.h"
#include "store/db.h"
#include "store/migrations.h"
#include "store/temp_database.h"

namespace guiyan::service {
namespace {

// The code `regions` gives for `text`, or "!" and its error.
std::string answer(const RegionResolver& regions, const std::string& text) {
  try {
    return regions.resolve(text);
  } catch (const std::invalid_argument& e) {
    return std::string("!") + e.what();
  }
}

// Checks an answer against a case's expectation: a code, or "!" and a piece of the error.
void expect_answer(const std::string& got, const std::string& want, int line,
                   const std::string& comment) {
  if (want.starts_with("!")) {
    EXPECT_NE(got.find(want.substr(1)), std::string::npos)
        << "line " << line << " (" << comment << "): " << got;
    EXPECT_TRUE(got.starts_with("!")) << "line " << line << ": " << got;
  } else {
    EXPECT_EQ(got, want) << "line " << line << " (" << comment << ")";
  }
}

// A migrated temporary database holding the shipped region table, and a connection to it.
struct MigratedDb {
  explicit MigratedDb(const std::string& name) : tmp{name}, db(store::open_db(tmp.url(), 1)) {
    store::migrate(*db);
    conn = db->acquire();
  }
  store::TempDatabase tmp;
  std::unique_ptr<store::Db> db;
  decltype(db->acquire()) conn;
};

TEST(RegionResolver, ShortNamesDropCommitteeAndTypeWords) {
  EXPECT_EQ(RegionResolver::short_name("车家垱村村民委员会"), "车家垱");
  EXPECT_EQ(RegionResolver::short_name("东升村委会"), "东升");
  EXPECT_EQ(RegionResolver::short_name("万全社区居委会"), "万全");
  EXPECT_EQ(RegionResolver::short_name("新建村民委员会"), "新建");
  EXPECT_EQ(RegionResolver::short_name("业新村村民委员"), "业新");  // a truncated official name
  EXPECT_EQ(RegionResolver::short_name("埠河镇"), "埠河");
  EXPECT_EQ(RegionResolver::short_name("沙市区"), "沙市");
  EXPECT_EQ(RegionResolver::short_name("滨湖街道"), "滨湖");
  EXPECT_EQ(RegionResolver::short_name("荆州市"), "荆州");
  EXPECT_EQ(RegionResolver::short_name("江村"), "江村");  // one character would be left
  EXPECT_EQ(RegionResolver::short_name("胜利村委会（邵家河）"), "胜利");
  EXPECT_EQ(RegionResolver::short_name("汤台(新汤台)村委会"), "汤台");
  EXPECT_EQ(RegionResolver::short_name("（社区）"), "（社区）");  // nothing outside the brackets
}

// Every case of testdata/region_names.tsv against the shipped region table.
TEST(RegionResolver, SheetCellsResolveAsOfficesMeanThem) {
  MigratedDb m{"region_resolver_test"};
  RegionResolver regions(*m.conn);
  int n = core::for_each_case(std::string(GUIYAN_SERVICE_TESTDATA_DIR) + "/region_names.tsv", 3,
                              [&](const std::vector<std::string>& c, int line) {
                                std::string got = answer(regions, c[0]);
                                expect_answer(got, c[1], line, c[2]);
                                // Asked again (from the memo), the same answer.
                                EXPECT_EQ(answer(regions, c[0]), got) << "line " << line;
                              });
  EXPECT_GE(n, 20);
}

// Every case of testdata/region_addresses.tsv: the region a household's address begins with.
TEST(RegionResolver, AnAddressGivesTheRegionItBeginsWith) {
  MigratedDb m{"region_resolver_address_test"};
  RegionResolver regions(*m.conn);
  int n = core::for_each_case(std::string(GUIYAN_SERVICE_TESTDATA_DIR) + "/region_addresses.tsv", 4,
                              [&](const std::vector<std::string>& c, int line) {
                                std::string note, got;
                                try {
                                  got = regions.resolve_address(c[0], &note);
                                } catch (const std::invalid_argument& e) {
                                  got = std::string("!") + e.what();
                                }
                                expect_answer(got, c[1], line, c[3]);
                                if (c[2] == "-") {
                                  EXPECT_EQ(note, "") << "line " << line << " (" << c[3] << ")";
                                } else {
                                  EXPECT_NE(note.find(c[2]), std::string::npos)
                                      << "line " << line << " (" << c[3] << "): " << note;
                                }
                              });
  EXPECT_GE(n, 10);
}

// Every case of testdata/region_names_by_account.tsv: namesakes within the account's region.
TEST(RegionResolver, AnOfficesOwnPlacesByNameAlone) {
  MigratedDb m{"region_resolver_home_test"};
  std::map<std::string, std::unique_ptr<RegionResolver>> by_home;
  int n =
      core::for_each_case(std::string(GUIYAN_SERVICE_TESTDATA_DIR) + "/region_names_by_account.tsv",
                          4, [&](const std::vector<std::string>& c, int line) {
                            std::string home = c[0] == "-" ? "" : c[0];
                            auto& regions = by_home[home];
                            if (!regions) regions = std::make_unique<RegionResolver>(*m.conn, home);
                            expect_answer(answer(*regions, c[1]), c[2], line, c[3]);
                          });
  EXPECT_GE(n, 8);
}

// Every case of testdata/search_places.tsv: the places a search word names within a region.
TEST(RegionResolver, ASearchWordNamesThePlacesWithinTheList) {
  MigratedDb m{"region_resolver_search_test"};
  RegionResolver regions(*m.conn, "421022");  // a home plays no part in it
  int n = core::for_each_case(
      std::string(GUIYAN_SERVICE_TESTDATA_DIR) + "/search_places.tsv", 4,
      [&](const std::vector<std::string>& c, int line) {
        std::string got;
        for (const auto& code : regions.places_named(c[1], c[0] == "-" ? "" : c[0])) {
          got += (got.empty() ? "" : ",") + code;
        }
        EXPECT_EQ(got.empty() ? "-" : got, c[2]) << "line " << line << " (" << c[3] << ")";
      });
  EXPECT_GE(n, 15);
}

}  // namespace
}  // namespace guiyan::service
