// Recognising the column headers offices write in their ledgers.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/field.h"
#include "service/import_summary.h"

namespace guiyan::service {

// A header cell trimmed, full-width forms folded, spaces and the "*" that marks required columns
// removed.
std::string clean_header(const std::string& header);

// The name of the field a header names: a field's label or one of `words` (header word → field
// name), also once a trailing unit in brackets is dropped ("资金需求（万元）" → "资金需求");
// a yes/no field also asked as a question ("是否有创业意愿" for "有创业意愿"); alternatives that
// name one field ("技能/特长", "文化程度、学历"); a name with a word that adds nothing
// ("劳务品牌名称", "备注说明"); "" when none, and when that unit is another sum of money than the
// field's label names ("资金需求（元）" for "资金需求（万元）").
std::string header_field(const std::vector<core::Field>& fields,
                         const std::map<std::string, std::string>& words,
                         const std::string& header);

// Where several columns name the region field `field` and one of them is a code column (its
// header holds “代码”, as the exports write “户籍地代码” beside the name “户籍地”), only that
// column is read: the others' entries in `fields` are cleared, and one file-level issue (row 0)
// for each says so. A village name may belong to several villages; its code does not.
std::vector<ImportIssue> read_region_code_column(std::vector<std::string>& fields,
                                                 const std::vector<std::string>& headers,
                                                 const std::string& field);

}  // namespace guiyan::service
