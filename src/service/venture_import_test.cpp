#include "service/venture_import.h"

#include <gtest/gtest.h>

#include <set>

#include "core/venture_fields.h"
#include "service/venture_export.h"

namespace guiyan::service {
namespace {

TEST(VentureHeaders, OfficeWordsNameTheFields) {
  EXPECT_EQ(venture_field_for_header("主体名称"), "name");
  EXPECT_EQ(venture_field_for_header("*个体户名称"), "name");
  EXPECT_EQ(venture_field_for_header("市场主体类型"), "type");
  EXPECT_EQ(venture_field_for_header("统一社会信用代码"), "credit_code");
  EXPECT_EQ(venture_field_for_header("成立日期"), "registered_on");
  EXPECT_EQ(venture_field_for_header("是否初次注册"), "first_registration");
  EXPECT_EQ(venture_field_for_header("所属行业"), "industry");
  EXPECT_EQ(venture_field_for_header("所在地"), "region_code");
  EXPECT_EQ(venture_field_for_header("经营状态"), "status");
  EXPECT_EQ(venture_field_for_header("是否入驻园区"), "in_park");
  EXPECT_EQ(venture_field_for_header("创办人身份证号"), "founders");
  EXPECT_EQ(venture_field_for_header("法定代表人身份证号"), "founders");
  EXPECT_EQ(venture_field_for_header("带动就业人数（人）"), "employees");
  EXPECT_EQ(venture_field_for_header("统计日期"), "counted_on");
  EXPECT_EQ(venture_field_for_header("联系电话"), "");
}

TEST(VentureHeaders, EveryColumnOfTheExportedLedgerIsReadBack) {
  // An exported ledger imports again: each column is a field, or one the import skips. The
  // place alone has two columns: 所在地代码, which is read, and 所在地名称 (a path), read when
  // the code column was deleted (read_region_code_column).
  std::set<std::string> fields;
  int place_columns = 0;
  for (const auto& h : venture_ledger_header()) {
    std::string f = venture_field_for_header(h);
    EXPECT_FALSE(f.empty()) << h;
    if (f == "region_code") ++place_columns;
    if (f != "skip" && f != "region_code") {
      EXPECT_TRUE(fields.insert(f).second) << "two columns for " << f;
    }
  }
  EXPECT_EQ(place_columns, 2);
  fields.insert("region_code");
  for (const char* f : {"type", "name", "credit_code", "registered_on", "first_registration",
                        "industry", "region_code", "address", "in_park", "status", "notes",
                        "founders", "employees", "counted_on"}) {
    EXPECT_TRUE(fields.count(f)) << f;
  }
}

TEST(VentureFields, SheetWordsBecomeKeys) {
  auto norm = [](const std::string& name, const std::string& cell) {
    return core::normalize_text(*core::find_venture_field(name), cell, "2026-12-01");
  };
  EXPECT_EQ(std::get<std::string>(norm("type", "个体户").value), "individual_business");
  EXPECT_EQ(std::get<std::string>(norm("type", "专业合作社").value), "cooperative");
  EXPECT_EQ(std::get<std::string>(norm("type", "家庭农场").value), "family_farm");
  EXPECT_EQ(std::get<std::string>(norm("status", "已注销").value), "closed");
  EXPECT_EQ(std::get<std::string>(norm("status", "歇业").value), "suspended");
  EXPECT_FALSE(norm("type", "农场主").ok());
  EXPECT_EQ(std::get<int64_t>(norm("first_registration", "是").value), 1);
  EXPECT_FALSE(norm("credit_code", "92421022MA4WB00000").ok());
  EXPECT_FALSE(norm("registered_on", "2027-01-01").ok());  // after "today"
}

}  // namespace
}  // namespace guiyan::service
