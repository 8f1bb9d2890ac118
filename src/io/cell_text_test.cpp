// How xlsx numbers and date serials become text.
#include "io/cell_text.h"

#include <gtest/gtest.h>

namespace guiyan::io {
namespace {

TEST(CellText, Numbers) {
  EXPECT_EQ(number_text(0), "0");
  EXPECT_EQ(number_text(-0.0), "0");
  EXPECT_EQ(number_text(42), "42");
  EXPECT_EQ(number_text(-7), "-7");
  EXPECT_EQ(number_text(13800001234.0), "13800001234");
  EXPECT_EQ(number_text(9007199254740991.0), "9007199254740991");  // below 2^53: exact
  // Beyond, as Excel shows it: 15 significant digits, then zeros.
  EXPECT_EQ(number_text(9007199254740992.0), "9007199254740990");
  EXPECT_EQ(number_text(4.21022199001011e+17), "421022199001011000");
  EXPECT_EQ(number_text(-4.21022199001011e+17), "-421022199001011000");
  EXPECT_EQ(number_text(1e20), "100000000000000000000");
  EXPECT_EQ(number_text(0.1 + 0.2), "0.3");
  EXPECT_EQ(number_text(1234.56), "1234.56");
  EXPECT_EQ(number_text(3.14159265358979), "3.1415926536");
  EXPECT_EQ(number_text(-0.5), "-0.5");
  EXPECT_EQ(number_text(1e-12), "1e-12");
}

TEST(CellText, IsoDates) {
  EXPECT_EQ(iso_date_text("2024-03-05T14:30:00"), "2024-03-05 14:30");
  EXPECT_EQ(iso_date_text("1990-05-01T00:00:00.000"), "1990-05-01");  // an XML spreadsheet's
  EXPECT_EQ(iso_date_text("2024-03-05"), "2024-03-05");
  EXPECT_EQ(iso_date_text("1899-12-31T08:30:00.000"), "08:30");  // a time alone
  EXPECT_EQ(iso_date_text("1899-12-31T00:00:00.000"), "00:00");
  EXPECT_EQ(iso_date_text("next May"), "next May");
}

TEST(CellText, DateSerials) {
  EXPECT_EQ(serial_date_text(45356, false), "2024-03-05");
  EXPECT_EQ(serial_date_text(45356.5, false), "2024-03-05 12:00");
  EXPECT_EQ(serial_date_text(45356.999999, false), "2024-03-06");  // rounds to the minute
  EXPECT_EQ(serial_date_text(1, false), "1900-01-01");
  EXPECT_EQ(serial_date_text(59, false), "1900-02-28");
  EXPECT_EQ(serial_date_text(60, false), "1900-02-29");  // Excel's phantom day
  EXPECT_EQ(serial_date_text(61, false), "1900-03-01");
  EXPECT_EQ(serial_date_text(32874, false), "1990-01-01");
  EXPECT_EQ(serial_date_text(0.75, false), "18:00");
  EXPECT_EQ(serial_date_text(0, true), "1904-01-01");
  EXPECT_EQ(serial_date_text(43894, true), "2024-03-05");
  EXPECT_EQ(serial_date_text(2958465, false), "9999-12-31");
  EXPECT_EQ(serial_date_text(2958466, false), "");
  EXPECT_EQ(serial_date_text(-1, false), "");
}

TEST(CellText, DateFormats) {
  for (size_t id : {14, 15, 16, 17, 18, 19, 20, 21, 22, 31, 45, 46, 47, 57}) {
    EXPECT_TRUE(is_date_format(id, "")) << id;
  }
  for (size_t id : {0, 1, 2, 9, 10, 11, 12, 13, 37, 40, 48, 49}) {
    EXPECT_FALSE(is_date_format(id, "")) << id;
  }
  for (const char* code : {"yyyy-mm-dd", "yyyy\"年\"m\"月\"d\"日\"", "[$-804]yyyy/m/d", "h:mm",
                           "[h]:mm:ss", "mm:ss", "上午/下午h\"时\"mm\"分\"", "d-mmm-yy"}) {
    EXPECT_TRUE(is_date_format(200, code)) << code;
  }
  for (const char* code : {"General", "0.00", "#,##0", "0.00E+00", "@", "#,##0.00\"元\"",
                           "[Red]0.00", "_(* #,##0_)", "0\"天\"", "[$¥-804]#,##0.00", "\\d0"}) {
    EXPECT_FALSE(is_date_format(14, code)) << code;  // the file's code wins over the id
  }
}

}  // namespace
}  // namespace guiyan::io
