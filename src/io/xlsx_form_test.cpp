// write_xlsx_form: what an office opening the template gets (inspected in the package XML) and
// what the sheet reader reads back.
#include "io/xlsx_form.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <regex>

#include "io/sheet_reader.h"
#include "io/test_support.h"
#include "io/zip_reader.h"

namespace guiyan::io {
namespace {

using test_support::Row;
using test_support::TempDir;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

// The style index a column of sheet1 is formatted with ("" when none).
std::string column_style(const std::string& xml, int col) {
  std::regex re("<col min=\"" + std::to_string(col) + "\" max=\"" + std::to_string(col) +
                "\" width=\"([0-9.]+)\"( style=\"([0-9]+)\")?");
  std::smatch m;
  return std::regex_search(xml, m, re) ? m[3].str() : "?";
}

TEST(XlsxForm, TheFormHasItsHeaderNotesTextColumnsAndDropDowns) {
  TempDir dir;
  std::string path = dir.file("t.xlsx");
  write_xlsx_form(path, "人员台账",
                  {{"姓名", "必填。最多40个字。", true, false, {}},
                   {"身份证号", "18位居民身份证号。", false, true, {}, 21},
                   {"性别", "", false, false, {"男", "女"}},
                   {"人员状态", "", false, false, {"外出", "返乡", "返乡就业"}}},
                  "填表说明", {{"列名", "填写说明"}, {"姓名", "必填。最多40个字。"}});

  // The reader sees the form first and the instructions second; the choices' sheet is hidden.
  EXPECT_THAT(sheet_names(path), ElementsAre("人员台账", "填表说明"));
  EXPECT_THAT(test_support::read_rows_at(path, 0),
              ElementsAre(Row{1, {"*姓名", "身份证号", "性别", "人员状态"}}));
  EXPECT_THAT(test_support::read_rows_at(path, 1),
              ElementsAre(Row{1, {"列名", "填写说明"}}, Row{2, {"姓名", "必填。最多40个字。"}}));
  ZipReader zip(path);
  EXPECT_THAT(zip.read("xl/workbook.xml"),
              HasSubstr("<sheet name=\"可选值\" sheetId=\"3\" state=\"hidden\""));

  std::string xml = zip.read("xl/worksheets/sheet1.xml");
  EXPECT_THAT(xml, HasSubstr("state=\"frozen\""));
  // The ID number column is text (number format 49, "@"), so Excel keeps its 18 digits.
  std::string id_style = column_style(xml, 2);
  ASSERT_FALSE(id_style.empty());
  std::string styles = zip.read("xl/styles.xml");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(styles, m, std::regex("<cellXfs count=\"[0-9]+\">(.*)</cellXfs>")));
  std::string xfs = m[1];
  std::vector<std::string> xf;
  const std::regex one_xf("<xf [^>]*>");
  for (std::sregex_iterator it(xfs.begin(), xfs.end(), one_xf), end; it != end; ++it) {
    xf.push_back(it->str());
  }
  ASSERT_LT(std::stoul(id_style), xf.size());
  EXPECT_THAT(xf[std::stoul(id_style)], HasSubstr("numFmtId=\"49\""));
  EXPECT_EQ(column_style(xml, 1), "");  // the name column is left general
  // Drop-downs from the hidden sheet, warning (not refusing) on other entries, to the last row.
  EXPECT_THAT(xml, HasSubstr("<dataValidation type=\"list\" errorStyle=\"warning\""));
  EXPECT_THAT(xml, HasSubstr("sqref=\"C2:C1048576\"><formula1>'可选值'!$A$2:$A$3</formula1>"));
  EXPECT_THAT(xml, HasSubstr("sqref=\"D2:D1048576\"><formula1>'可选值'!$B$2:$B$4</formula1>"));
  EXPECT_THAT(xml, Not(HasSubstr("sqref=\"A2")));
  // Notes on the headers that have one.
  std::string comments = zip.read("xl/comments1.xml");
  EXPECT_THAT(comments, HasSubstr("必填。最多40个字。"));
  EXPECT_THAT(comments, HasSubstr("18位居民身份证号。"));
  EXPECT_THAT(comments, HasSubstr("<comment ref=\"A1\""));
  EXPECT_THAT(comments, Not(HasSubstr("<comment ref=\"C1\"")));
  // The choices themselves, under their column's name.
  std::string choices = zip.read("xl/worksheets/sheet3.xml");
  EXPECT_THAT(choices, HasSubstr("<c r=\"A3\""));
  EXPECT_THAT(choices, Not(HasSubstr("<c r=\"A4\"")));
  EXPECT_THAT(choices, HasSubstr("<c r=\"B4\""));
  std::string shared = zip.read("xl/sharedStrings.xml");
  for (const char* word : {"性别", "男", "女", "人员状态", "返乡就业"}) {
    EXPECT_THAT(shared, HasSubstr(std::string("<t>") + word + "</t>")) << word;
  }
}

TEST(XlsxForm, AFormWithoutChoicesHasNoHiddenSheet) {
  TempDir dir;
  std::string path = dir.file("t.xlsx");
  write_xlsx_form(path, "台账", {{"姓名", "", true, false, {}}, {"备注", "", false, false, {}}},
                  "说明", {{"x"}});
  EXPECT_THAT(sheet_names(path), ElementsAre("台账", "说明"));
  EXPECT_THAT(ZipReader(path).read("xl/workbook.xml"), Not(HasSubstr("hidden")));
  EXPECT_THAT(ZipReader(path).read("xl/worksheets/sheet1.xml"), Not(HasSubstr("dataValidation")));
}

TEST(XlsxForm, AnUnwritablePathIsAClearError) {
  try {
    write_xlsx_form("/nonexistent-dir/t.xlsx", "台账", {{"姓名", "", true, false, {}}}, "说明", {});
    FAIL() << "expected SheetError";
  } catch (const SheetError& e) {
    EXPECT_THAT(e.what(), HasSubstr("/nonexistent-dir/t.xlsx"));
  }
}

}  // namespace
}  // namespace guiyan::io
