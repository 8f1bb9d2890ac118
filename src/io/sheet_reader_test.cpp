// read_sheet on real .xlsx files: written by XlsxWriter, by libxlsxwriter's C API, by hand (for
// what libxlsxwriter never writes), and broken ones.
#include "io/sheet_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <xlsxwriter.h>

#include <fstream>
#include <random>

#include "io/test_support.h"
#include "io/xlsx_merged_cells.h"
#include "io/xlsx_writer.h"

namespace guiyan::io {
namespace {

using test_support::Row;
using test_support::TempDir;
using ::testing::HasSubstr;
using Cells = std::vector<std::string>;
constexpr auto T = CellKind::text;
constexpr auto N = CellKind::number;
constexpr auto D = CellKind::date;

TEST(ReadSheetXlsx, ReadsBackWhatXlsxWriterWrote) {
  TempDir dir;
  std::string path = dir.file("台账.xlsx");
  XlsxWriter w(path, "人员台账");
  w.header({"姓名", "身份证号", "年龄", "出生日期", "备注", "登记时间"});
  w.row({"王芳", "420102199001011234", "34", "1990-01-01", "", "2024-03-05 14:30"},
        {T, T, N, D, T, D});
  w.row({"李四", "42010219850202123X", "", "1985-02-02", "有\"引号\"，逗号,\n换行"},
        {T, T, N, D, T});
  w.row({"", "", "", "", "只有备注"});
  w.row({});
  w.row({"张三", "0012345", "-3.25", "2024-02-29", "", ""}, {T, T, N, D, T, D});
  w.close();

  std::vector<Row> expected = {
      {1, {"姓名", "身份证号", "年龄", "出生日期", "备注", "登记时间"}},
      {2, {"王芳", "420102199001011234", "34", "1990-01-01", "", "2024-03-05 14:30"}},
      {3, {"李四", "42010219850202123X", "", "1985-02-02", "有\"引号\"，逗号,\n换行"}},
      {4, {"", "", "", "", "只有备注"}},
      {6, {"张三", "0012345", "-3.25", "2024-02-29"}},
  };
  EXPECT_EQ(test_support::read_rows(path), expected);
}

TEST(ReadSheetXlsx, Streams100000RowsAndStopsWhenAsked) {
  TempDir dir;
  std::string path = dir.file("big.xlsx");
  {
    XlsxWriter w(path, "Sheet1");
    w.header({"序号", "姓名", "身份证号"});
    for (int i = 1; i <= 100000; ++i) {
      w.row(
          {std::to_string(i), "人员" + std::to_string(i), std::to_string(420102199001010000 + i)});
    }
    w.close();
  }
  size_t count = 0;
  SheetRow last;
  read_sheet(path, [&](const SheetRow& r) {
    ++count;
    last = r;
    return true;
  });
  EXPECT_EQ(count, 100001u);
  EXPECT_EQ(last.number, 100001u);
  EXPECT_EQ(last.cells, (Cells{"100000", "人员100000", "420102199001110000"}));

  count = 0;
  read_sheet(path, [&](const SheetRow& r) {
    last = r;
    return ++count < 10;
  });
  EXPECT_EQ(count, 10u);
  EXPECT_EQ(last.number, 10u);
}

// A workbook in libxlsxwriter's default mode: shared strings, styles, two sheets.
void write_c_api_workbook(const std::string& path) {
  lxw_workbook* wb = workbook_new(path.c_str());
  lxw_worksheet* ws = workbook_add_worksheet(wb, "人员");
  lxw_worksheet* other = workbook_add_worksheet(wb, "说明");
  lxw_format* builtin_date = workbook_add_format(wb);
  format_set_num_format_index(builtin_date, 14);
  lxw_format* date_time = workbook_add_format(wb);
  format_set_num_format(date_time, "yyyy/mm/dd hh:mm");
  lxw_format* chinese_date = workbook_add_format(wb);
  format_set_num_format(chinese_date, "yyyy\"年\"m\"月\"d\"日\"");
  lxw_format* two_decimals = workbook_add_format(wb);
  format_set_num_format(two_decimals, "#,##0.00\"元\"");
  lxw_format* red = workbook_add_format(wb);
  format_set_font_color(red, LXW_COLOR_RED);

  worksheet_write_string(ws, 0, 0, "身份证号(数字)", nullptr);
  worksheet_write_string(ws, 0, 1, "身份证号(文本)", nullptr);
  worksheet_write_number(ws, 1, 0, 421022199001011234.0, nullptr);
  worksheet_write_string(ws, 1, 1, "421022199001011234", nullptr);
  worksheet_write_formula_num(ws, 2, 0, "=1+2", nullptr, 3);
  worksheet_write_formula_str(ws, 2, 1, "=\"A\"&\"B\"", nullptr, "AB");
  worksheet_write_boolean(ws, 2, 2, 1, nullptr);
  worksheet_write_boolean(ws, 2, 3, 0, nullptr);
  lxw_datetime day = {2024, 3, 5, 0, 0, 0};
  lxw_datetime moment = {2024, 3, 5, 8, 5, 0};
  worksheet_write_datetime(ws, 3, 0, &day, builtin_date);
  worksheet_write_datetime(ws, 3, 1, &moment, date_time);
  worksheet_write_datetime(ws, 3, 2, &day, chinese_date);
  worksheet_write_number(ws, 3, 3, 1234.5, two_decimals);
  worksheet_write_number(ws, 3, 4, 0.1 + 0.2, nullptr);
  worksheet_write_number(ws, 3, 5, -0.5, nullptr);
  char red_text[] = "红色", plain_text[] = "普通";
  lxw_rich_string_tuple part1 = {.format = red, .string = red_text};
  lxw_rich_string_tuple part2 = {.format = nullptr, .string = plain_text};
  lxw_rich_string_tuple* rich[] = {&part1, &part2, nullptr};
  worksheet_write_rich_string(ws, 5, 0, rich, nullptr);
  worksheet_write_string(ws, 5, 1, "第一行\n第二行", nullptr);
  for (int i = 0; i < 30000; ++i) {
    worksheet_write_string(ws, 6 + i, 0, "湖北省武汉市", nullptr);
    worksheet_write_string(ws, 6 + i, 1, ("编号" + std::to_string(i)).c_str(), nullptr);
  }
  worksheet_write_string(other, 0, 0, "不应读取", nullptr);
  ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);
}

TEST(ReadSheetXlsx, ReadsFirstSheetOfCApiWorkbook) {
  TempDir dir;
  std::string path = dir.file("c_api.xlsx");
  write_c_api_workbook(path);
  std::vector<Row> rows = test_support::read_rows(path);
  ASSERT_EQ(rows.size(), 5u + 30000u);
  EXPECT_EQ(rows[0], (Row{1, {"身份证号(数字)", "身份证号(文本)"}}));
  // A number-typed ID has lost its last digits in the file; we return what Excel shows of it
  // (15 significant digits, then zeros), no exponent.
  EXPECT_EQ(rows[1].first, 2u);
  ASSERT_EQ(rows[1].second.size(), 2u);
  EXPECT_EQ(rows[1].second[0], "421022199001011000");
  EXPECT_EQ(rows[1].second[1], "421022199001011234");
  EXPECT_EQ(rows[2], (Row{3, {"3", "AB", "TRUE", "FALSE"}}));
  EXPECT_EQ(rows[3],
            (Row{4, {"2024-03-05", "2024-03-05 08:05", "2024-03-05", "1234.5", "0.3", "-0.5"}}));
  EXPECT_EQ(rows[4], (Row{6, {"红色普通", "第一行\n第二行"}}));
  EXPECT_EQ(rows[5], (Row{7, {"湖北省武汉市", "编号0"}}));
  EXPECT_EQ(rows.back(), (Row{30006, {"湖北省武汉市", "编号29999"}}));
  for (const Row& r : rows) {
    for (const std::string& c : r.second) EXPECT_NE(c, "不应读取");
  }
}

TEST(ReadSheetXlsx, SkipsHiddenFirstSheet) {
  TempDir dir;
  std::string path = dir.file("hidden.xlsx");
  lxw_workbook* wb = workbook_new(path.c_str());
  lxw_worksheet* dict = workbook_add_worksheet(wb, "字典");
  lxw_worksheet* data = workbook_add_worksheet(wb, "数据");
  worksheet_write_string(dict, 0, 0, "隐藏", nullptr);
  worksheet_write_string(data, 0, 0, "可见", nullptr);
  worksheet_activate(data);
  worksheet_hide(dict);
  ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);
  EXPECT_EQ(test_support::read_rows(path), (std::vector<Row>{{1, {"可见"}}}));
}

