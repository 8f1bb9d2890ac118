// The traces Excel leaves on a number typed into a cell (an ID number, a phone number), which
// offices' sheets carry into the registry.
#pragma once

#include <string>

namespace guiyan::core {

// `text` without a leading apostrophe (Excel's and WPS's mark for "keep as text": ' ‘ ’), and,
// when `decimal_zero` is set, without the ".0" a number cell gains when written as a decimal
// ("13812345678.0"); anything else unchanged.
std::u32string without_excel_marks(std::u32string text, bool decimal_zero);

// True when `text` is a number in the scientific notation Excel shows for a long number kept as
// a number ("4.21022E+17"): its digits past the fifteenth are lost.
bool is_scientific_notation(const std::u32string& text);

}  // namespace guiyan::core
