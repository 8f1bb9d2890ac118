#include "service/vocabulary_sync.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "core/vocabulary_registry.h"
#include "store/migrations.h"
#include "store/temp_database.h"

using namespace guiyan;

namespace {

class VocabularySyncTest : public ::testing::Test {
 protected:
  store::TempDatabase tmp{"vocabulary_sync_test"};  // first: outlives db
  void SetUp() override {
    core::reset_vocabularies();
    db = store::open_db(tmp.url(), 2);
    store::migrate(*db);
  }
  void TearDown() override { core::reset_vocabularies(); }

  void exec(const std::string& sql) { store::exec(*db->acquire(), sql); }

  std::unique_ptr<store::Db> db;
};

void expect_same(const core::TermList& a, const core::TermList& b) {
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].key, b[i].key);
    EXPECT_EQ(a[i].label, b[i].label);
    EXPECT_EQ(a[i].synonyms, b[i].synonyms);
    EXPECT_EQ(a[i].retired, b[i].retired);
  }
}

TEST_F(VocabularySyncTest, TheMigrationSeedsExactlyTheBuiltInTerms) {
  service::sync_vocabularies(*db);
  EXPECT_EQ(core::vocabulary_revision(), 1);
  for (const auto& name : core::editable_vocabularies()) {
    SCOPED_TRACE(name);
    expect_same(*core::current_terms(name), core::seed_terms(name));
  }
}

TEST_F(VocabularySyncTest, ReloadsWhenTheRevisionChangesOnly) {
  service::sync_vocabularies(*db);
  // Changed without raising the revision: not seen (the revision is the signal).
  exec("UPDATE vocabulary_term SET label = '电工（持证）' WHERE key = 'electrician'");
  service::sync_vocabularies(*db);
  EXPECT_EQ(core::term_label(*core::skill_terms(), "electrician"), "电工");
  exec("UPDATE vocabulary_revision SET revision = revision + 1");
  service::sync_vocabularies(*db);
  EXPECT_EQ(core::vocabulary_revision(), 2);
  EXPECT_EQ(core::term_label(*core::skill_terms(), "electrician"), "电工（持证）");

  exec(
      "INSERT INTO vocabulary_term (vocabulary, key, label, synonyms, retired, sort_order) "
      "VALUES ('labour_brands', 'brand_7', '荆楚月嫂', '[\"荆州月嫂\"]', 0, 7)");
  exec("UPDATE vocabulary_term SET retired = 1 WHERE key = 'honghu_lotus'");
  exec("UPDATE vocabulary_revision SET revision = revision + 1");
  auto conn = db->acquire();
  {
    store::Tx tx(*conn);
    service::sync_vocabularies(*conn, true);  // inside a write transaction, as writers do
    tx.commit();
  }
  auto brands = core::labour_brands();
  ASSERT_EQ(brands->size(), 7u);
  EXPECT_EQ(brands->back().synonyms, std::vector<std::string>{"荆州月嫂"});
  EXPECT_EQ(core::find_term(*brands, "荆州月嫂"), "brand_7");
  EXPECT_TRUE(core::find_key(*brands, "honghu_lotus")->retired);
}

}  // namespace
