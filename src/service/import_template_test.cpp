// The import templates: every column is one its importer reads, and nothing it reads is missing.
#include "service/import_template.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>

#include "core/merchant_fields.h"
#include "core/person_fields.h"
#include "core/venture_fields.h"
#include "service/merchant_import.h"
#include "service/person_import.h"
#include "service/sheet_headers.h"
#include "service/venture_import.h"

namespace guiyan::service {
namespace {

using ::testing::HasSubstr;

struct Kind {
  std::string name;
  std::string (*field_for)(const std::string&);
  std::vector<core::Field> catalogue;
  std::set<std::string> required;  // the fields whose header the importer insists on
};

std::vector<Kind> kinds() {
  std::vector<core::Field> people = core::person_fields();
  for (const auto& f : core::person_identity_fields()) people.push_back(f);
  return {{"people", &field_for_header, people, {"name", "region_code"}},
          {"merchants", &merchant_field_for_header, core::merchant_fields(), {"hometown_code"}},
          {"ventures",
           &venture_field_for_header,
           core::venture_fields(),
           {"name", "type", "region_code", "founders"}}};
}

TEST(ImportTemplate, EveryColumnIsReadByItsImporterAndEveryFieldHasAColumn) {
  for (const auto& kind : kinds()) {
    SCOPED_TRACE(kind.name);
    auto columns = import_template_columns(kind.name, "公安县/斑竹垱镇/车家垱村");
    std::set<std::string> fields;
    for (const auto& c : columns) {
      // The header as an office's copy of the template has it, the required mark included.
      std::string written = (c.required ? "*" : "") + c.header;
      std::string field = kind.field_for(clean_header(written));
      EXPECT_FALSE(field.empty()) << c.header << " is not read by the importer";
      EXPECT_NE(field, "serial") << c.header;
      EXPECT_NE(field, "skip") << c.header;
      EXPECT_TRUE(fields.insert(field).second) << c.header << " names a field twice";
      EXPECT_EQ(c.required, kind.required.count(field) > 0) << c.header;
      EXPECT_FALSE(c.note.empty()) << c.header;
    }
    for (const auto& f : kind.catalogue) {
      EXPECT_TRUE(fields.count(f.name)) << f.label << " has no column";
    }
  }
}

TEST(ImportTemplate, ColumnsSayHowToFillThemAndOfferTheVocabularies) {
  auto columns = import_template_columns("people", "公安县/斑竹垱镇/车家垱村");
  auto column = [&](const std::string& header) {
    for (const auto& c : columns) {
      if (c.header == header) return c;
    }
    ADD_FAILURE() << "no column " << header;
    return io::FormColumn{};
  };
  EXPECT_TRUE(column("身份证号").keep_digits);
  EXPECT_TRUE(column("联系电话").keep_digits);
  EXPECT_TRUE(column("户籍地").keep_digits);    // 12-digit codes
  EXPECT_TRUE(column("意向行业").keep_digits);  // "01" keeps its zero
  EXPECT_FALSE(column("姓名").keep_digits);
  EXPECT_THAT(column("户籍地").note, HasSubstr("必填"));
  EXPECT_THAT(column("户籍地").note, HasSubstr("公安县/斑竹垱镇/车家垱村"));
  EXPECT_THAT(column("性别").choices, ::testing::ElementsAre("男", "女"));
  EXPECT_THAT(column("人员状态").choices,
              ::testing::ElementsAre("外出", "返乡", "返乡就业", "返乡创业", "再外出"));
  EXPECT_THAT(column("有创业意愿").choices, ::testing::ElementsAre("是", "否"));
  EXPECT_THAT(column("劳务品牌").choices, ::testing::Contains("洪湖莲藕师"));
  // Several skills go in one cell: no drop-down, the dictionary is listed in the note.
  EXPECT_TRUE(column("技能特长").choices.empty());
  EXPECT_THAT(column("技能特长").note, HasSubstr("电工"));
  EXPECT_THAT(column("需求").note, HasSubstr("贷款"));

  auto notes = import_template_notes("people", columns);
  ASSERT_GT(notes.size(), columns.size() + 1);
  EXPECT_EQ(notes[0], (std::vector<std::string>{"列名", "必填", "填写说明", "可选值"}));
  EXPECT_EQ(notes[1][0], "姓名");
  EXPECT_EQ(notes[1][1], "是");
  EXPECT_THAT(notes.back()[2], HasSubstr("未导入的行"));
}

TEST(ImportTemplate, AnotherKindIsRefused) {
  EXPECT_THROW(import_template_columns("projects", ""), std::invalid_argument);
}

}  // namespace
}  // namespace guiyan::service
