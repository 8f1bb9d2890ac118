// Rows of a ledger that are no record: the totals offices put in a table (合计, 斗湖堤镇小计), the
// titles and headers of ledgers pasted one under another, and under a table the signatures and
// dates (填表人：张三, 填报日期：…) and notes (注：…). An import passes over them with a word
// instead of refusing each as a bad record.
#pragma once

#include <string>
#include <unordered_set>
#include <vector>

namespace guiyan::service {

// The labels of a ledger's header row(s) as note_row_kind compares them: each filled cell, its
// ends' blanks trimmed.
std::unordered_set<std::string> header_labels(
    const std::vector<std::vector<std::string>>& header_rows);

// What a row of a ledger below its header is, when it is no record.
enum class NoteRow { none, total, signature, note, header, title, column_numbers };

// Why the sheet row `cells` (after the header) is no record, or NoteRow::none for a row to read
// as a record. A total names 合计, 小计, 总计 or 共计 in its first filled cell, or in the second
// unless the first is a row's number (at a cell's start, or ending a cell of at most 12
// characters: 斗湖堤镇小计); a signature row begins with a signer, a date or a unit of the form
// (填表人, 审核, 填报日期, 填报单位 …); a note begins 注：, 备注：, 说明： or 填表说明; the header
// again (ledgers pasted one under another) begins with one of `labels` (header_labels), which
// name two of its cells and half of the filled ones at least; a title is one text (in one cell,
// or merged across) naming 台账, 名单, 花名册, 统计表 …; a 栏次 row numbers the columns (1 2 3 …,
// three at least). `after_note` says the row above was a note: a row of one text is then the
// note's next line (not a title).
NoteRow note_row_kind(const std::vector<std::string>& cells, bool after_note,
                      const std::unordered_set<std::string>& labels);

// The name of `kind` as offices say it: 合计行, 签名行, 注释行, 表头行, 标题行, 栏次行 ("" for
// none).
std::string note_row_label(NoteRow kind);

// What an import's report says of a row of `kind` (note_row_kind) that it passed over.
std::string note_row_reason(NoteRow kind);

}  // namespace guiyan::service
