#include "io/markup.h"

#include <gtest/gtest.h>

#include <vector>

namespace guiyan::io {
namespace {

// Records what the scanner hands over: "T:" text (adjacent runs joined) and "<…>" tags.
class Recorder : public MarkupScanner {
 public:
  std::vector<std::string> events;
  std::string stop_at;  // a tag that stops the scan

 private:
  void on_text(std::string_view raw) override {
    if (!events.empty() && events.back().starts_with("T:")) {
      events.back() += raw;
    } else {
      events.push_back("T:" + std::string(raw));
    }
  }
  void on_tag(std::string_view inside) override {
    events.push_back("<" + std::string(inside) + ">");
    if (inside == "script") skip_to("</script");
    if (inside == stop_at) stop();
  }
};

const std::string kDocument =
    "<?xml version=\"1.0\"?><!-- a <b>comment</b> --><r a='1'>x &amp; y"
    "<![CDATA[<raw> & ]]]><script>if (a<b) x = '<td>';</script>a < b<br/>"
    "<!DOCTYPE x></r>";

const std::vector<std::string> kEvents = {"<?xml version=\"1.0\"?>",
                                          "<r a='1'>",
                                          "T:x &amp; y<raw> &amp; ]",
                                          "<script>",
                                          "</script>",
                                          "T:a < b",
                                          "<br/>",
                                          "<!DOCTYPE x>",
                                          "</r>"};

TEST(MarkupScanner, HandsOverTextAndTagsWhole) {
  Recorder whole;
  EXPECT_TRUE(whole.feed(kDocument));
  EXPECT_EQ(whole.events, kEvents);
}

TEST(MarkupScanner, GivesTheSameWhereverThePiecesAreCut) {
  // A tag, a comment, a CDATA section or a script's end cut between two pieces, or every
  // character its own piece.
  for (size_t cut = 0; cut <= kDocument.size(); ++cut) {
    Recorder r;
    r.feed(kDocument.substr(0, cut));
    r.feed(kDocument.substr(cut));
    ASSERT_EQ(r.events, kEvents) << "cut at " << cut;
  }
  Recorder bytes;
  for (char c : kDocument) bytes.feed(std::string_view(&c, 1));
  EXPECT_EQ(bytes.events, kEvents);
}

TEST(MarkupScanner, StopsWhenTheReaderSays) {
  Recorder r;
  r.stop_at = "br/";
  EXPECT_FALSE(r.feed(kDocument));
  EXPECT_EQ(r.events.back(), "<br/>");
  EXPECT_FALSE(r.feed("<more/>"));
  EXPECT_EQ(r.events.back(), "<br/>");
}

TEST(MarkupScanner, CharacterReferencesAndAttributes) {
  EXPECT_EQ(decode_character_references("王&amp;芳&#10;&#x4E2D;&lt;&nbsp;&bogus;&#0;"),
            "王&芳\n中<\u00A0&bogus;&#0;");
  EXPECT_EQ(tag_attribute(" colspan=\"3\" rowSpan=2 title='a b'", "rowspan"), "2");
  EXPECT_EQ(tag_attribute(" colspan=\"3\" rowSpan=2 title='a b'", "title"), "a b");
  EXPECT_EQ(tag_attribute(" data-colspan=4", "colspan"), "");  // another attribute's tail
  EXPECT_EQ(tag_attribute(" ss:Name=\"台账\"", "ss:name"), "台账");
}

}  // namespace
}  // namespace guiyan::io
