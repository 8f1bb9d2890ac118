// A blank form for offices to fill in Excel (an import template): the ledger's header row with,
// for each column, how to fill it, a text format where every digit must stay, and a drop-down of
// the entries the importer knows; then a sheet of instructions.
#pragma once

#include <string>
#include <vector>

#include "io/sheet_error.h"

namespace guiyan::io {

// One column of the form.
struct FormColumn {
  std::string header;                // the header cell, exactly as the importer reads it
  std::string note;                  // how to fill the column: the header cell's comment
  bool required = false;             // header written with a leading "*", bold and red
  bool keep_digits = false;          // cells formatted as text: 18-digit numbers, leading zeros
  std::vector<std::string> choices;  // the drop-down's entries; none: no drop-down
  double width = 0;                  // in characters; 0: as wide as the header and choices
};

// Writes the form to `path`: worksheet `form_name` holding the header row (frozen) over the
// columns, each as wide as asked or else as its header and choices, text-formatted when
// keep_digits, with a drop-down of its choices on every row below the header that warns (without
// refusing) on other entries, since the importer also reads synonyms; then worksheet `notes_name`
// holding `notes` row by row (the first row bold, long text wrapped); and a hidden worksheet with
// the choices. Throws SheetError when the file cannot be written.
void write_xlsx_form(const std::string& path, const std::string& form_name,
                     const std::vector<FormColumn>& columns, const std::string& notes_name,
                     const std::vector<std::vector<std::string>>& notes);

}  // namespace guiyan::io
