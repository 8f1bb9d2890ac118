#include "io/xls_biff.h"

#include <algorithm>
#include <fstream>
#include <iterator>

#include "io/utf8.h"

namespace guiyan::io {
namespace {

// Little-endian reads that answer 0 past the end of `b` (a broken file reads as nothing).
uint16_t le16(const std::string& b, size_t at) {
  if (at + 2 > b.size()) return 0;
  return static_cast<uint16_t>(static_cast<unsigned char>(b[at]) |
                               static_cast<unsigned char>(b[at + 1]) << 8);
}
uint32_t le32(const std::string& b, size_t at) {
  return static_cast<uint32_t>(le16(b, at)) | static_cast<uint32_t>(le16(b, at + 2)) << 16;
}

constexpr uint32_t kLastSector = 0xFFFFFFFA;  // sector numbers above are markers (end of chain …)

// A compound file (OLE2) held in memory: the streams its directory names.
class CompoundFile {
 public:
  explicit CompoundFile(std::string bytes) : file_(std::move(bytes)) {
    if (file_.size() < 512) return;
    uint16_t shift = le16(file_, 0x1E);
    if (shift != 9 && shift != 12) return;
    sector_ = size_t{1} << shift;
    mini_sector_ = size_t{1} << (le16(file_, 0x20) & 15);
    mini_cutoff_ = le32(file_, 0x38);
    // The FAT's own sectors: 109 in the header, the rest in the DIFAT chain.
    std::vector<uint32_t> fat_sectors;
    for (size_t i = 0; i < 109; ++i) {
      uint32_t s = le32(file_, 0x4C + 4 * i);
      if (s <= kLastSector) fat_sectors.push_back(s);
    }
    uint32_t difat = le32(file_, 0x44);
    for (uint32_t n = le32(file_, 0x48); n > 0 && difat <= kLastSector; --n) {
      size_t at = offset(difat);
      if (at == 0) break;
      for (size_t i = 0; i + 1 < sector_ / 4; ++i) {
        uint32_t s = le32(file_, at + 4 * i);
        if (s <= kLastSector) fat_sectors.push_back(s);
      }
      difat = le32(file_, at + sector_ - 4);
    }
    for (uint32_t s : fat_sectors) {
      size_t at = offset(s);
      if (at == 0) return;
      for (size_t i = 0; i < sector_ / 4; ++i) fat_.push_back(le32(file_, at + 4 * i));
    }
    directory_ = chain(le32(file_, 0x30), fat_, file_, sector_, sector_);
    std::string mini_fat = chain(le32(file_, 0x3C), fat_, file_, sector_, sector_);
    for (size_t i = 0; i + 4 <= mini_fat.size(); i += 4) mini_fat_.push_back(le32(mini_fat, i));
    // The root entry's stream holds the small streams, in mini sectors.
    mini_stream_ = chain(le32(directory_, 0x74), fat_, file_, sector_, sector_);
  }

  // The stream named `name` (ASCII) in the directory, or "" when there is none.
  std::string stream(std::string_view name) const {
    for (size_t at = 0; at + 128 <= directory_.size(); at += 128) {
      size_t length = le16(directory_, at + 0x40);
      if (directory_[at + 0x42] != 2 || length != (name.size() + 1) * 2) continue;  // a stream
      bool same = true;
      for (size_t i = 0; i < name.size() && same; ++i) {
        same = le16(directory_, at + 2 * i) == static_cast<unsigned char>(name[i]);
      }
      if (!same) continue;
      uint32_t start = le32(directory_, at + 0x74), size = le32(directory_, at + 0x78);
      std::string s = size < mini_cutoff_ ? chain(start, mini_fat_, mini_stream_, mini_sector_, 0)
                                          : chain(start, fat_, file_, sector_, sector_);
      if (s.size() > size) s.resize(size);
      return s;
    }
    return {};
  }

 private:
  // The file offset of regular sector `s`, or 0 when it lies outside the file.
  size_t offset(uint32_t s) const {
    size_t at = (static_cast<size_t>(s) + 1) * sector_;
    return s <= kLastSector && at + sector_ <= file_.size() ? at : 0;
  }