TEST(ReadSheetXlsx, ListsAndReadsEachVisibleSheetByIndex) {
  TempDir dir;
  std::string path = dir.file("sheets.xlsx");
  lxw_workbook* wb = workbook_new(path.c_str());
  lxw_worksheet* notes = workbook_add_worksheet(wb, "填表说明");
  lxw_worksheet* dict = workbook_add_worksheet(wb, "字典");
  lxw_worksheet* data = workbook_add_worksheet(wb, "台账&名单");
  worksheet_write_string(notes, 0, 0, "请勿修改表头", nullptr);
  worksheet_write_string(dict, 0, 0, "隐藏", nullptr);
  worksheet_write_string(data, 1, 0, "姓名", nullptr);
  worksheet_hide(dict);
  ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);
  // Hidden sheets are left out; names are unescaped.
  EXPECT_EQ(sheet_names(path), (std::vector<std::string>{"填表说明", "台账&名单"}));
  std::vector<Row> rows;
  read_sheet_at(path, 1, [&](const SheetRow& r) {
    rows.push_back({r.number, r.cells});
    return true;
  });
  EXPECT_EQ(rows, (std::vector<Row>{{2, {"姓名"}}}));
  EXPECT_EQ(test_support::read_rows(path), (std::vector<Row>{{1, {"请勿修改表头"}}}));
  EXPECT_THROW(read_sheet_at(path, 2, [](const SheetRow&) { return true; }), SheetError);
  // A CSV is one unnamed sheet.
  std::string csv = dir.file("a.csv");
  std::ofstream(csv) << "a\n";
  EXPECT_EQ(sheet_names(csv), (std::vector<std::string>{""}));
  EXPECT_THROW(read_sheet_at(csv, 1, [](const SheetRow&) { return true; }), SheetError);
}

