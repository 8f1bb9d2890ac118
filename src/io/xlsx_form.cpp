#include "io/xlsx_form.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <deque>

#include "io/utf8.h"
#include "io/xlsx_writer.h"

namespace guiyan::io {
namespace {

constexpr double kMinWidth = 10, kMaxFormWidth = 40, kMaxNotesWidth = 60;
constexpr const char* kChoicesSheet = "可选值";

// A workbook that is closed (and its errors reported) once, whatever happens before.
class Workbook {
 public:
  explicit Workbook(const std::string& path) : path_(path), book_(workbook_new(path.c_str())) {
    if (!book_) throw SheetError("无法创建 xlsx 文件：" + path);
  }
  ~Workbook() {
    if (book_) workbook_close(book_);
  }
  Workbook(const Workbook&) = delete;
  Workbook& operator=(const Workbook&) = delete;

  lxw_worksheet* sheet(const std::string& name) {
    lxw_worksheet* s = workbook_add_worksheet(book_, xlsx_sheet_name(name).c_str());
    if (!s) throw SheetError("无法创建 xlsx 工作表（临时目录不可写？）");
    return s;
  }
  lxw_format* format() { return workbook_add_format(book_); }
  // libxlsxwriter's option structs take char*, not const char*: their strings are kept here.
  char* keep(std::string s) { return kept_.emplace_back(std::move(s)).data(); }

  void close() {
    lxw_error err = workbook_close(book_);
    book_ = nullptr;
    if (err != LXW_NO_ERROR) {
      throw SheetError("保存 xlsx 文件失败：" + path_ + "（" + lxw_strerror(err) + "）");
    }
  }

 private:
  std::string path_;
  lxw_workbook* book_;
  std::deque<std::string> kept_;
};

void check(lxw_error err) {
  if (err != LXW_NO_ERROR) throw SheetError(std::string("写入 xlsx 失败：") + lxw_strerror(err));
}

double width_of(const std::vector<std::string>& texts, double max_width) {
  size_t widest = 0;
  for (const auto& t : texts) widest = std::max(widest, display_width(t));
  return std::clamp(static_cast<double>(widest) + 2, kMinWidth, max_width);
}

}  // namespace

void write_xlsx_form(const std::string& path, const std::string& form_name,
                     const std::vector<FormColumn>& columns, const std::string& notes_name,
                     const std::vector<std::vector<std::string>>& notes) {
  Workbook book(path);
  lxw_worksheet* form = book.sheet(form_name);
  lxw_worksheet* notes_sheet = book.sheet(notes_name);
  lxw_worksheet* choices = nullptr;

  lxw_format* header = book.format();
  format_set_bold(header);
  format_set_bg_color(header, 0xDDEBF7);
  format_set_border(header, LXW_BORDER_THIN);
  lxw_format* required = book.format();
  format_set_bold(required);
  format_set_font_color(required, LXW_COLOR_RED);
  format_set_bg_color(required, 0xDDEBF7);
  format_set_border(required, LXW_BORDER_THIN);
  lxw_format* text = book.format();
  format_set_num_format_index(text, 49);  // Excel's built-in text format "@"
  lxw_format* bold = book.format();
  format_set_bold(bold);
  lxw_format* wrap = book.format();
  format_set_text_wrap(wrap);
  format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);

  lxw_col_t choice_col = 0;
  for (size_t i = 0; i < columns.size() && i < LXW_COL_MAX; ++i) {
    const FormColumn& col = columns[i];
    auto c = static_cast<lxw_col_t>(i);
    std::string title = (col.required ? "*" : "") + col.header;
    std::vector<std::string> seen = col.choices;
    seen.push_back(title);
    double width = std::max(col.width, width_of(seen, kMaxFormWidth));
    check(worksheet_set_column(form, c, c, width, col.keep_digits ? text : nullptr));
    check(worksheet_write_string(form, 0, c, xlsx_cell_text(title).c_str(),
                                 col.required ? required : header));
    if (!col.note.empty()) {
      lxw_comment_options opt{};
      opt.author = book.keep("归雁");
      opt.width = 320;
      opt.height = static_cast<uint16_t>(std::clamp<size_t>(display_width(col.note) / 2, 60, 240));
      check(worksheet_write_comment_opt(form, 0, c, book.keep(xlsx_cell_text(col.note)), &opt));
    }
    if (col.choices.empty()) continue;
    if (!choices) choices = book.sheet(kChoicesSheet);
    check(worksheet_write_string(choices, 0, choice_col, xlsx_cell_text(col.header).c_str(), bold));
    for (size_t k = 0; k < col.choices.size(); ++k) {
      check(worksheet_write_string(choices, static_cast<lxw_row_t>(k + 1), choice_col,
                                   xlsx_cell_text(col.choices[k]).c_str(), nullptr));
    }
    char range[LXW_MAX_CELL_RANGE_LENGTH];
    lxw_rowcol_to_range_abs(range, 1, choice_col, static_cast<lxw_row_t>(col.choices.size()),
                            choice_col);
    lxw_data_validation dv{};
    dv.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
    // libxlsxwriter 1.1.4 never frees its copy of the formula (tests/lsan.supp).
    dv.value_formula = book.keep(std::string("='") + kChoicesSheet + "'!" + range);
    dv.error_type = LXW_VALIDATION_ERROR_TYPE_WARNING;
    dv.error_title = book.keep("不在下拉选项中");
    dv.error_message = book.keep("“" + col.header +
                                 "”请从下拉选项中选择；常用的其他写法也能识别，"
                                 "无法识别的在导入检查时列入问题清单。是否仍要填入？");
    check(worksheet_data_validation_range(form, 1, c, LXW_ROW_MAX - 1, c, &dv));
    ++choice_col;
  }
  worksheet_freeze_panes(form, 1, 0);
  worksheet_activate(form);
  if (choices) worksheet_hide(choices);

  std::vector<std::vector<std::string>> by_column;
  for (size_t r = 0; r < notes.size(); ++r) {
    for (size_t c = 0; c < notes[r].size() && c < LXW_COL_MAX; ++c) {
      if (by_column.size() <= c) by_column.resize(c + 1);
      by_column[c].push_back(notes[r][c]);
      if (notes[r][c].empty()) continue;
      check(worksheet_write_string(notes_sheet, static_cast<lxw_row_t>(r),
                                   static_cast<lxw_col_t>(c), xlsx_cell_text(notes[r][c]).c_str(),
                                   r == 0 ? bold : wrap));
    }
  }
  for (size_t c = 0; c < by_column.size(); ++c) {
    check(worksheet_set_column(notes_sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                               width_of(by_column[c], kMaxNotesWidth), nullptr));
  }
  worksheet_freeze_panes(notes_sheet, 1, 0);
  book.close();
}

}  // namespace guiyan::io
