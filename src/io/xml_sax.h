// Thin glue over liborcus's SAX parser for the xlsx parts: a do-nothing handler to derive from,
// a parse call that turns orcus errors into SheetError, and OOXML's text escapes.
#pragma once

#include <orcus/exception.hpp>
#include <orcus/sax_parser.hpp>
#include <string>
#include <string_view>

#include "io/sheet_error.h"

namespace guiyan::io {

// Callbacks orcus::sax_parser requires; a handler hides the ones it needs.
struct SaxHandlerBase {
  void doctype(const orcus::sax::doctype_declaration&) {}
  void start_declaration(std::string_view) {}
  void end_declaration(std::string_view) {}
  void start_element(const orcus::sax::parser_element&) {}
  void end_element(const orcus::sax::parser_element&) {}
  void characters(std::string_view, bool) {}
  void attribute(const orcus::sax::parser_attribute&) {}
};

// Parses the XML text `doc` with `handler`; malformed XML becomes SheetError naming `part`.
// Exceptions thrown by the handler pass through.
template <typename Handler>
void parse_xml(std::string_view doc, Handler& handler, std::string_view part) {
  try {
    orcus::sax_parser<Handler> parser(doc.data(), doc.size(), handler);
    parser.parse();
  } catch (const orcus::general_error&) {
    throw SheetError("文件不是有效的 xlsx 文件（" + std::string(part) + " 格式错误）");
  }
}

// Decodes the _xHHHH_ escapes OOXML uses for control characters in text.
std::string decode_ooxml_escapes(std::string_view text);

}  // namespace guiyan::io
