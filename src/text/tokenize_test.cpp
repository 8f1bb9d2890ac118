// Tests for normalize, index_tokens, index_document and query_terms: the data-driven cases in
// testdata/tokenize.tsv (its header explains the columns), then the behaviours search relies on.
#include "text/tokenize.h"

#include <gtest/gtest.h>

#include <cstddef>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "text/detail.h"
#include "text/utf8.h"

#ifndef GUIYAN_TEXT_TESTDATA_DIR
#define GUIYAN_TEXT_TESTDATA_DIR "src/text/testdata"
#endif

namespace guiyan::text {
namespace {

constexpr std::size_t kMinCases = 40;

using Tokens = std::vector<std::string>;

// ---- helpers: rendering and matching as the databases do ----

std::string join(const Tokens& tokens, std::string_view separator = " ") {
  std::string out;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (i > 0) out += separator;
    out += tokens[i];
  }
  return out;
}

// Terms as the TSV writes them: terms separated by " | ", tokens by spaces.
std::string render(const std::vector<QueryTerm>& terms) {
  std::string out;
  for (std::size_t i = 0; i < terms.size(); ++i) {
    if (i > 0) out += " | ";
    out += join(terms[i].tokens);
  }
  return out;
}

// True when `phrase` occurs in `doc` at consecutive positions (an FTS5 phrase, tsquery <->).
bool phrase_matches(const Tokens& doc, const Tokens& phrase) {
  if (phrase.empty() || phrase.size() > doc.size()) return false;
  for (std::size_t start = 0; start + phrase.size() <= doc.size(); ++start) {
    std::size_t i = 0;
    while (i < phrase.size() && doc[start + i] == phrase[i]) ++i;
    if (i == phrase.size()) return true;
  }
  return false;
}

// True when every term matches as a phrase (the AND of the terms); false for no terms.
bool query_matches(const Tokens& doc, std::string_view query) {
  std::vector<QueryTerm> terms = query_terms(query);
  if (terms.empty()) return false;
  for (const QueryTerm& term : terms) {
    if (!phrase_matches(doc, term.tokens)) return false;
  }
  return true;
}

bool is_valid_utf8(std::string_view text) {
  for (std::size_t pos = 0; pos < text.size();) {
    if (detail::decode_utf8(text, pos) == detail::kIllFormed) return false;
  }
  return true;
}

// ---- the data-driven cases ----

struct Case {
  int line = 0;
  std::string input;
  std::string normalized;
  std::string index;
  std::string query;
  std::string comment;
};

struct CaseFile {
  std::vector<Case> cases;
  std::vector<std::string> errors;  // unreadable file or malformed lines
};

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> columns(1);
  for (char ch : line) {
    if (ch == '\t') {
      columns.emplace_back();
    } else {
      columns.back().push_back(ch);
    }
  }
  return columns;
}

void append_code_point(std::string& out, char32_t c) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

// Decodes the input column's escapes into `out`; returns an error message or "".
std::string unescape(std::string_view text, std::string& out) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\\') {
      out.push_back(text[i]);
      continue;
    }
    if (++i == text.size()) return "backslash at the end of the input";
    const char kind = text[i];
    if (kind == '\\') {
      out.push_back('\\');
    } else if (kind == 't') {
      out.push_back('\t');
    } else if (kind == 'n') {
      out.push_back('\n');
    } else if (kind == 'x' && i + 2 < text.size()) {
      out.push_back(static_cast<char>(std::stoi(std::string(text.substr(i + 1, 2)), nullptr, 16)));
      i += 2;
    } else if (kind == 'u' && i + 1 < text.size() && text[i + 1] == '{') {
      const std::size_t close = text.find('}', i);
      if (close == std::string_view::npos) return "\\u{ without }";
      const std::string hex(text.substr(i + 2, close - i - 2));
      append_code_point(out, static_cast<char32_t>(std::stoul(hex, nullptr, 16)));
      i = close;
    } else {
      return std::string("unknown escape \\") + kind;
    }
  }
  return "";
}

