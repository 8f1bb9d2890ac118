// Recognising the column headers offices write in their ledgers.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/field.h"
#include "service/import_summary.h"

namespace guiyan::service {

// A header cell trimmed, full-width forms folded, spaces and the "*" that marks required columns
// removed.
std::string clean_header(const std::string& header);

// The name of the field a header names: a field's label with or without its unit ("意向投资上限"
// for "意向投资上限（万元）") or one of `words` (header word → field name), also once a trailing
// unit in brackets is dropped ("资金需求（万元）" → "资金需求");
// a yes/no field also asked as a question ("是否有创业意愿" for "有创业意愿"); alternatives that
// name one field ("技能/特长", "文化程度、学历"); a name with a word that adds nothing
// ("劳务品牌名称", "备注说明") or a word that says "now" ("目前状态", "现住址"); "" when none, and
// when that unit is another sum of money than the field's label names, unless the field counts in
// 万元 and the header in 元, 千元 or 亿元 ("资金需求（元）" names "资金需求（万元）": its cells are
// read through sum_in_unit).
std::string header_field(const std::vector<core::Field>& fields,
                         const std::map<std::string, std::string>& words,
                         const std::string& header);

// The unit of money a header gives that a field kept in 万元 converts from — 元, 千元, 亿元 or 亿
// (资金需求（元） → "元") — or "" for a header in 万元 or 万, or without a unit. An importer asks
// it once per column (header_money_units), not once per cell.
std::string header_money_unit(const std::string& header);

// header_money_unit of each header, in order.
std::vector<std::string> header_money_units(const std::vector<std::string>& headers);

// `cell` of `field` in `unit` (its column's header_money_unit): for a field counting in 万元, a
// bare number gets that unit ("50000" → "50000元", read as 5万元); a cell with a unit of its own,
// another field, or an empty `unit` leaves it as written.
std::string sum_in_unit(const core::Field& field, const std::string& cell, const std::string& unit);

// The field a header names for one import (field_for_header, merchant_field_for_header …).
using FieldOf = std::string (*)(const std::string& header);

// The header of a sheet whose header takes two rows — group titles over the columns below them
// (外出务工情况 over 务工地 | 外出时间), the other cells merged down or left blank — as one row:
// `first`'s cells, each replaced by the cell below it where that names a field (`field_of`) that
// `first`'s does not, or fills a blank. nullopt when `second` is not such a row: `first` names
// fewer than two fields, `second` names no field `first` lacks, or it holds a value under a
// column `first` names (a row of data).
std::optional<std::vector<std::string>> two_row_header(const std::vector<std::string>& first,
                                                       const std::vector<std::string>& second,
                                                       FieldOf field_of);

// Where several columns name the region field `field` and one of them is a code column (its
// header holds “代码”, as the exports write “户籍地代码” beside the name “户籍地”), only that
// column is read: the others' entries in `fields` are cleared, and one file-level issue (row 0)
// for each says so. A village name may belong to several villages; its code does not.
std::vector<ImportIssue> read_region_code_column(std::vector<std::string>& fields,
                                                 const std::vector<std::string>& headers,
                                                 const std::string& field);

}  // namespace guiyan::service
