#include "io/xlsx_package.h"

#include <optional>
#include <vector>

#include "io/xml_sax.h"

namespace guiyan::io {
namespace {

struct Relationship {
  std::string id, type, target;
  bool external = false;
};

// Collects the <Relationship> elements of a .rels part.
struct RelsHandler : SaxHandlerBase {
  std::vector<Relationship> rels;
  Relationship pending;
  void attribute(const orcus::sax::parser_attribute& a) {
    if (a.name == "Id") pending.id = a.value;
    if (a.name == "Type") pending.type = a.value;
    if (a.name == "Target") pending.target = a.value;
    if (a.name == "TargetMode") pending.external = a.value == "External";
  }
  void start_element(const orcus::sax::parser_element& e) {
    if (e.name == "Relationship") rels.push_back(pending);
    pending = Relationship{};
  }
};

struct SheetEntry {
  std::string rel_id;
  std::string name;
  bool hidden = false;
};

// Collects the sheets of workbook.xml in tab order and the date system.
struct WorkbookHandler : SaxHandlerBase {
  std::vector<SheetEntry> sheets;
  bool date1904 = false;
  std::string id, name, state, date1904_attr;
  void attribute(const orcus::sax::parser_attribute& a) {
    if (a.name == "id" && !a.ns.empty()) id = a.value;
    if (a.name == "name" && a.ns.empty()) name = a.value;
    if (a.name == "state") state = a.value;
    if (a.name == "date1904") date1904_attr = a.value;
  }
  void start_element(const orcus::sax::parser_element& e) {
    if (e.name == "sheet") sheets.push_back({id, name, state == "hidden" || state == "veryHidden"});
    if (e.name == "workbookPr") date1904 = date1904_attr == "1" || date1904_attr == "true";
    id.clear();
    name.clear();
    state.clear();
    date1904_attr.clear();
  }
};

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string directory_of(const std::string& part) {
  size_t slash = part.rfind('/');
  return slash == std::string::npos ? "" : part.substr(0, slash + 1);
}

// Resolves a relationship target against the directory of its source part, handling "..".
std::string resolve(const std::string& base_dir, const std::string& target) {
  std::string path = !target.empty() && target[0] == '/' ? target.substr(1) : base_dir + target;
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string::npos) slash = path.size();
    std::string piece = path.substr(start, slash - start);
    if (piece == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!piece.empty() && piece != ".") {
      parts.push_back(piece);
    }
    start = slash + 1;
  }
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

std::vector<Relationship> read_rels(const ZipReader& zip, const std::string& part) {
  RelsHandler handler;
  if (zip.contains(part)) parse_xml(zip.read(part), handler, part);
  return handler.rels;
}

}  // namespace

XlsxParts locate_xlsx_parts(const ZipReader& zip) {
  std::string workbook;
  for (const Relationship& r : read_rels(zip, "_rels/.rels")) {
    if (ends_with(r.type, "/officeDocument") && !r.external) workbook = resolve("", r.target);
  }
  if (workbook.empty() && zip.contains("xl/workbook.xml")) workbook = "xl/workbook.xml";
  if (workbook.empty() || !zip.contains(workbook)) {
    throw SheetError("文件不是有效的 xlsx 文件（缺少工作簿）");
  }
  WorkbookHandler wb;
  parse_xml(zip.read(workbook), wb, "workbook.xml");

  std::string dir = directory_of(workbook);
  std::vector<Relationship> rels =
      read_rels(zip, dir + "_rels/" + workbook.substr(dir.size()) + ".rels");
  XlsxParts parts;
  parts.date1904 = wb.date1904;
  for (const Relationship& r : rels) {
    if (r.external) continue;
    if (ends_with(r.type, "/sharedStrings")) parts.shared_strings = resolve(dir, r.target);
    if (ends_with(r.type, "/styles")) parts.styles = resolve(dir, r.target);
  }
  std::optional<XlsxSheet> first_hidden;
  for (const SheetEntry& s : wb.sheets) {
    for (const Relationship& r : rels) {
      if (r.id != s.rel_id || !ends_with(r.type, "/worksheet") || r.external) continue;
      XlsxSheet sheet{s.name, resolve(dir, r.target)};
      if (!s.hidden) parts.sheets.push_back(sheet);
      if (s.hidden && !first_hidden) first_hidden = sheet;
    }
  }
  if (parts.sheets.empty() && first_hidden) parts.sheets.push_back(*first_hidden);
  if (parts.sheets.empty()) throw SheetError("xlsx 文件中没有工作表");
  for (const XlsxSheet& sheet : parts.sheets) {
    if (!zip.contains(sheet.part)) throw SheetError("文件不是有效的 xlsx 文件（缺少工作表数据）");
  }
  if (!parts.shared_strings.empty() && !zip.contains(parts.shared_strings)) {
    parts.shared_strings.clear();
  }
  if (!parts.styles.empty() && !zip.contains(parts.styles)) parts.styles.clear();
  return parts;
}

}  // namespace guiyan::io
