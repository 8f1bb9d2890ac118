// Reading markup text by hand as it streams in — web pages and Excel 2003 XML spreadsheets saved
// under the name .xls: tags and text, character references, attribute values.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "io/text_decoder.h"

namespace guiyan::io {

// `c` in lower case when it is an ASCII capital letter, else `c`.
char markup_lower(char c);

// `s` with its ASCII capital letters in lower case.
std::string markup_lowered(std::string_view s);

// True for the blanks markup puts between words and attributes (space, tab, CR, LF, FF).
bool is_markup_blank(char c);

// The text of `raw` with character references decoded (&amp; &lt; &nbsp; &#20013; &#x4E2D; …);
// an unknown one is kept as written, one past U+10FFFF is U+FFFD (as browsers read them).
std::string decode_character_references(std::string_view raw);

// The value of attribute `name` (letters compared in either case) in a tag's text after its
// name, unquoted, character references not decoded; "" when absent.
std::string tag_attribute(std::string_view attrs, std::string_view name);

// Cuts markup text given in pieces of any size into runs of text and tags, for a reader that
// derives from it. Comments are skipped; a CDATA section is text; a "<" before anything but a
// name, "/", "!" or "?" is text ("a < b"), and so is one that no ">" closes within 1 MiB.
class MarkupScanner {
 public:
  virtual ~MarkupScanner() = default;

  // Scans `text` (UTF-8, continuing what came before); false once the reader called stop().
  bool feed(std::string_view text);

 protected:
  // A run of text between tags, character references not decoded (a CDATA section's text comes
  // with its "&" written "&amp;", so decoding gives it back as written).
  virtual void on_text(std::string_view raw) = 0;
  // A tag: what stands between its "<" and ">" ("td colspan=2", "/tr", "br/", "?xml …").
  virtual void on_tag(std::string_view inside) = 0;

  // Takes what follows as text not scanned, up to `end` (compared in either case, a "</script"
  // for a script), which is then scanned as usual.
  void skip_to(std::string end) { skipping_ = std::move(end); }
  // Ends the scan: feed returns false from now on.
  void stop() { stopped_ = true; }
  bool stopped() const { return stopped_; }

 private:
  std::string carry_;     // text not scanned yet (a tag cut at the end of a piece)
  std::string skipping_;  // the end of the comment, CDATA, script or style being passed over
  bool in_cdata_ = false;
  bool stopped_ = false;
};

// Feeds the text file at `path` to `scanner` in pieces, decoded in the encoding `declared` finds
// in its first bytes (a piece at most), else in the one detect_text_encoding finds; true when
// the whole file was scanned (the scanner did not stop). Throws SheetError when it cannot be read.
bool scan_markup_file(
    const std::string& path, MarkupScanner& scanner,
    const std::function<std::optional<TextEncoding>(std::string_view first)>& declared);

}  // namespace guiyan::io