// Parts as other producers write them: namespace prefixes, rows and cells without r, inline rich
// text with phonetic runs, t="d"/"e"/"str", _xHHHH_ escapes, the 1904 date system, sheets whose
// relationship ids are not in tab order, an absolute target.
void write_handmade_xlsx(const std::string& path) {
  const std::string ns =
      "xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
      "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/"
      "relationships\"";
  const std::string rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
  test_support::write_stored_zip(
      path,
      {{"_rels/.rels",
        "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/"
        "2006/relationships\"><Relationship Id=\"rId1\" Type=\"" +
            rel + "officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"},
       {"xl/workbook.xml", "<x:workbook " + ns +
                               "><x:workbookPr date1904=\"1\"/><x:sheets><x:sheet name=\"数据\" "
                               "sheetId=\"2\" r:id=\"rId7\"/><x:sheet name=\"其他\" sheetId=\"1\" "
                               "r:id=\"rId1\"/></x:sheets></x:workbook>"},
       {"xl/_rels/workbook.xml.rels",
        "<Relationships><Relationship Id=\"rId1\" Type=\"" + rel +
            "worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId7\" Type=\"" +
            rel +
            "worksheet\" Target=\"/xl/worksheets/sheet2.xml\"/><Relationship Id=\"rId3\" "
            "Type=\"" +
            rel +
            "sharedStrings\" Target=\"sharedStrings.xml\"/><Relationship "
            "Id=\"rId4\" Type=\"" +
            rel + "styles\" Target=\"./styles.xml\"/></Relationships>"},
       {"xl/worksheets/sheet1.xml", "<x:worksheet " + ns +
                                        "><x:sheetData><x:row r=\"1\"><x:c r=\"A1\" "
                                        "t=\"inlineStr\"><x:is><x:t>不应读取</x:t></x:is></"
                                        "x:c></x:row></x:sheetData></x:worksheet>"},
       {"xl/worksheets/sheet2.xml",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<x:worksheet " + ns +
            "><x:dimension ref=\"A1:D4\"/><x:sheetData>"
            "<x:row><x:c t=\"inlineStr\"><x:is><x:r><x:t>王</x:t></x:r><x:r><x:t "
            "xml:space=\"preserve\">芳 </x:t></x:r><x:rPh sb=\"0\" eb=\"1\"><x:t>おう</x:t></"
            "x:rPh></x:is></x:c><x:c t=\"s\"><x:v>0</x:v></x:c></x:row>"
            "<x:row r=\"3\"><x:c r=\"B3\" t=\"d\"><x:v>2024-03-05T00:00:00</x:v></x:c><x:c "
            "r=\"C3\" t=\"e\"><x:f>1/0</x:f><x:v>#DIV/0!</x:v></x:c><x:c r=\"D3\" "
            "t=\"str\"><x:f>A1</x:f><x:v>行1_x000D_行2</x:v></x:c></x:row>"
            "<x:row r=\"4\"><x:c r=\"A4\" s=\"1\"><x:v>0</x:v></x:c><x:c><x:v>1.5</x:v></x:c></"
            "x:row><x:row r=\"5\"/>"
            "</x:sheetData><x:mergeCells count=\"0\"/></x:worksheet>"},
       {"xl/sharedStrings.xml",
        "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"1\">"
        "<si><t>共享&amp;&lt;&gt;&#x4E2D;</t></si></sst>"},
       {"xl/styles.xml",
        "<styleSheet><cellStyleXfs><xf numFmtId=\"14\"/></cellStyleXfs><cellXfs count=\"2\"><xf "
        "numFmtId=\"0\"/><xf numFmtId=\"14\"><alignment/></xf></cellXfs></styleSheet>"}});
}

