#include "core/vocabulary_edit.h"

#include <gtest/gtest.h>

namespace guiyan::core {
namespace {

TEST(VocabularyEdit, WordsAreCleanedAsSheetCellsAre) {
  EXPECT_EQ(clean_word("  水电工\u3000"), "水电工");
  EXPECT_EQ(clean_word("ＣＡＤ制图"), "CAD制图");
  EXPECT_EQ(word_problem(""), "不能为空");
  EXPECT_EQ(word_problem("一二三四五六七八九十一二三四五六七八九十"), "");
  EXPECT_EQ(word_problem("一二三四五六七八九十一二三四五六七八九十一"), "过长（最多20个字符）");
  EXPECT_NE(word_problem("电工、焊工").find("分隔符“、”"), std::string::npos);
  EXPECT_NE(word_problem("高中/中专").find("分隔符“/”"), std::string::npos);
  EXPECT_NE(word_problem("a，b").find("分隔符“,”"), std::string::npos);  // folded from ，
}

TEST(VocabularyEdit, SynonymsLoseRepeatsEmptiesAndTheLabel) {
  EXPECT_EQ(clean_synonyms("水电工", {" 管道工", "管道工", "", "水电工", "水电"}),
            (std::vector<std::string>{"管道工", "水电"}));
}

TEST(VocabularyEdit, Keys) {
  EXPECT_TRUE(valid_key("skill_15"));
  EXPECT_TRUE(valid_key("honghu_lotus"));
  EXPECT_FALSE(valid_key("s"));
  EXPECT_FALSE(valid_key("1abc"));
  EXPECT_FALSE(valid_key("Skill"));
  EXPECT_FALSE(valid_key("水电工"));
  EXPECT_FALSE(valid_key(std::string(41, 'a')));
  TermList terms = seed_terms("skills");
  EXPECT_EQ(next_key("skills", terms), "skill_15");
  terms.push_back({"skill_16", "水电工", {}, true});  // retired keys are never reused
  EXPECT_EQ(next_key("skills", terms), "skill_17");
  EXPECT_EQ(next_key("labour_brands", seed_terms("labour_brands")), "brand_7");
}

TEST(VocabularyEdit, AWordMayNameOneActiveTermOnly) {
  TermList terms = seed_terms("skills");
  auto clash = find_clash(terms, {"skill_15", "水电工", {"管道工", "电焊"}});
  ASSERT_TRUE(clash);
  EXPECT_EQ(clash->word, "电焊");
  EXPECT_EQ(clash->other_key, "welder");
  EXPECT_EQ(clash->other_label, "焊工");
  // Labels and keys of others count as well; the term's own words do not.
  EXPECT_EQ(find_clash(terms, {"skill_15", "电工", {}})->other_key, "electrician");
  EXPECT_EQ(find_clash(terms, {"skill_15", "cook", {}})->other_key, "cook");
  EXPECT_FALSE(find_clash(terms, {"welder", "电焊工人", {"电焊", "电焊工"}}));
  // Words of a retired term are free; a retired candidate clashes with nothing.
  terms[1].retired = true;
  EXPECT_FALSE(find_clash(terms, {"skill_15", "水电工", {"电焊"}}));
  EXPECT_FALSE(find_clash(terms, {"skill_15", "电工", {}, true}));
}

}  // namespace
}  // namespace guiyan::core
