#include "service/sheet_notes.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "text/tokenize.h"

namespace guiyan::service {
namespace {

// `cell` as compared here: NFKC, folded, punctuation and blanks out ("合  计：" → "合计").
std::string compacted(const std::string& cell) {
  std::string out = text::normalize(cell);
  std::erase(out, ' ');
  return out;
}

// `cell` without blanks (kept punctuation: a note's "注：" needs its colon).
std::string unblanked(const std::string& cell) {
  std::string out;
  for (size_t i = 0; i < cell.size(); ++i) {
    if (cell[i] == ' ' || cell[i] == '\t' || cell[i] == '\r' || cell[i] == '\n') continue;
    if (cell.compare(i, 3, "\xE3\x80\x80") == 0) {  // U+3000, the ideographic space
      i += 2;
      continue;
    }
    out += cell[i];
  }
  return out;
}

// Number of characters (code points) of the UTF-8 text `s`.
size_t characters(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// `cell` without blanks at its ends.
std::string_view trimmed(std::string_view cell) {
  size_t start = cell.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos) return {};
  return cell.substr(start, cell.find_last_not_of(" \t\r\n") - start + 1);
}

bool is_blank(const std::string& cell) {
  return cell.find_first_not_of(" \t\r\n") == std::string::npos;
}

// True when every filled cell of `cells` holds the same text (one cell, or one merged across).
bool one_text(const std::vector<std::string>& cells, const std::string& first) {
  for (const std::string& cell : cells) {
    if (!is_blank(cell) && cell != first) return false;
  }
  return true;
}

// True when the filled cells of `cells` number the columns (1 2 3 …, at least three, each one
// more than the one before), as a form's 栏次 row under its header does.
bool counts_columns(const std::vector<std::string>& cells) {
  long expected = -1;
  size_t count = 0;
  for (const std::string& cell : cells) {
    if (is_blank(cell)) continue;
    std::string_view digits = trimmed(cell);
    if (digits.empty() || digits.size() > 5 ||
        digits.find_first_not_of("0123456789") != std::string_view::npos) {
      return false;
    }
    long n = std::stol(std::string(digits));
    if (expected >= 0 && n != expected) return false;
    expected = n + 1;
    ++count;
  }
  return count >= 3;
}

// Words a table's title ends or names (公安县返乡人员台账, 斗湖堤镇花名册).
constexpr std::array<std::string_view, 14> kTitles = {
    "台账",   "名单",   "花名册", "名册",   "统计表", "情况表", "一览表",
    "登记表", "明细表", "信息表", "汇总表", "摸排表", "调查表", "清单"};

constexpr std::array<std::string_view, 4> kTotals = {"合计", "小计", "总计", "共计"};

constexpr std::array<std::string_view, 24> kSigners = {
    "填表人",   "制表人",   "审核",     "审批人",   "填报人",     "统计人",
    "经办人",   "核对人",   "录入人",   "负责人",   "单位负责人", "主要负责人",
    "分管领导", "主要领导", "填表日期", "填报日期", "制表日期",   "统计日期",
    "报送日期", "填表时间", "填报时间", "填报单位", "填表单位",   "制表单位"};

constexpr std::array<std::string_view, 10> kNotes = {
    "注：", "注:", "备注：", "备注:", "说明：", "说明:", "填表说明", "填报说明", "注1", "注①"};

bool is_total(const std::string& cell) {
  if (cell.find("计") == std::string::npos) return false;  // most rows: no folding
  std::string c = compacted(cell);
  for (std::string_view word : kTotals) {
    if (c.starts_with(word)) return true;
    if (c.ends_with(word) && characters(c) <= 12) return true;
  }
  return false;
}

// True when `cell`, blanks aside, begins with one of `words` (its first character compared
// before any copy: most cells begin otherwise).
template <size_t N>
bool begins_with_any(const std::string& cell, const std::array<std::string_view, N>& words) {
  std::string_view head(cell);
  head.remove_prefix(std::min(head.size(), head.find_first_not_of(" \t\r\n")));
  bool maybe = false;
  for (std::string_view word : words) maybe = maybe || head.starts_with(word.substr(0, 3));
  if (!maybe) return false;
  std::string plain = unblanked(cell);
  for (std::string_view word : words) {
    if (plain.starts_with(word)) return true;
  }
  return false;
}

}  // namespace

std::unordered_set<std::string> header_labels(
    const std::vector<std::vector<std::string>>& header_rows) {
  std::unordered_set<std::string> labels;
  for (const auto& row : header_rows) {
    for (const std::string& cell : row) {
      if (!is_blank(cell)) labels.emplace(trimmed(cell));
    }
  }
  return labels;
}

NoteRow note_row_kind(const std::vector<std::string>& cells, bool after_note,
                      const std::unordered_set<std::string>& labels) {
  // The first two filled cells.
  const std::string* filled[2] = {nullptr, nullptr};
  for (const std::string& cell : cells) {
    if (is_blank(cell)) continue;
    if (filled[0] == nullptr) {
      filled[0] = &cell;
    } else {
      filled[1] = &cell;
      break;
    }
  }
  if (filled[0] == nullptr) return NoteRow::none;
  // A total's word comes first, or second after a group's name (斗湖堤镇 | 小计) — not after a
  // row's number, where a name stands.
  bool numbered = filled[0]->find_first_not_of("0123456789. ") == std::string::npos;
  if (is_total(*filled[0]) || (filled[1] != nullptr && !numbered && is_total(*filled[1]))) {
    return NoteRow::total;
  }
  if (begins_with_any(*filled[0], kSigners)) return NoteRow::signature;
  if (begins_with_any(*filled[0], kNotes)) return NoteRow::note;
  // The header again (ledgers pasted one under another): it begins with one of the header's
  // labels, and at least two cells and half of the filled ones are.
  if (filled[1] != nullptr && !numbered && labels.contains(std::string(trimmed(*filled[0])))) {
    size_t named = 0, count = 0;
    for (const std::string& cell : cells) {
      if (is_blank(cell)) continue;
      ++count;
      named += labels.contains(std::string(trimmed(cell))) ? 1 : 0;
    }
    if (named >= 2 && named * 2 >= count) return NoteRow::header;
  }
  if (numbered && counts_columns(cells)) return NoteRow::column_numbers;
  if (one_text(cells, *filled[0])) {
    if (after_note) return NoteRow::note;
    for (std::string_view word : kTitles) {
      if (filled[0]->find(word) != std::string::npos) return NoteRow::title;
    }
  }
  return NoteRow::none;
}

std::string note_row_label(NoteRow kind) {
  switch (kind) {
    case NoteRow::none:
      return "";
    case NoteRow::total:
      return "合计行";
    case NoteRow::signature:
      return "签名行";
    case NoteRow::note:
      return "注释行";
    case NoteRow::header:
      return "表头行";
    case NoteRow::title:
      return "标题行";
    case NoteRow::column_numbers:
      return "栏次行";
  }
  return "";
}

std::string note_row_reason(NoteRow kind) {
  switch (kind) {
    case NoteRow::total:
      return "表中的合计行，不是一条记录，已跳过";
    case NoteRow::signature:
      return "表下的签名、日期行，不是一条记录，已跳过";
    case NoteRow::header:
      return "重复的表头行，不是一条记录，已跳过";
    case NoteRow::title:
      return "表格的标题行，不是一条记录，已跳过";
    case NoteRow::column_numbers:
      return "表头下的栏次（列的序号）行，不是一条记录，已跳过";
    case NoteRow::note:
    case NoteRow::none:
      break;
  }
  return "表下的注释，不是一条记录，已跳过";
}

}  // namespace guiyan::service