TEST(ReadSheetXlsx, ReadsPartsOfOtherProducers) {
  TempDir dir;
  std::string path = dir.file("handmade.xlsx");
  write_handmade_xlsx(path);
  std::vector<Row> expected = {
      {1, {"王芳 ", "共享&<>中"}},
      {3, {"", "2024-03-05", "#DIV/0!", "行1\r行2"}},
      {4, {"1904-01-01", "1.5"}},
  };
  EXPECT_EQ(test_support::read_rows(path), expected);
}

TEST(ReadSheetXlsx, EmptySheetHasNoRows) {
  TempDir dir;
  std::string path = dir.file("empty.xlsx");
  XlsxWriter w(path, "空");
  w.close();
  EXPECT_TRUE(test_support::read_rows(path).empty());
}

// Expects read_sheet to fail with a SheetError whose message contains `text`.
void expect_sheet_error(const std::string& path, const std::string& text) {
  try {
    test_support::read_rows(path);
    ADD_FAILURE() << "no error for " << path;
  } catch (const SheetError& e) {
    EXPECT_THAT(e.what(), HasSubstr(text));
  }
}

TEST(ReadSheetXlsx, RejectsFilesThatAreNotXlsx) {
  TempDir dir;
  std::mt19937 rng(42);
  std::string noise(10000, '\0');
  for (char& c : noise) c = static_cast<char>(rng());
  test_support::write_bytes(dir.file("noise.xlsx"), noise);
  expect_sheet_error(dir.file("noise.xlsx"), "文件不是有效的 xlsx 文件");

  test_support::write_bytes(dir.file("empty.xlsx"), "");
  expect_sheet_error(dir.file("empty.xlsx"), "文件不是有效的 xlsx 文件");

  test_support::write_bytes(
      dir.file("old.xlsx"),
      std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(600, '\0'));
  expect_sheet_error(dir.file("old.xlsx"), "文件不是有效的 xls 文件");  // read as .xls: broken

  test_support::write_stored_zip(dir.file("other.xlsx"), {{"readme.txt", "hello"}});
  expect_sheet_error(dir.file("other.xlsx"), "缺少工作簿");
}

