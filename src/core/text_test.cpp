#include "core/text.h"

#include <gtest/gtest.h>

namespace guiyan::core {
namespace {

TEST(Text, SplitKeepsEmptyPartsAndSplitItemsDropsThem) {
  EXPECT_EQ(split("C,,39", ','), (std::vector<std::string>{"C", "", "39"}));
  EXPECT_EQ(split_items("C,,39,", ','), (std::vector<std::string>{"C", "39"}));
  EXPECT_TRUE(split_items("", ',').empty());
  EXPECT_EQ(split("", ',').size(), 1u);
}

TEST(Text, InvisibleCharactersAreLeftOutAndTheRestKeptAsWritten) {
  // Direction marks around a copied number, a zero-width joiner, a soft hyphen.
  EXPECT_EQ(without_invisible("\u202a138 1234 5678\u202c"), "138 1234 5678");
  EXPECT_EQ(without_invisible("吴\u200d磊 周\u00ad杰"), "吴磊 周杰");
  // Free text keeps its full-width forms, spaces and line breaks; bad bytes are not its business.
  EXPECT_EQ(without_invisible("（一期）\u3000A\nB"), "（一期）\u3000A\nB");
  EXPECT_EQ(without_invisible("a\xC2"), "a\xC2");
  // decode_folded, which every cell check reads through, leaves them out too.
  EXPECT_EQ(encode_utf8(decode_folded("\u2066１３８\u2069")), "138");
  EXPECT_EQ(encode_utf8(decode_folded("黄\u2028敏")), "黄\n敏");
}

TEST(Text, ControlCharactersAreC0ButTheLineBreaksDelAndC1) {
  EXPECT_TRUE(has_control(std::string("王\0芳", 7)));
  EXPECT_TRUE(has_control("杨\a勇"));
  EXPECT_TRUE(has_control("x\x7F"));
  EXPECT_TRUE(has_control("沙市区\u0085胜利街"));  // C1 NEL
  EXPECT_FALSE(has_control("第一行\r\n第二行\t完\v\f"));
  EXPECT_FALSE(has_control("é ¡ \u00a0"));  // C2 A0..BF are no control
  EXPECT_EQ(describe(U'\u0085'), "控制字符");
}

}  // namespace
}  // namespace guiyan::core