  // The bytes of the chain of units from `start` through `table`: unit s is the `unit` bytes of
  // `from` at `header` + s * unit (the file's sectors follow its header sector; the mini stream's
  // have none before them). A chain that loops or leaves `from` ends there.
  static std::string chain(uint32_t start, const std::vector<uint32_t>& table,
                           const std::string& from, size_t unit, size_t header) {
    std::string out;
    for (uint32_t s = start, steps = 0;
         s <= kLastSector && s < table.size() && steps <= table.size(); s = table[s], ++steps) {
      size_t at = header + static_cast<size_t>(s) * unit;
      if (at + unit > from.size()) break;
      out.append(from, at, unit);
    }
    return out;
  }

  std::string file_, directory_, mini_stream_;
  std::vector<uint32_t> fat_, mini_fat_;
  size_t sector_ = 512, mini_sector_ = 64;
  uint32_t mini_cutoff_ = 4096;
};

// The name a BIFF8 BOUNDSHEET record's data (from its lbPlyPos) gives, as UTF-8.
std::string sheet_name(const std::string& b, size_t data) {
  size_t count = static_cast<unsigned char>(b.size() > data + 6 ? b[data + 6] : 0);
  bool wide = b.size() > data + 7 && (b[data + 7] & 1);
  std::string name;
  for (size_t i = 0; i < count; ++i) {
    char32_t c = wide ? le16(b, data + 8 + 2 * i)
                      : static_cast<unsigned char>(data + 8 + i < b.size() ? b[data + 8 + i] : 0);
    append_utf8(name, c);
  }
  return name;
}

}  // namespace

XlsBiff::XlsBiff(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  CompoundFile cf(std::string(std::istreambuf_iterator<char>(in), {}));
  book_ = cf.stream("Workbook");
  // The globals begin with a BOF of BIFF8 (version 0x0600) and list the sheets until EOF.
  if (le16(book_, 0) != 0x0809 || le16(book_, 4) != 0x0600) book_.clear();
  for (size_t at = 0; at + 4 <= book_.size();) {
    uint16_t type = le16(book_, at), length = le16(book_, at + 2);
    if (type == 0x000A) break;
    if (type == 0x0085) {  // BOUNDSHEET: position, visibility, kind, name
      bool visible = (book_.size() > at + 8 ? book_[at + 8] & 3 : 0) == 0;
      bool worksheet = book_.size() > at + 9 && book_[at + 9] == 0;
      sheets_.push_back({sheet_name(book_, at + 4), le32(book_, at + 4), visible && worksheet});
    }
    at += 4 + length;
  }
}

std::vector<std::string> XlsBiff::hidden_sheets() const {
  std::vector<std::string> hidden;
  for (const Sheet& s : sheets_) {
    if (!s.shown) hidden.push_back(s.name);
  }
  return hidden;
}

std::vector<XlsMergedRange> XlsBiff::merged_ranges(const std::string& sheet) const {
  std::vector<XlsMergedRange> ranges;
  auto it =
      std::find_if(sheets_.begin(), sheets_.end(), [&](const Sheet& s) { return s.name == sheet; });
  if (it == sheets_.end() || le16(book_, it->position) != 0x0809) return ranges;
  for (size_t at = it->position; at + 4 <= book_.size();) {
    uint16_t type = le16(book_, at), length = le16(book_, at + 2);
    if (type == 0x000A) break;  // EOF of the sheet
    if (type == 0x00E5) {       // MERGEDCELLS: a count, then 8 bytes a range
      uint16_t n = le16(book_, at + 4);
      for (size_t i = 0; i < n && 6 + 8 * (i + 1) <= size_t{length} + 4; ++i) {
        size_t r = at + 6 + 8 * i;
        XlsMergedRange m{le16(book_, r), le16(book_, r + 2), le16(book_, r + 4),
                         le16(book_, r + 6)};
        if (m.first_row <= m.last_row && m.first_col <= m.last_col) ranges.push_back(m);
      }
    }
    at += 4 + length;
  }
  return ranges;
}

}  // namespace guiyan::io
