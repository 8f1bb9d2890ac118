// Tests for fts5_match and tsquery: quoting, escaping, joining and empty input.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "text/tokenize.h"

namespace guiyan::text {
namespace {

TEST(Fts5Match, TermsArePhrasesJoinedBySpaces) {
  EXPECT_EQ(fts5_match(query_terms("王芳")), "\"王芳\"");
  EXPECT_EQ(fts5_match(query_terms("张三丰 电工3级")), "\"张三 三丰\" \"电工 3 级\"");
  EXPECT_EQ(fts5_match(query_terms("ＡＢＣ１２３，Hello")), "\"abc123\" \"hello\"");
}

TEST(Fts5Match, EscapesDoubleQuotes) {
  const std::vector<QueryTerm> terms = {{{"a\"b", "c"}}, {{"\""}}, {{"it's"}}};
  EXPECT_EQ(fts5_match(terms), "\"a\"\"b c\" \"\"\"\" \"it's\"");
}

TEST(Fts5Match, KeywordsStayInsideQuotes) {
  // FTS5 operators are plain tokens inside a phrase.
  EXPECT_EQ(fts5_match(query_terms("AND OR NOT NEAR")), "\"and\" \"or\" \"not\" \"near\"");
  const std::vector<QueryTerm> terms = {{{"AND"}}, {{"NEAR", "x"}}};
  EXPECT_EQ(fts5_match(terms), "\"AND\" \"NEAR x\"");
}

TEST(Fts5Match, EmptyInputGivesEmptyText) {
  EXPECT_EQ(fts5_match({}), "");
  EXPECT_EQ(fts5_match(query_terms("，。！")), "");
  EXPECT_EQ(fts5_match({QueryTerm{}, QueryTerm{{""}}}), "");
  EXPECT_EQ(fts5_match({QueryTerm{}, QueryTerm{{"", "王芳"}}}), "\"王芳\"");
}

TEST(Fts5Match, AlternativesMakeAGroupAndTermsAreJoinedByAnd) {
  // FTS5 refuses a group next to a phrase without AND ("syntax error near").
  const std::vector<QueryTerm> terms = {{{"斗湖", "湖堤"}, {"rg421022101", "rg4210221"}},
                                        {{"王芳"}, {}}};
  EXPECT_EQ(fts5_match(terms), "(\"斗湖 湖堤\" OR \"rg421022101\" OR \"rg4210221\") AND \"王芳\"");
  // A term of alternatives only, and empty alternatives skipped.
  EXPECT_EQ(fts5_match({QueryTerm{{}, {"rg42", ""}}}), "\"rg42\"");
  EXPECT_EQ(fts5_match({QueryTerm{{"a"}, {""}}, QueryTerm{{"b"}, {}}}), "\"a\" \"b\"");
}

TEST(Tsquery, PhrasesJoinedByAnd) {
  EXPECT_EQ(tsquery(query_terms("王芳")), "'王芳'");
  EXPECT_EQ(tsquery(query_terms("张三丰 电工3级")), "'张三'<->'三丰' & '电工'<->'3'<->'级'");
  EXPECT_EQ(tsquery(query_terms("洪湖莲藕师")), "'洪湖'<->'湖莲'<->'莲藕'<->'藕师'");
}

TEST(Tsquery, EscapesQuotesAndBackslashes) {
  const std::vector<QueryTerm> terms = {{{"o'brien", "x"}}, {{"a\\b"}}, {{"'"}}, {{"\"&|!"}}};
  EXPECT_EQ(tsquery(terms), "'o''brien'<->'x' & 'a\\\\b' & '''' & '\"&|!'");
}

TEST(Tsquery, AlternativesMakeAGroup) {
  const std::vector<QueryTerm> terms = {{{"斗湖", "湖堤"}, {"rg421022101"}}, {{"o'b"}, {}}};
  EXPECT_EQ(tsquery(terms), "('斗湖'<->'湖堤' | 'rg421022101') & 'o''b'");
}

TEST(Tsquery, EmptyInputGivesEmptyText) {
  EXPECT_EQ(tsquery({}), "");
  EXPECT_EQ(tsquery(query_terms("  ...  ")), "");
  EXPECT_EQ(tsquery({QueryTerm{{""}}, QueryTerm{{"a", ""}}}), "'a'");
}

}  // namespace
}  // namespace guiyan::text
