#include "service/sheet_headers.h"

#include <gtest/gtest.h>

#include "core/merchant_fields.h"
#include "core/person_fields.h"
#include "core/test_cases.h"
#include "service/merchant_import.h"
#include "service/person_import.h"

namespace guiyan::service {
namespace {

TEST(SheetHeaders, LabelsWithFullWidthBracketsAreRecognised) {
  // Headers are folded to half-width before they are looked up: the labels must be too.
  EXPECT_EQ(header_field(core::merchant_fields(), {}, "意向投资下限（万元）"), "intention_min_wan");
  EXPECT_EQ(header_field(core::merchant_fields(), {}, "意向投资上限(万元)"), "intention_max_wan");
  EXPECT_EQ(header_field(core::merchant_fields(), {}, " *意向投资上限（万元） "),
            "intention_max_wan");
  EXPECT_EQ(header_field(core::person_fields(), {}, "计划投资（万元）"),
            "intention_investment_wan");
  EXPECT_EQ(
      header_field(core::person_fields(), {{"资金需求", "intention_funding_wan"}}, "资金需求"),
      "intention_funding_wan");
  EXPECT_EQ(header_field(core::person_fields(), {}, "出生地"), "");
}

TEST(SheetHeaders, AYesNoFieldMayBeAskedAsAQuestion) {
  EXPECT_EQ(field_for_header("是否有创业意愿"), "willing");
  EXPECT_EQ(field_for_header("是否创业意愿"), "willing");
  EXPECT_EQ(field_for_header("是否有创业能力"), "capable");
  EXPECT_EQ(field_for_header("是否有良好信誉"), "creditworthy");
  EXPECT_EQ(field_for_header("是否技能特长"), "");  // not a yes/no field
  EXPECT_EQ(field_for_header("是否"), "");
}

TEST(SheetHeaders, ASecondHeaderRowNamesTheColumnsUnderItsGroupTitles) {
  using Cells = std::vector<std::string>;
  // Merged down (the cell repeated, as the reader fills merges) or blank below; a title above.
  Cells first = {"序号", "姓名", "户籍地", "外出务工情况", "外出务工情况", "返乡情况"};
  EXPECT_EQ(two_row_header(first, {"序号", "姓名", "户籍地", "务工地", "务工单位", "返乡时间"},
                           field_for_header),
            (Cells{"序号", "姓名", "户籍地", "务工地", "务工单位", "返乡时间"}));
  EXPECT_EQ(two_row_header(first, {"", "", "", "务工地", "", "返乡时间"}, field_for_header),
            (Cells{"序号", "姓名", "户籍地", "务工地", "外出务工情况", "返乡时间"}));
  // A row of data under a header of one row; a second row naming nothing new.
  EXPECT_FALSE(
      two_row_header(first, {"1", "张三", "421022", "广东东莞", "", ""}, field_for_header));
  EXPECT_FALSE(two_row_header(first, {"序号", "姓名", "户籍地"}, field_for_header));
  // A title above a header of one row is not its first row.
  EXPECT_FALSE(two_row_header({"某村外出务工人员台账"}, {"姓名", "户籍地"}, field_for_header));
  // A field's cell over a more precise one (联系方式 over 手机号码 | 家庭住址).
  EXPECT_EQ(two_row_header({"姓名", "户籍地", "联系方式", "联系方式"},
                           {"姓名", "户籍地", "手机号码", "家庭住址"}, field_for_header),
            (Cells{"姓名", "户籍地", "手机号码", "家庭住址"}));
}

TEST(SheetHeaders, ASumInYuanNamesTheFieldInWanAndAnotherMoneyNone) {
  const std::map<std::string, std::string> words = {{"资金需求", "intention_funding_wan"}};
  EXPECT_EQ(header_field(core::person_fields(), words, "资金需求（万元）"),
            "intention_funding_wan");
  EXPECT_EQ(header_field(core::person_fields(), words, "资金需求(万元)"), "intention_funding_wan");
  EXPECT_EQ(header_field(core::person_fields(), words, "资金需求"), "intention_funding_wan");
  // Yuan where the field holds 万元: read, the cells converted (sum_in_unit).
  EXPECT_EQ(header_field(core::person_fields(), words, "资金需求（元）"), "intention_funding_wan");
  EXPECT_EQ(field_for_header("计划投资（元）"), "intention_investment_wan");
  EXPECT_EQ(field_for_header("计划投资（千元）"), "intention_investment_wan");
  EXPECT_EQ(field_for_header("计划投资（万元）"), "intention_investment_wan");
  EXPECT_EQ(merchant_field_for_header("意向投资上限（元）"), "intention_max_wan");
  EXPECT_EQ(merchant_field_for_header("意向投资上限（万元）"), "intention_max_wan");
  // Another currency is no sum the registry keeps: not read.
  EXPECT_EQ(field_for_header("计划投资（美元）"), "");
  EXPECT_EQ(merchant_field_for_header("意向投资上限（美元）"), "");
  // A bracket that names no sum of money is dropped as before.
  EXPECT_EQ(header_field(core::person_fields(), words, "资金需求（预计）"),
            "intention_funding_wan");
}

TEST(SheetHeaders, OnlyASumInWanTakesItsHeadersUnit) {
  // The units of money a 万元 field converts from; the field's own, or none, is no unit to add.
  EXPECT_EQ(header_money_units({"资金需求（元）", "计划投资(千元)", " 资金需求（亿元） ",
                                "资金需求（亿）", "资金需求（万元）", "资金需求(万)", "资金需求",
                                "计划投资（美元）"}),
            (std::vector<std::string>{"元", "千元", "亿元", "亿", "", "", "", ""}));
  // A field counting in something else, or no unit, leaves the cell as written.
  core::Field acres{"land", "可用土地（亩）", core::FieldKind::integer};
  EXPECT_EQ(sum_in_unit(acres, "5", "元"), "5");
  const core::Field& funding = *core::find_person_field("intention_funding_wan");
  EXPECT_EQ(sum_in_unit(funding, "5", ""), "5");
  EXPECT_EQ(sum_in_unit(funding, "50000", "元"), "50000元");
  EXPECT_EQ(sum_in_unit(funding, "5万", "元"), "5万");
}

TEST(SheetHeaders, SumsInTheirHeadersUnitFromTheCaseFile) {
  const core::Field& funding = *core::find_person_field("intention_funding_wan");
  int cases = core::for_each_case(
      std::string(GUIYAN_SERVICE_TESTDATA_DIR) + "/sums_in_header_units.tsv", 4,
      [&](const std::vector<std::string>& cols, int number) {
        auto v = core::normalize_text(
            funding, sum_in_unit(funding, cols[1], header_money_unit(cols[0])), "2026-12-07");
        std::string got = v.ok() ? std::to_string(std::get<int64_t>(v.value)) : "!" + v.error;
        if (cols[2].starts_with("!")) {
          EXPECT_TRUE(got.starts_with(cols[2])) << "line " << number << ": " << got;
        } else {
          EXPECT_EQ(got, cols[2]) << "line " << number << ": " << cols[3];
        }
      });
  EXPECT_GE(cases, 8);
}

TEST(SheetHeaders, ARegionCodeColumnIsReadInsteadOfTheNameBesideIt) {
  std::vector<std::string> headers = {"姓名", "户籍地代码", "备注", "户籍地"};
  std::vector<std::string> fields = {"name", "region_code", "notes", "region_code"};
  auto issues = read_region_code_column(fields, headers, "region_code");
  EXPECT_EQ(fields, (std::vector<std::string>{"name", "region_code", "notes", ""}));
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].row, 0u);  // about the file, not a row
  EXPECT_EQ(issues[0].column, "户籍地");
  EXPECT_EQ(issues[0].reason, "已按“户籍地代码”列读取，此列未读取");
  EXPECT_FALSE(issues[0].kept);

