// Data-driven tests of field value checks: every case lives in testdata/field_values.tsv.
#include "core/field.h"

#include <gtest/gtest.h>

#include "core/merchant_fields.h"
#include "core/person_fields.h"
#include "core/project_fields.h"
#include "core/test_cases.h"
#include "core/text.h"

#ifndef GUIYAN_CORE_TESTDATA_DIR
#define GUIYAN_CORE_TESTDATA_DIR "src/core/testdata"
#endif

namespace guiyan::core {
namespace {

std::string stored(const store::Value& v) {
  if (std::holds_alternative<store::Null>(v)) return "NULL";
  if (auto i = std::get_if<int64_t>(&v)) return std::to_string(*i);
  return std::get<std::string>(v);
}

TEST(FieldValues, EveryCaseOfTheDataFile) {
  int cases = for_each_case(
      std::string(GUIYAN_CORE_TESTDATA_DIR) + "/field_values.tsv", 5,
      [](const std::vector<std::string>& cols, int number) {
        // "integer": a whole-number field whose label is column 2 (its unit read from it).
        Field by_label{"value", cols[1], FieldKind::integer};
        const Field* f = cols[0] == "integer"   ? &by_label
                         : cols[0] == "project" ? find_project_field(cols[1])
                         : cols[0] != "person"  ? find_merchant_field(cols[1])
                         : find_person_field(cols[1])
                             ? find_person_field(cols[1])
                             : find_field(person_identity_fields(), cols[1]);
        ASSERT_NE(f, nullptr) << "line " << number << ": no field " << cols[0] << "." << cols[1];
        FieldValue v = cols[2] == "json"
                           ? normalize_json(*f, nlohmann::json::parse(cols[3]), "2026-11-22")
                           : normalize_text(*f, cols[3], "2026-11-22");
        const std::string& want = cols[4];
        if (!want.empty() && want[0] == '!') {
          EXPECT_FALSE(v.ok()) << "line " << number << ": accepted as " << stored(v.value);
          EXPECT_NE(v.error.find(want.substr(1)), std::string::npos)
              << "line " << number << ": error was " << v.error;
        } else {
          EXPECT_TRUE(v.ok()) << "line " << number << ": " << v.error;
          EXPECT_EQ(stored(v.value), want) << "line " << number;
        }
      });
  EXPECT_GE(cases, 30);
}

TEST(FieldValues, ALabelSplitsAtTheUnitInItsTrailingBrackets) {
  auto split = [](const std::string& label) {
    auto [name, unit] = split_label_unit(label);
    return name + "|" + unit;
  };
  EXPECT_EQ(split("计划投资（万元）"), "计划投资|万元");
  EXPECT_EQ(split("资金需求(万)"), "资金需求|万");
  EXPECT_EQ(split("可用土地（亩）"), "可用土地|亩");
  EXPECT_EQ(split("带动就业人数"), "带动就业人数|");
  EXPECT_EQ(split("身份证号（18位）备注"), "身份证号（18位）备注|");  // not trailing
}

TEST(FieldValues, ListsComeBackAsArraysAndEmptyListsAsEmptyArrays) {
  const Field& f = *find_merchant_field("intention_industries");
  EXPECT_EQ(field_json(f, store::Value{std::string("C,39")}), nlohmann::json({"C", "39"}));
  EXPECT_EQ(field_json(f, store::Value{store::Null{}}), nlohmann::json::array());
}

TEST(FieldValues, BlankCellsAreEmptyOrAWordForNothingTheFieldGivesNoMeaning) {
  const Field* flag = find_person_field("willing");
  for (const char* blank :
       {"", "  ", "无", " 无 ", "\xE3\x80\x80无\xE3\x80\x80", "—", "N/A", "不适用"})
    EXPECT_TRUE(is_blank_cell(nullptr, blank)) << blank;
  for (const char* text : {"无意向", "0", "一二三四五六七八九十", "13800001111", "?"})
    EXPECT_FALSE(is_blank_cell(nullptr, text)) << text;
  EXPECT_FALSE(is_blank_cell(flag, "无"));  // a no
  EXPECT_TRUE(is_blank_cell(flag, "不详"));
}

}  // namespace
}  // namespace guiyan::core
