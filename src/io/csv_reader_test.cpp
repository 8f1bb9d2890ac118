// read_sheet on real .csv files: encodings offices produce, RFC 4180 quoting, separators, errors,
// and records that straddle the reader's chunks.
#include "io/csv_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "io/test_support.h"
#include "io/utf8.h"

namespace guiyan::io {
namespace {

using test_support::Row;
using test_support::TempDir;
using ::testing::HasSubstr;
using Rows = std::vector<Row>;

// Rows of a CSV file holding `bytes`.
Rows rows_of(std::string_view bytes) {
  TempDir dir;
  std::string path = dir.file("t.csv");
  test_support::write_bytes(path, bytes);
  return test_support::read_rows(path);
}

// The SheetError message for a CSV file holding `bytes` ("" when none).
std::string error_of(std::string_view bytes) {
  try {
    rows_of(bytes);
  } catch (const SheetError& e) {
    return e.what();
  }
  return "";
}

const Rows kPeople = {{1, {"姓名", "身份证号"}}, {2, {"王芳", "420102199001011234"}}};

TEST(ReadCsv, Utf8WithAndWithoutBom) {
  EXPECT_EQ(rows_of("\xEF\xBB\xBF姓名,身份证号\r\n王芳,420102199001011234\r\n"), kPeople);
  EXPECT_EQ(rows_of("姓名,身份证号\n王芳,420102199001011234\n"), kPeople);
  EXPECT_EQ(rows_of("姓名,身份证号\n王芳,420102199001011234"), kPeople);  // no final line end
}

TEST(ReadCsv, Gb18030FromChineseExcel) {
  std::string gb = test_support::encode("姓名,身份证号\n王芳,420102199001011234\n", "GB18030");
  ASSERT_FALSE(is_valid_utf8(gb));
  EXPECT_EQ(rows_of(gb), kPeople);
  // Characters outside GBK (four-byte GB18030) survive too.
  std::string rare = test_support::encode("姓名\n𠀀𪚥\n", "GB18030");
  EXPECT_EQ(rows_of(rare), (Rows{{1, {"姓名"}}, {2, {"𠀀𪚥"}}}));
}

TEST(ReadCsv, Utf16WithBomTabSeparated) {
  std::string text =
      "\xFF\xFE" + test_support::encode("姓名\t电话\r\n王芳\t13800001234\r\n", "UTF-16LE");
  EXPECT_EQ(rows_of(text), (Rows{{1, {"姓名", "电话"}}, {2, {"王芳", "13800001234"}}}));
}

TEST(ReadCsv, MostlyUtf8WithAStrayByteStaysUtf8) {
  std::string text = "姓名,备注\n";
  for (int i = 0; i < 200; ++i) text += "王芳,湖北省武汉市\n";
  text += "李四,坏\xFF字节\n";
  Rows rows = rows_of(text);
  ASSERT_EQ(rows.size(), 202u);
  EXPECT_EQ(rows[1], (Row{2, {"王芳", "湖北省武汉市"}}));
  EXPECT_EQ(rows.back(), (Row{202, {"李四", "坏\xEF\xBF\xBD字节"}}));
}

TEST(ReadCsv, Utf8WithRowsPastedFromAGbkSheetStaysUtf8) {
  // One row in ten from a GB18030 sheet (湖北 is \xba\xfe\xb1\xb1 there): far more broken
  // sequences than one per hundred good ones, far fewer than GB18030 text itself gives.
  std::string text = "姓名,户籍地\n";
  for (int i = 0; i < 100; ++i) {
    text += i % 10 == 5 ? "\xba\xfe\xb1\xb1,x\n" : "王芳,湖北省武汉市\n";
  }
  Rows rows = rows_of(text);
  ASSERT_EQ(rows.size(), 101u);
  EXPECT_EQ(rows[1], (Row{2, {"王芳", "湖北省武汉市"}}));
  EXPECT_EQ(rows[6].second[1], "x");
  EXPECT_NE(rows[6].second[0].find("\xEF\xBF\xBD"), std::string::npos) << rows[6].second[0];
  // GB18030 text of many different characters still reads as GB18030.
  std::string regions =
      "名称\n武汉市黄石市十堰市宜昌市襄阳市鄂州市荆门市孝感市荆州市黄冈市咸宁市随州市\n"
      "恩施土家族苗族自治州仙桃市潜江市天门市神农架林区公安县石首市监利市洪湖市\n";
  EXPECT_EQ(
      rows_of(test_support::encode(regions, "GB18030")),
      (Rows{{1, {"名称"}},
            {2, {"武汉市黄石市十堰市宜昌市襄阳市鄂州市荆门市孝感市荆州市黄冈市咸宁市随州市"}},
            {3, {"恩施土家族苗族自治州仙桃市潜江市天门市神农架林区公安县石首市监利市洪湖市"}}}));
}

TEST(ReadCsv, QuotedFields) {
  std::string text =
      "a,\"b,c\",\"d\"\"e\",\"多\n行\"\r\n"
      "next,\"\",\"x\r\ny\",\"a\"\"\"\r\n"
      "\"spaces after quote\"  ,z\n";
  Rows expected = {{1, {"a", "b,c", "d\"e", "多\n行"}},
                   {2, {"next", "", "x\ny", "a\""}},
                   {3, {"spaces after quote", "z"}}};
  EXPECT_EQ(rows_of(text), expected);
}

TEST(ReadCsv, LineEndsAndEmptyRecords) {
  // CRLF, LF and lone CR all end records; empty records are skipped but counted.
  std::string text = "h1,h2\r\n\r\n,,\r\nx,y\ry,z\n\n,last\n";
  Rows expected = {{1, {"h1", "h2"}}, {4, {"x", "y"}}, {5, {"y", "z"}}, {7, {"", "last"}}};
  EXPECT_EQ(rows_of(text), expected);
}

TEST(ReadCsv, TrailingEmptyCellsTrimmedMiddleOnesKept) {
  EXPECT_EQ(rows_of("a,,c,,\n"), (Rows{{1, {"a", "", "c"}}}));
}

TEST(ReadCsv, QuoteInsideUnquotedFieldIsData) {
  EXPECT_EQ(rows_of("身高5'6\",备注\n"), (Rows{{1, {"身高5'6\"", "备注"}}}));
}

TEST(ReadCsv, MalformedQuoteNamesTheRow) {
  EXPECT_THAT(error_of("h1,h2\nok,1\n\"bad\"x,2\n"), HasSubstr("CSV 第3行引号不匹配"));
  // An unterminated quote swallows the rest of the file: the error names where it opened.
  EXPECT_THAT(error_of("h1\n\"ok\"\n\"never closed\nmore\n"), HasSubstr("CSV 第3行引号不匹配"));
  // The row number is the record index, not the line: record 2 spans lines 2 and 3.
  EXPECT_THAT(error_of("h\n\"two\nlines\"\n\"x\"y\n"), HasSubstr("CSV 第3行引号不匹配"));
}

TEST(ReadCsv, TabSeparatedWhenFirstLineHasTabsAndNoCommas) {
  EXPECT_EQ(rows_of("姓名\t地址\n王芳\t武汉市,洪山区\n"),
            (Rows{{1, {"姓名", "地址"}}, {2, {"王芳", "武汉市,洪山区"}}}));
  // A comma in the first line keeps the comma as separator.
  EXPECT_EQ(rows_of("a\tb,c\n"), (Rows{{1, {"a\tb", "c"}}}));
}

TEST(ReadCsv, StopsWhenAsked) {
  TempDir dir;
  std::string path = dir.file("t.csv");
  std::string text;
  for (int i = 1; i <= 1000; ++i) text += std::to_string(i) + ",x\n";
  test_support::write_bytes(path, text);
  size_t seen = 0;
  read_csv(path, [&](const SheetRow& r) {
    ++seen;
    return r.number < 5;
  });
  EXPECT_EQ(seen, 5u);
}

// Many records with multi-byte text and quoted line breaks, so that records, quotes, CRLFs and
// GB18030 / UTF-8 sequences fall across the reader's 256 KiB chunks.
TEST(ReadCsv, RecordsStraddlingChunksInBothEncodings) {
  std::string text = "序号,姓名,备注\r\n";
  Rows expected = {{1, {"序号", "姓名", "备注"}}};
  size_t number = 1;
  for (int i = 0; i < 30000; ++i) {
    std::string name = "湖北省人员" + std::to_string(i);
    std::string note = i % 3 == 0 ? "第一行\n第二行，\"引\"" : "备注" + std::string(i % 7, 'x');
    std::string quoted = "\"";
    for (char c : note) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    quoted += "\"";
    text += std::to_string(i) + "," + name + "," + quoted + "\r\n";
    expected.push_back({++number, {std::to_string(i), name, note}});
  }
  ASSERT_GT(text.size(), 3u * 256 * 1024);
  EXPECT_EQ(rows_of(text), expected);
  EXPECT_EQ(rows_of(test_support::encode(text, "GB18030")), expected);
  EXPECT_EQ(rows_of("\xEF\xBB\xBF" + text), expected);
}

}  // namespace
}  // namespace guiyan::io
