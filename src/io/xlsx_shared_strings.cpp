#include "io/xlsx_shared_strings.h"

#include "io/xml_record_chunker.h"
#include "io/xml_sax.h"

namespace guiyan::io {
namespace {

// Gathers the text of each <si>: its <t> and the <t> of its <r> runs, but not of <rPh>.
struct SstHandler : SaxHandlerBase {
  XlsxSharedStrings& table;
  std::string text;
  bool in_t = false;
  int in_phonetic = 0;
  explicit SstHandler(XlsxSharedStrings& t) : table(t) {}
  void start_element(const orcus::sax::parser_element& e) {
    if (e.name == "si") text.clear();
    if (e.name == "t") in_t = true;
    if (e.name == "rPh") ++in_phonetic;
  }
  void end_element(const orcus::sax::parser_element& e) {
    if (e.name == "t") in_t = false;
    if (e.name == "rPh") --in_phonetic;
    if (e.name == "si") table.add(decode_ooxml_escapes(text));
  }
  void characters(std::string_view s, bool) {
    if (in_t && in_phonetic == 0) text.append(s);
  }
};

}  // namespace

XlsxSharedStrings::XlsxSharedStrings(const ZipReader& zip, const std::string& part) {
  SstHandler handler(*this);
  XmlRecordChunker chunker("sst", "si");
  auto parse = [&](std::string_view doc) { parse_xml(doc, handler, "sharedStrings.xml"); };
  zip.stream(part, [&](std::string_view bytes) {
    chunker.feed(bytes, parse);
    return !chunker.done();
  });
  chunker.finish();
}

std::string_view XlsxSharedStrings::at(size_t index) const {
  if (index >= size()) throw SheetError("文件不是有效的 xlsx 文件（共享字符串索引越界）");
  return std::string_view(pool_).substr(offsets_[index], offsets_[index + 1] - offsets_[index]);
}

void XlsxSharedStrings::add(std::string_view text) {
  pool_.append(text);
  offsets_.push_back(pool_.size());
}

}  // namespace guiyan::io