TEST(ReadSheetXlsx, CorruptXlsxFailsCleanly) {
  TempDir dir;
  std::string good = dir.file("good.xlsx");
  {
    XlsxWriter w(good, "S");
    for (int i = 0; i < 3000; ++i) w.row({"行" + std::to_string(i), std::to_string(i * 7)});
  }
  const std::string bytes = test_support::read_bytes(good);
  ASSERT_GT(bytes.size(), 4000u);
  std::string bad = dir.file("bad.xlsx");

  // Truncated anywhere: always a SheetError.
  for (size_t len = 0; len < bytes.size(); len += 509) {
    test_support::write_bytes(bad, std::string_view(bytes).substr(0, len));
    EXPECT_THROW(test_support::read_rows(bad), SheetError) << "truncated to " << len;
  }
  // Damaged compressed sheet data: a SheetError (inflate error or CRC mismatch).
  std::string damaged = bytes;
  for (size_t i = 0; i < 16; ++i) damaged[damaged.size() / 3 + i] ^= '\x5A';
  test_support::write_bytes(bad, damaged);
  EXPECT_THROW(test_support::read_rows(bad), SheetError);

  // Random single-byte damage anywhere: either still readable or a SheetError, never a crash.
  std::mt19937 rng(7);
  for (int round = 0; round < 200; ++round) {
    std::string copy = bytes;
    copy[rng() % copy.size()] = static_cast<char>(rng());
    test_support::write_bytes(bad, copy);
    try {
      test_support::read_rows(bad);
    } catch (const SheetError&) {
    }
  }
}

TEST(ReadSheet, ChecksPathAndExtension) {
  TempDir dir;
  expect_sheet_error(dir.file("missing.xlsx"), "文件不存在");
  expect_sheet_error(dir.file("missing.csv"), "文件不存在");
  test_support::write_bytes(dir.file("data.xls"), "x");
  expect_sheet_error(dir.file("data.xls"), "可能是网页或文本文件改名为 .xls");
  test_support::write_bytes(dir.file("data.xlsm"), "x");
  expect_sheet_error(dir.file("data.xlsm"), "不支持的文件类型，请上传 .xlsx、.xls 或 .csv 文件");
  test_support::write_bytes(dir.file("noext"), "x");
  expect_sheet_error(dir.file("noext"), "不支持的文件类型");
  expect_sheet_error(dir.file("a.csv.d/data"), "不支持的文件类型");

  test_support::write_bytes(dir.file("UPPER.CSV"), "a,b\n");
  EXPECT_EQ(test_support::read_rows(dir.file("UPPER.CSV")), (std::vector<Row>{{1, {"a", "b"}}}));
  {
    XlsxWriter w(dir.file("UPPER.XLSX"), "S");
    w.row({"x"});
  }
  EXPECT_EQ(test_support::read_rows(dir.file("UPPER.XLSX")), (std::vector<Row>{{1, {"x"}}}));
}

TEST(ReadSheet, TabSeparatedTextUnderTheNameXlsReadsAsExcelOpensIt) {
  TempDir dir;
  // As older systems export it, in GB18030, and as Excel saves "Unicode 文本" (UTF-16, a BOM).
  test_support::write_bytes(dir.file("export.xls"),
                            test_support::encode("姓名\t户籍地\n王芳\t公安县\n", "GB18030"));
  std::vector<Row> want = {{1, {"姓名", "户籍地"}}, {2, {"王芳", "公安县"}}};
  EXPECT_EQ(test_support::read_rows(dir.file("export.xls")), want);
  test_support::write_bytes(
      dir.file("unicode.xls"),
      "\xFF\xFE" + test_support::encode("姓名\t户籍地\r\n王芳\t公安县\r\n", "UTF-16LE"));
  EXPECT_EQ(test_support::read_rows(dir.file("unicode.xls")), want);
  // Text without a tab in its first line is no sheet Excel would split.
  test_support::write_bytes(dir.file("commas.xls"), "姓名,户籍地\n王芳,公安县\n");
  expect_sheet_error(dir.file("commas.xls"), "可能是网页或文本文件改名为 .xls");
}

TEST(ReadSheet, OnRowExceptionsPassThrough) {
  TempDir dir;
  std::string path = dir.file("t.xlsx");
  {
    XlsxWriter w(path, "S");
    w.row({"x"});
  }
  EXPECT_THROW(read_sheet(path, [](const SheetRow&) -> bool { throw std::out_of_range("mine"); }),
               std::out_of_range);
}

}  // namespace
}  // namespace guiyan::io