CaseFile load_cases(const std::string& path) {
  CaseFile file;
  std::ifstream in(path);
  if (!in) {
    file.errors.push_back("cannot open " + path + " (run from the repository root)");
    return file;
  }
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line == "#" || line.starts_with("# ")) continue;
    std::vector<std::string> columns = split_tabs(line);
    const std::string where = path + ":" + std::to_string(number) + ": ";
    if (columns.size() != 5) {
      file.errors.push_back(where + "expected 5 tab-separated columns, found " +
                            std::to_string(columns.size()));
      continue;
    }
    Case c{number, "", columns[1], columns[2], columns[3], columns[4]};
    std::string error = unescape(columns[0], c.input);
    if (error.empty()) {
      file.cases.push_back(std::move(c));
    } else {
      file.errors.push_back(where + error);
    }
  }
  return file;
}

// testdata/tokenize.tsv: from GUIYAN_TEXT_TESTDATA_DIR, else from the directory of this source
// file when "src/text/testdata" is not reachable from the working directory (a CMake build
// compiles this file by its absolute path and runs the tests from the build directory).
CaseFile load_default_cases() {
  std::filesystem::path dir = GUIYAN_TEXT_TESTDATA_DIR;
  if (!std::filesystem::exists(dir / "tokenize.tsv")) {
    const std::filesystem::path beside = std::filesystem::path(__FILE__).parent_path() / "testdata";
    if (std::filesystem::exists(beside / "tokenize.tsv")) dir = beside;
  }
  return load_cases((dir / "tokenize.tsv").string());
}

// Every way the library disagrees with the case or breaks an invariant; empty when it passes.
std::vector<std::string> mismatches(const Case& c) {
  std::vector<std::string> out;
  const auto expect = [&](const std::string& what, const std::string& expected,
                          const std::string& got) {
    if (got != expected)
      out.push_back(what + ": expected \"" + expected + "\", got \"" + got + "\"");
  };
  const std::string normalized = normalize(c.input);
  const Tokens tokens = index_tokens(c.input);
  const std::vector<QueryTerm> terms = query_terms(c.input);
  expect("normalized", c.normalized, normalized);
  expect("index tokens", c.index, join(tokens));
  expect("query terms", c.query, render(terms));
  if (!is_valid_utf8(normalized)) out.push_back("normalized text is not valid UTF-8");
  expect("normalize(normalized)", normalized, normalize(normalized));
  expect("index_document({input})", join(tokens), index_document({c.input}));
  for (const QueryTerm& term : terms) {
    if (!phrase_matches(tokens, term.tokens)) {
      out.push_back("query term \"" + join(term.tokens) + "\" does not match its own index");
    }
  }
  return out;
}

std::string failure_report(const Case& c, const std::vector<std::string>& problems) {
  std::string report = "tokenize.tsv:" + std::to_string(c.line) + " (" + c.comment + ")\n";
  report += "  input: \"" + c.input + "\"\n";
  for (const std::string& problem : problems) report += "  " + problem + "\n";
  return report;
}

TEST(TokenizeCases, EveryCasePasses) {
  CaseFile file = load_default_cases();
  for (const std::string& error : file.errors) ADD_FAILURE() << error;
  for (const Case& c : file.cases) {
    std::vector<std::string> problems = mismatches(c);
    if (!problems.empty()) ADD_FAILURE() << failure_report(c, problems);
  }
}

TEST(TokenizeCases, FileHasEnoughCases) {
  CaseFile file = load_default_cases();
  EXPECT_TRUE(file.errors.empty());
  EXPECT_GE(file.cases.size(), kMinCases);
}

// The harness itself: a wrong expectation must be reported.
TEST(TokenizeCases, WrongExpectationIsReported) {
  Case c{7, "王芳", "王芳", "王芳 王 芳", "王芳", "two-character name"};
  EXPECT_TRUE(mismatches(c).empty());
  c.index = "王芳 芳 王";
  c.query = "王 芳";
  std::vector<std::string> problems = mismatches(c);
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_NE(problems[0].find("index tokens"), std::string::npos);
  EXPECT_NE(failure_report(c, problems).find("tokenize.tsv:7 (two-character name)"),
            std::string::npos);
}

