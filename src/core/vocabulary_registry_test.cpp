#include "core/vocabulary_registry.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "core/person_fields.h"

namespace guiyan::core {
namespace {

class VocabularyRegistryTest : public ::testing::Test {
 protected:
  void SetUp() override { reset_vocabularies(); }
  void TearDown() override { reset_vocabularies(); }
};

TermList skills_with(Term extra) {
  TermList t = seed_terms("skills");
  t.push_back(std::move(extra));
  return t;
}

TEST_F(VocabularyRegistryTest, StartsWithTheSeeds) {
  EXPECT_EQ(vocabulary_revision(), 0);
  ASSERT_EQ(skill_terms()->size(), 14u);
  EXPECT_EQ((*skill_terms())[0].key, "electrician");
  EXPECT_EQ(term_label(*labour_brands(), "honghu_lotus"), "洪湖莲藕师");
  EXPECT_THROW(current_terms("statuses"), std::invalid_argument);
  EXPECT_THROW(seed_terms("nope"), std::invalid_argument);
  EXPECT_TRUE(is_editable_vocabulary("labour_brands"));
  EXPECT_FALSE(is_editable_vocabulary("statuses"));
}

TEST_F(VocabularyRegistryTest, InstallsNewerRevisionsOnly) {
  EXPECT_TRUE(install_vocabularies(3, {{"skills", skills_with({"plumber", "水电工", {"管道工"}})},
                                       {"labour_brands", seed_terms("labour_brands")}}));
  EXPECT_EQ(vocabulary_revision(), 3);
  EXPECT_EQ(find_term(*skill_terms(), "管道工"), "plumber");
  // An older or equal revision (a slower reader) never replaces what is installed.
  EXPECT_FALSE(install_vocabularies(2, {{"skills", {}}}));
  EXPECT_FALSE(install_vocabularies(3, {{"skills", {}}}));
  EXPECT_EQ(find_term(*skill_terms(), "管道工"), "plumber");
  // A vocabulary left out becomes empty, not stale.
  EXPECT_TRUE(install_vocabularies(4, {{"skills", seed_terms("skills")}}));
  EXPECT_TRUE(labour_brands()->empty());
  EXPECT_FALSE(find_term(*skill_terms(), "管道工"));
}

TEST_F(VocabularyRegistryTest, ASnapshotOutlivesTheInstallThatReplacesIt) {
  Terms held = skill_terms();
  const Term* first = &(*held)[0];
  install_vocabularies(5, {{"skills", skills_with({"plumber", "水电工", {}})}});
  // The held snapshot is unchanged and still readable; a new read sees the new list.
  EXPECT_EQ(held->size(), 14u);
  EXPECT_EQ(first->label, "电工");
  EXPECT_EQ(skill_terms()->size(), 15u);
}

TEST_F(VocabularyRegistryTest, RetiredTermsKeepLabelsButAreNotMatchedFromWords) {
  TermList skills = seed_terms("skills");
  skills[1].retired = true;  // welder 焊工 (电焊, 电焊工)
  install_vocabularies(6, {{"skills", skills}, {"labour_brands", seed_terms("labour_brands")}});
  EXPECT_FALSE(find_term(*skill_terms(), "电焊"));
  EXPECT_FALSE(find_term(*skill_terms(), "welder"));
  EXPECT_EQ(find_term(*skill_terms(), "电焊", true), "welder");
  EXPECT_EQ(term_label(*skill_terms(), "welder"), "焊工");
  ASSERT_NE(find_key(*skill_terms(), "welder"), nullptr);
  EXPECT_TRUE(find_key(*skill_terms(), "welder")->retired);
  EXPECT_EQ(active_terms(*skill_terms()).size(), 13u);
}

TEST_F(VocabularyRegistryTest, PersonFieldsReadTheCurrentVocabularyAtEachUse) {
  const Field& skills = *find_person_field("skills");
  const Field& brand = *find_person_field("labour_brand");
  auto before = normalize_text(skills, "电工、水电工", "2026-03-01");
  EXPECT_EQ(std::get<std::string>(before.value), "electrician");
  EXPECT_EQ(before.warnings, std::vector<std::string>{"水电工"});

  TermList brands = seed_terms("labour_brands");
  brands[0].retired = true;  // 洪湖莲藕师
  brands.push_back({"brand_7", "荆楚月嫂", {"荆州月嫂"}});
  install_vocabularies(
      7, {{"skills", skills_with({"plumber", "水电工", {}})}, {"labour_brands", brands}});
  auto after = normalize_text(skills, "电工、水电工", "2026-03-01");
  EXPECT_EQ(std::get<std::string>(after.value), "electrician,plumber");
  EXPECT_TRUE(after.warnings.empty());
  EXPECT_EQ(std::get<std::string>(normalize_text(brand, "荆州月嫂", "2026-03-01").value),
            "brand_7");
  // A retired brand's label from a sheet is refused with the reason; its key from the API (a
  // record sending back what it holds) is accepted.
  EXPECT_EQ(normalize_text(brand, "洪湖莲藕师", "2026-03-01").error, "劳务品牌“洪湖莲藕师”已停用");
  EXPECT_EQ(std::get<std::string>(normalize_json(brand, "honghu_lotus", "2026-03-01").value),
            "honghu_lotus");
  EXPECT_FALSE(normalize_json(brand, "洪湖莲藕师", "2026-03-01").ok());
}

TEST_F(VocabularyRegistryTest, ReadersAndInstallersRunTogether) {
  std::atomic<bool> stop{false};
  std::atomic<int64_t> reads{0};
  std::vector<std::thread> readers;
  for (int i = 0; i < 4; ++i) {
    readers.emplace_back([&] {
      while (!stop) {
        Terms t = skill_terms();
        // Every snapshot is one whole installed list: 14 seeds or 15 with the extra term.
        if (t->size() != 14 && t->size() != 15) ADD_FAILURE() << t->size();
        if (!t->empty() && (*t)[0].key != "electrician") ADD_FAILURE();
        ++reads;
      }
    });
  }
  for (int64_t rev = 1; rev <= 2000; ++rev) {
    install_vocabularies(
        rev, {{"skills", rev % 2 ? skills_with({"plumber", "水电工", {}}) : seed_terms("skills")}});
  }
  stop = true;
  for (auto& t : readers) t.join();
  EXPECT_GT(reads.load(), 0);
  EXPECT_EQ(vocabulary_revision(), 2000);
}

TEST(FixedTerms, WrapTheStaticListWithoutOwningIt) {
  Terms t = fixed_terms<person_statuses>();
  EXPECT_EQ(t.get(), &person_statuses());
  EXPECT_EQ(t.use_count(), 0);
}

}  // namespace
}  // namespace guiyan::core