namespace guiyan::io {
namespace {

TEST(ReadSheetXlsx, MergedCellsHoldTheirValueInEveryRowTheyCover) {
  TempDir dir;
  std::string path = dir.file("merged.xlsx");
  lxw_workbook* wb = workbook_new(path.c_str());
  lxw_worksheet* ws = workbook_add_worksheet(wb, "台账");
  lxw_format* center = workbook_add_format(wb);
  format_set_align(center, LXW_ALIGN_CENTER);
  worksheet_write_string(ws, 0, 0, "姓名", nullptr);
  worksheet_write_string(ws, 0, 1, "村", nullptr);
  worksheet_write_string(ws, 0, 2, "备注", nullptr);
  for (int r = 1; r <= 4; ++r) {
    worksheet_write_string(ws, r, 0, ("人" + std::to_string(r)).c_str(), nullptr);
  }
  // 车家垱村 merged down over rows 2-4 (Excel's 2-4); a note merged across B5:C5.
  worksheet_merge_range(ws, 1, 1, 3, 1, "车家垱村", center);
  worksheet_merge_range(ws, 4, 1, 4, 2, "横向", center);
  // Many more rows, so that the merged ranges at the end come in a later piece of the stream.
  for (int r = 5; r < 40000; ++r) {
    worksheet_write_string(ws, r, 0, ("后" + std::to_string(r)).c_str(), nullptr);
  }
  worksheet_merge_range(ws, 39998, 1, 39999, 1, "末尾", center);
  ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);
  auto rows = test_support::read_rows(path);
  ASSERT_EQ(rows.size(), 40000u);
  EXPECT_EQ(rows[1], (Row{2, {"人1", "车家垱村"}}));
  EXPECT_EQ(rows[2], (Row{3, {"人2", "车家垱村"}}));
  EXPECT_EQ(rows[3], (Row{4, {"人3", "车家垱村"}}));
  EXPECT_EQ(rows[4], (Row{5, {"人4", "横向", "横向"}}));
  EXPECT_EQ(rows[5], (Row{6, {"后5"}}));  // past the ranges: nothing filled
  EXPECT_EQ(rows[39998], (Row{39999, {"后39998", "末尾"}}));
  EXPECT_EQ(rows[39999], (Row{40000, {"后39999", "末尾"}}));
}

TEST(XlsxMergedCells, RangesAsExcelWritesThem) {
  MergedRange r;
  ASSERT_TRUE(parse_range("B2:B5", r));
  EXPECT_EQ(r.first_row, 2u);
  EXPECT_EQ(r.last_row, 5u);
  EXPECT_EQ(r.first_col, 1u);
  EXPECT_EQ(r.last_col, 1u);
  ASSERT_TRUE(parse_range("$AA$10:$AB$12", r));
  EXPECT_EQ(r.first_col, 26u);
  EXPECT_EQ(r.last_col, 27u);
  EXPECT_EQ(r.first_row, 10u);
  EXPECT_FALSE(parse_range("B2", r));
  EXPECT_FALSE(parse_range("B:B", r));
  EXPECT_FALSE(parse_range("2:5", r));
  EXPECT_FALSE(parse_range("b2:b5", r));
}

}  // namespace
}  // namespace guiyan::io

namespace guiyan::io {
namespace {

TEST(XlsxMergedCells, FoundWhateverPiecesTheXmlComesIn) {
  const std::string xml =
      "<worksheet><sheetData><row r=\"1\"><c><is><t>mergeCell ref=\"Z1:Z9\" in text</t></is></c>"
      "</row></sheetData><mergeCells count=\"3\"><mergeCell ref=\"B2:B5\"/>"
      "<x:mergeCell ref='C3:D3'/><mergeCell\nref=\"E7\"/><mergeCell ref=\"F1:F2\"/></mergeCells>"
      "</worksheet>";
  for (size_t piece : {size_t{1}, size_t{2}, size_t{7}, size_t{64}, xml.size()}) {
    MergedRangeScanner scanner;
    for (size_t at = 0; at < xml.size(); at += piece) scanner.feed(xml.substr(at, piece));
    const auto& r = scanner.ranges();
    ASSERT_EQ(r.size(), 3u) << "pieces of " << piece;  // E7 is one cell; the text is no element
    EXPECT_EQ(r[0].first_row, 2u) << piece;
    EXPECT_EQ(r[0].last_row, 5u) << piece;
    EXPECT_EQ(r[1].first_col, 2u) << piece;
    EXPECT_EQ(r[1].last_col, 3u) << piece;
    EXPECT_EQ(r[2].first_col, 5u) << piece;
  }
}

}  // namespace
}  // namespace guiyan::io