TEST(TokenizeCases, MalformedLinesAreReported) {
  const std::string path = ::testing::TempDir() + "/tokenize_bad.tsv";
  std::ofstream(path) << "# comment\n王芳\t王芳\n\\q\ta\tb\tc\td\n";
  CaseFile file = load_cases(path);
  EXPECT_TRUE(file.cases.empty());
  ASSERT_EQ(file.errors.size(), 2u);
  EXPECT_NE(file.errors[0].find(":2: expected 5"), std::string::npos);
  EXPECT_NE(file.errors[1].find(":3: unknown escape"), std::string::npos);
}

// ---- behaviours search relies on ----

TEST(Tokenize, TwoCharacterName) {
  EXPECT_EQ(index_tokens("王芳"), (Tokens{"王芳", "王", "芳"}));
  EXPECT_EQ(query_terms("王芳"), (std::vector<QueryTerm>{{{"王芳"}}}));
  EXPECT_TRUE(query_matches(index_tokens("王芳"), "王芳"));
}

TEST(Tokenize, OneCharacterQueryMatchesThroughSingles) {
  EXPECT_EQ(query_terms("芳"), (std::vector<QueryTerm>{{{"芳"}}}));
  EXPECT_TRUE(query_matches(index_tokens("王芳"), "芳"));
  EXPECT_TRUE(query_matches(index_tokens("王芳"), "王"));
  EXPECT_FALSE(query_matches(index_tokens("王芳"), "李"));
}

TEST(Tokenize, ThreeCharacterName) {
  EXPECT_EQ(index_tokens("张三丰"), (Tokens{"张三", "三丰", "张", "三", "丰"}));
  EXPECT_EQ(query_terms("三丰"), (std::vector<QueryTerm>{{{"三丰"}}}));
  EXPECT_EQ(query_terms("张三丰"), (std::vector<QueryTerm>{{{"张三", "三丰"}}}));
  const Tokens doc = index_tokens("张三丰");
  EXPECT_TRUE(query_matches(doc, "三丰"));
  EXPECT_TRUE(query_matches(doc, "张三丰"));
  EXPECT_FALSE(query_matches(doc, "丰三"));
  EXPECT_FALSE(query_matches(doc, "张丰"));
}

TEST(Tokenize, BrandThenSkill) {
  EXPECT_EQ(index_tokens("洪湖莲藕师，电工"), (Tokens{"洪湖", "湖莲", "莲藕", "藕师", "电工", "洪",
                                                      "湖", "莲", "藕", "师", "电", "工"}));
  const Tokens doc = index_tokens("洪湖莲藕师，电工");
  EXPECT_TRUE(query_matches(doc, "莲藕师 电工"));
  EXPECT_TRUE(query_matches(doc, "洪湖"));
  EXPECT_FALSE(query_matches(doc, "焊工"));
  EXPECT_FALSE(query_matches(doc, "师电"));  // across the comma is not a phrase
}

TEST(Tokenize, FullWidthAndCase) {
  EXPECT_EQ(normalize("ＡＢＣ１２３"), "abc123");
  EXPECT_EQ(index_tokens("ＡＢＣ１２３"), (Tokens{"abc123"}));
  EXPECT_EQ(index_tokens("Hello World"), (Tokens{"hello", "world"}));
  EXPECT_TRUE(query_matches(index_tokens("ＡＢＣ１２３"), "abc123"));
  EXPECT_TRUE(query_matches(index_tokens("Hello World"), "WORLD"));
}

TEST(Tokenize, PunctuationMakesNoTokens) {
  EXPECT_EQ(index_tokens("电工（高级）"), (Tokens{"电工", "高级", "电", "工", "高", "级"}));
  EXPECT_TRUE(query_terms("（），。!?…—").empty());
  EXPECT_TRUE(index_tokens("（），。!?…—").empty());
}

