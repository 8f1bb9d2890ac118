// Cuts a streamed XML part into small well-formed documents of whole records, so that a large
// sheet is parsed piece by piece instead of being held in memory whole.
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace guiyan::io {

// Finds the container element (e.g. "sheetData") and hands out its content in fragments
// wrapped as "<r>…</r>", each made of complete record elements (e.g. "row"). Namespace prefixes
// are kept as written. Text after the container is ignored.
class XmlRecordChunker {
 public:
  using FragmentFn = std::function<void(std::string_view document)>;

  // Names are local names without prefix.
  XmlRecordChunker(std::string container, std::string record);

  // Takes the next bytes of the part; calls on_fragment for each complete batch of records.
  void feed(std::string_view bytes, const FragmentFn& on_fragment);

  // Ends the part; throws SheetError when the container was opened but never closed.
  void finish();

  // True once the container's end tag (or an empty container) has been seen.
  bool done() const { return state_ == State::done; }

 private:
  enum class State { before, inside, done };
  void find_container();
  void emit(size_t length, const FragmentFn& on_fragment);
  size_t last_record_start() const;

  std::string container_, record_;
  std::string buffer_;       // bytes not yet handed out
  std::string end_tag_;      // "</prefix:container>"
  std::string record_open_;  // "<prefix:record"
  std::string document_;     // reused wrapper buffer
  State state_ = State::before;
};

}  // namespace guiyan::io
