// The fill-in templates of the ledger imports (导入模板): a blank sheet with every column an
// importer reads, how to fill each, and drop-downs of the current vocabularies.
#pragma once

#include <string>
#include <vector>

#include "io/xlsx_form.h"
#include "service/principal.h"
#include "store/db.h"

namespace guiyan::service {

// The columns of the template for `kind` (people, merchants, ventures) in ledger order, each
// named by the label its importer reads, with its rule and its choices (the vocabularies as the
// process knows them now); `place` is a name path of a village, the example for region columns.
// Throws std::invalid_argument for another kind.
std::vector<io::FormColumn> import_template_columns(const std::string& kind,
                                                    const std::string& place);

// The rows of the template's instructions sheet for `columns` (a header, a row per column, then
// the general rules of the kind).
std::vector<std::vector<std::string>> import_template_notes(
    const std::string& kind, const std::vector<io::FormColumn>& columns);

// A template written for download: the temporary file and the name to offer.
struct TemplateFile {
  std::string path;
  std::string filename;
};

// Writes the template of `kind` for the account (its first village as the example place) to a
// temporary .xlsx. 400 for another kind, 403 without that import's permission.
TemplateFile import_template_file(store::Db& db, const Principal& p, const std::string& kind);

}  // namespace guiyan::service