TEST(Tokenize, NumbersStayWhole) {
  EXPECT_EQ(index_tokens("13800001234"), (Tokens{"13800001234"}));
  EXPECT_TRUE(query_matches(index_tokens("王芳 13800001234"), "13800001234"));
  EXPECT_FALSE(query_matches(index_tokens("王芳 13800001234"), "1380000"));
}

TEST(Tokenize, ExtensionBIsHan) {
  EXPECT_EQ(index_tokens("𠀀"), (Tokens{"𠀀"}));
  EXPECT_EQ(index_tokens("王𠀀芳"), (Tokens{"王𠀀", "𠀀芳", "王", "𠀀", "芳"}));
  EXPECT_TRUE(query_matches(index_tokens("王𠀀芳"), "𠀀"));
}

TEST(Tokenize, MixedTermIsOnePhrase) {
  EXPECT_EQ(query_terms("电工3级"), (std::vector<QueryTerm>{{{"电工", "3", "级"}}}));
  const Tokens doc = index_tokens("高级电工3级");
  EXPECT_TRUE(query_matches(doc, "电工3级"));
  EXPECT_TRUE(query_matches(doc, "3级"));
  EXPECT_FALSE(query_matches(doc, "电工4级"));
}

TEST(Tokenize, RepeatedTokensKeepPhrasesWhole) {
  // 张三 appears twice: dropping the second would break the phrase 张三 三丰.
  const Tokens doc = index_tokens("张三 张三丰");
  EXPECT_EQ(doc, (Tokens{"张三", "张三", "三丰", "张", "三", "丰"}));
  EXPECT_TRUE(query_matches(doc, "张三丰"));
  // 3 appears as its own chunk first and again inside 电工3级.
  EXPECT_TRUE(query_matches(index_tokens("3号 电工3级"), "电工3级"));
  EXPECT_EQ(index_tokens("王芳 王芳 王芳"), (Tokens{"王芳", "王", "芳"}));
}

// Imprecisions the header documents, pinned so that a change to them is deliberate.
TEST(Tokenize, KnownLimits) {
  // Consecutive chunks sit at consecutive positions: a separator does not break a phrase.
  EXPECT_TRUE(query_matches(index_tokens("张三，三丰"), "张三丰"));
  // The singles follow the last chunk, so a word can form a phrase with a single.
  EXPECT_TRUE(query_matches(index_tokens("电工 3"), "3电"));
  // A one-character Han run next to a word only matches a one-character run.
  EXPECT_FALSE(query_matches(index_tokens("王芳a"), "芳a"));
  EXPECT_TRUE(query_matches(index_tokens("王芳a"), "王芳a"));
  // A word matches whole words only.
  EXPECT_FALSE(query_matches(index_tokens("abc123"), "abc"));
}

TEST(Tokenize, InvalidUtf8IsASeparator) {
  EXPECT_EQ(normalize("ab\xff"
                      "cd"),
            "ab cd");
  EXPECT_EQ(normalize("\xe7\x8e"), "");
  EXPECT_EQ(normalize("王\xe8\x8a"
                      "芳\xc3"),
            "王 芳");
}

TEST(Tokenize, RandomBytesNeverBreak) {
  std::mt19937 rng(20240601);
  const std::string pieces[] = {"王",   "芳",       "a",           "Ａ", "1",  "，", " ",
                                "\xe4", "\xb8",     "\xff",        "́",   "𠀀", "😀",  "İ",
                                "ﬁ",    "\xf0\x9f", "\xed\xa0\x80"};
  std::uniform_int_distribution<std::size_t> pick(0, std::size(pieces) - 1);
  std::uniform_int_distribution<int> byte(0, 255);
  for (int round = 0; round < 2000; ++round) {
    std::string input;
    for (int i = 0; i < round % 40; ++i) {
      if (round % 2 == 0) {
        input += pieces[pick(rng)];
      } else {
        input.push_back(static_cast<char>(byte(rng)));
      }
    }
    const std::string normalized = normalize(input);
    ASSERT_TRUE(is_valid_utf8(normalized)) << round;
    ASSERT_EQ(normalize(normalized), normalized) << round;
    ASSERT_FALSE(normalized.starts_with(' ') || normalized.ends_with(' ')) << round;
    ASSERT_EQ(normalized.find("  "), std::string::npos) << round;
    const Tokens doc = index_tokens(input);
    for (const QueryTerm& term : query_terms(input)) {
      ASSERT_TRUE(phrase_matches(doc, term.tokens)) << round;
    }
  }
}