  // The code column may come last, and its header may be written with a unit or spaces.
  headers = {"所在村", "姓名", " 行政区划代码 "};
  fields = {"region_code", "name", "region_code"};
  issues = read_region_code_column(fields, headers, "region_code");
  EXPECT_EQ(fields, (std::vector<std::string>{"", "name", "region_code"}));
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].column, "所在村");
}

TEST(SheetHeaders, WithoutACodeColumnEveryRegionColumnStays) {
  std::vector<std::string> headers = {"户籍地", "所在村"};
  std::vector<std::string> fields = {"region_code", "region_code"};
  EXPECT_TRUE(read_region_code_column(fields, headers, "region_code").empty());
  EXPECT_EQ(fields, (std::vector<std::string>{"region_code", "region_code"}));
  // One code column alone: nothing to choose between.
  headers = {"户籍地代码"};
  fields = {"region_code"};
  EXPECT_TRUE(read_region_code_column(fields, headers, "region_code").empty());
  EXPECT_EQ(fields, (std::vector<std::string>{"region_code"}));
}

TEST(SheetHeaders, HeadersFromTheCaseFile) {
  int cases = core::for_each_case(
      std::string(GUIYAN_SERVICE_TESTDATA_DIR) + "/sheet_headers.tsv", 4,
      [](const std::vector<std::string>& cols, int number) {
        std::string got =
            cols[0] == "merchants" ? merchant_field_for_header(cols[1]) : field_for_header(cols[1]);
        EXPECT_EQ(got.empty() ? "-" : got, cols[2]) << "line " << number << ": " << cols[3];
      });
  EXPECT_GE(cases, 20);
}

}  // namespace
}  // namespace guiyan::service
