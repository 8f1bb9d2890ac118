// XmlRecordChunker: fragments hold whole records whatever the piece boundaries.
#include "io/xml_record_chunker.h"

#include <gtest/gtest.h>

#include "io/sheet_error.h"

namespace guiyan::io {
namespace {

TEST(XmlRecordChunker, FragmentsAreWholeRecordsInOrder) {
  std::string rows;
  for (int i = 1; i <= 40000; ++i) {
    rows += i % 5 == 0 ? "<x:row r=\"" + std::to_string(i) + "\" ht=\"20\" customHeight=\"1\"/>"
                       : "<x:row r=\"" + std::to_string(i) + "\"><x:c><x:v>" + std::to_string(i) +
                             "</x:v></x:c></x:row>";
  }
  std::string part = "<?xml version=\"1.0\"?><x:worksheet xmlns:x=\"m\"><x:sheetData>" + rows +
                     "</x:sheetData><x:rowBreaks/></x:worksheet>";
  ASSERT_GT(part.size(), 3u * 512 * 1024);

  XmlRecordChunker chunker("sheetData", "row");
  std::string joined;
  size_t fragments = 0;
  auto on_fragment = [&](std::string_view doc) {
    ++fragments;
    ASSERT_EQ(doc.substr(0, 9), "<r><x:row");
    ASSERT_EQ(doc.substr(doc.size() - 4), "</r>");
    std::string_view inner = doc.substr(3, doc.size() - 7);
    EXPECT_TRUE(inner.ends_with("</x:row>") || inner.ends_with("/>"));
    joined.append(inner);
  };
  for (size_t i = 0; i < part.size() && !chunker.done(); i += 1000) {
    chunker.feed(std::string_view(part).substr(i, 1000), on_fragment);
  }
  chunker.finish();
  EXPECT_TRUE(chunker.done());
  EXPECT_GT(fragments, 2u);
  EXPECT_EQ(joined, rows);
}

TEST(XmlRecordChunker, EmptyMissingAndUnclosedContainers) {
  size_t fragments = 0;
  auto count = [&](std::string_view) { ++fragments; };

  XmlRecordChunker empty("sheetData", "row");
  empty.feed("<worksheet><sheetData/></worksheet>", count);
  EXPECT_TRUE(empty.done());

  XmlRecordChunker none("sheetData", "row");
  none.feed("<worksheet><sheetDataX/></worksheet>", count);
  EXPECT_NO_THROW(none.finish());

  XmlRecordChunker unclosed("sheetData", "row");
  unclosed.feed("<worksheet><sheetData><row><c/></row>", count);
  EXPECT_THROW(unclosed.finish(), SheetError);
  EXPECT_EQ(fragments, 0u);
}

}  // namespace
}  // namespace guiyan::io
