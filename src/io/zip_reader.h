// A read-only view of a zip archive (the container of an .xlsx) that streams one entry at a time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

namespace guiyan::io {

class ZipReader {
 public:
  // Opens `path` and reads its central directory; throws SheetError when it is not a zip archive
  // (with a hint when it is an old .xls or an encrypted workbook).
  explicit ZipReader(const std::string& path);
  ~ZipReader();
  ZipReader(const ZipReader&) = delete;
  ZipReader& operator=(const ZipReader&) = delete;

  // True when the archive holds an entry of this name (compared without regard to ASCII case).
  bool contains(std::string_view name) const;

  // The whole uncompressed entry; throws SheetError when missing, corrupt or over max_size bytes.
  std::string read(std::string_view name, size_t max_size = 64u << 20) const;

  // Feeds the uncompressed entry to on_chunk piece by piece (no piece over 256 KiB) until the end
  // or until on_chunk returns false. Throws SheetError when missing or corrupt (CRC checked at the
  // end); exceptions from on_chunk pass through.
  void stream(std::string_view name, const std::function<bool(std::string_view)>& on_chunk) const;

 private:
  struct Entry {
    uint16_t flags = 0;
    uint16_t method = 0;
    uint32_t crc = 0;
    uint64_t compressed = 0;
    uint64_t uncompressed = 0;
    uint64_t local_offset = 0;
  };
  void load_directory();
  const Entry& find(std::string_view name) const;
  uint64_t data_offset(const Entry& e) const;
  void read_at(uint64_t offset, void* buf, size_t n) const;

  std::FILE* file_ = nullptr;
  uint64_t size_ = 0;
  std::unordered_map<std::string, Entry> entries_;  // keyed by lower-cased name
};

}  // namespace guiyan::io
