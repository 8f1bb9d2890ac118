// Rows of a ledger that are no record: the totals offices put in a table (合计, 斗湖堤镇小计), and
// under it the signatures and dates (填表人：张三, 填报日期：…) and notes (注：…). An import passes
// over them with a word instead of refusing each as a bad record.
#pragma once

#include <string>
#include <vector>

namespace guiyan::service {

// Why the sheet row `cells` (after the header) is no record — "合计行", "签名行" or "注释行" — or
// "" for a row to read as a record. A total names 合计, 小计, 总计 or 共计 in its first filled
// cell, or in the second unless the first is a row's number (at a cell's start, or ending a cell of
// at most 12 characters: 斗湖堤镇小计); a signature row begins with a signer, a date or a unit of
// the form (填表人, 审核, 填报日期, 填报单位 …); a note begins 注：, 备注：, 说明： or 填表说明.
// `after_note` says the row above was a note: a row holding one text (in one cell, or merged
// across) is then the note's next line.
std::string note_row_kind(const std::vector<std::string>& cells, bool after_note);

// What an import's report says of a row of `kind` (note_row_kind) that it passed over.
std::string note_row_reason(const std::string& kind);

}  // namespace guiyan::service
