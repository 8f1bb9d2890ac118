#include "http/json_body.h"

#include <gtest/gtest.h>

#include "http/api_error.h"

namespace guiyan::http {
namespace {

// The ApiError a read of `body` throws, or an empty one when it throws nothing.
template <typename Read>
std::pair<std::string, std::string> refusal(const std::string& body, Read read) {
  try {
    JsonBody b(body);
    read(b);
  } catch (const ApiError& e) {
    return {e.code(), e.what()};
  }
  return {};
}

TEST(JsonBody, StringsLoseInvisibleCharactersAndRefuseControlCharacters) {
  JsonBody b(
      R"({"result":" \u202a已回访\u200d\u202c ","tags":["\u200e重点"],"note":"第一行\n第二行"})");
  EXPECT_EQ(b.str("result", "服务结果"), "已回访");
  EXPECT_EQ(b.opt_str_list("tags", "标签"), std::vector<std::string>{"重点"});
  EXPECT_EQ(b.opt_str("note", "备注"), "第一行\n第二行");
  auto bell =
      refusal(R"({"result":"\u0007已回访"})", [](JsonBody& j) { j.str("result", "服务结果"); });
  EXPECT_EQ(bell.first, "invalid");
  EXPECT_EQ(bell.second, "服务结果含有看不见的控制字符，请删除后重新输入");
  auto in_list =
      refusal(R"({"tags":["a\u0000b"]})", [](JsonBody& j) { j.opt_str_list("tags", "标签"); });
  EXPECT_EQ(in_list.first, "invalid");
}

TEST(JsonBody, APasswordIsTrimmedButOtherwiseKeptAsTyped) {
  JsonBody b(R"({"password":" Ab\u200d#2026x\u0007 "})");
  EXPECT_EQ(b.secret("password", "密码", 128), "Ab\u200d#2026x\u0007");
  auto missing = refusal("{}", [](JsonBody& j) { j.secret("password", "密码", 128); });
  EXPECT_EQ(missing.first, "required");
}

}  // namespace
}  // namespace guiyan::http