TEST(Tokenize, VeryLongInput) {
  std::string input;
  const std::string unit = "洪湖莲藕师张三丰 ab12，電工😀\xff";
  while (input.size() < (std::size_t{1} << 20)) input += unit;
  const std::string normalized = normalize(input);
  EXPECT_TRUE(is_valid_utf8(normalized));
  const Tokens doc = index_tokens(input);
  // Identical chunks collapse: one copy of each chunk, then the singles.
  EXPECT_EQ(join(doc),
            "洪湖 湖莲 莲藕 藕师 师张 张三 三丰 ab12 電工 洪 湖 莲 藕 师 张 三 丰 電 工");
  const std::string run(300000, 'x');
  EXPECT_EQ(index_tokens(run), (Tokens{run}));
}

TEST(Tokenize, LongRunKeepsEveryBigram) {
  std::string input;
  for (int i = 0; i < 50000; ++i) input += (i % 2 == 0) ? "王芳" : "芳王";
  const Tokens doc = index_tokens(input);  // 王芳芳王王芳…: one run of 100000 characters
  ASSERT_EQ(doc.size(), 99999u + 2);       // every bigram, repeats included, then 王 and 芳
  EXPECT_EQ(doc[99998], "芳王");
  EXPECT_EQ(doc[99999], "王");
  EXPECT_TRUE(query_matches(doc, "芳王王芳芳"));
}

TEST(Tokenize, SlicedNormalizationMatchesWhole) {
  const std::string input =
      "e\u0301e\u0301\u0301 Ａ\u0308ｂ王芳ﬁ\u0323\u0307 ＤＺ\u030c 가\u11a8 İ" +
      std::string(20, 'x');
  std::string whole;
  detail::normalize_into(input, whole);
  for (std::size_t slice = 1; slice < input.size(); ++slice) {
    std::string sliced;
    detail::normalize_into(input, sliced, slice);
    ASSERT_EQ(sliced, whole) << "slice " << slice;
  }
}

TEST(Tokenize, ThreadsGetTheSameAnswer) {
  const std::string input = "洪湖莲藕师，电工3级 ＡＢＣ１２３ 張三豐";
  const std::string expected = index_document({input, "王芳"});
  std::vector<std::string> results(4);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < results.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 500; ++i) results[t] = index_document({input, "王芳"});
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const std::string& result : results) EXPECT_EQ(result, expected);
}

// ---- index_document ----

TEST(IndexDocument, FieldsInOrderJoinedBySpaces) {
  EXPECT_EQ(index_document({"王芳", "电工，焊工"}), "王芳 王 芳 电工 焊工 电 工 焊");
  EXPECT_EQ(index_document({"", "王芳", "，", ""}), "王芳 王 芳");
  EXPECT_EQ(index_document({}), "");
}

TEST(IndexDocument, EachFieldIsIndexedOnItsOwn) {
  // Deduplication does not cross fields: 电工 is kept in both.
  EXPECT_EQ(index_document({"电工", "电工"}), "电工 电 工 电工 电 工");
}

TEST(IndexDocument, OverloadsAgree) {
  const std::vector<std::string> strings = {"张三丰", "洪湖莲藕师", "13800001234"};
  const std::vector<std::string_view> views(strings.begin(), strings.end());
  const std::string expected = index_document({strings[0], strings[1], strings[2]});
  EXPECT_EQ(index_document(strings), expected);
  EXPECT_EQ(index_document(std::span<const std::string_view>(views)), expected);
  EXPECT_EQ(expected, "张三 三丰 张 三 丰 洪湖 湖莲 莲藕 藕师 洪 湖 莲 藕 师 13800001234");
}

}  // namespace
}  // namespace guiyan::text
