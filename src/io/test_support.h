// Helpers shared by the io tests (header-only, so nothing of it lands in the product library):
// temporary files, raw bytes, re-encoding, hand-made zips, reading all rows.
#pragma once

#include <unicode/ucnv.h>
#include <unistd.h>
#include <zlib.h>

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "io/sheet_reader.h"

namespace guiyan::io::test_support {

// A fresh directory under the system temp directory, removed with everything in it.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  // Path of `name` inside the directory.
  std::string file(const std::string& name) const;

 private:
  std::string path_;
};

// A row as (number, cells), for compact expectations.
using Row = std::pair<size_t, std::vector<std::string>>;

// Helper contracts: write_bytes replaces `path` with `bytes`; read_bytes returns a whole file;
// encode converts UTF-8 to an ICU charset ("GB18030", "UTF-16LE"); write_stored_zip writes a zip
// of uncompressed (name, content) entries; read_rows returns every row read_sheet reports.

namespace detail {

inline std::atomic<int> counter{0};

inline void put16(std::string& s, uint32_t v) {
  s.push_back(static_cast<char>(v & 0xFF));
  s.push_back(static_cast<char>((v >> 8) & 0xFF));
}
inline void put32(std::string& s, uint32_t v) {
  put16(s, v & 0xFFFF);
  put16(s, v >> 16);
}

}  // namespace detail

inline TempDir::TempDir() {
  path_ =
      (std::filesystem::temp_directory_path() /
       ("guiyan_io_test_" + std::to_string(::getpid()) + "_" + std::to_string(detail::counter++)))
          .string();
  std::filesystem::remove_all(path_);
  std::filesystem::create_directories(path_);
}

inline TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

inline std::string TempDir::file(const std::string& name) const {
  return path_ + "/" + name;
}

inline void write_bytes(const std::string& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw std::runtime_error("cannot write " + path);
}

inline std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline std::string encode(std::string_view utf8, const char* charset) {
  std::string out(utf8.size() * 4 + 16, '\0');
  UErrorCode err = U_ZERO_ERROR;
  int32_t n = ucnv_convert(charset, "UTF-8", out.data(), static_cast<int32_t>(out.size()),
                           utf8.data(), static_cast<int32_t>(utf8.size()), &err);
  if (U_FAILURE(err)) throw std::runtime_error("ucnv_convert failed");
  out.resize(static_cast<size_t>(n));
  return out;
}

inline void write_stored_zip(const std::string& path,
                             const std::vector<std::pair<std::string, std::string>>& entries) {
  std::string out, dir;
  for (const auto& [name, data] : entries) {
    uint32_t crc = static_cast<uint32_t>(
        crc32(0, reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(data.size())));
    uint32_t size = static_cast<uint32_t>(data.size());
    uint32_t offset = static_cast<uint32_t>(out.size());
    detail::put32(out, 0x04034b50);
    for (uint32_t v : {20u, 0u, 0u, 0u, 0u})
      detail::put16(out, v);  // version, flags, stored, time, date
    detail::put32(out, crc);
    detail::put32(out, size);
    detail::put32(out, size);
    detail::put16(out, static_cast<uint32_t>(name.size()));
    detail::put16(out, 0);
    out += name;
    out += data;
    detail::put32(dir, 0x02014b50);
    for (uint32_t v : {20u, 20u, 0u, 0u, 0u, 0u}) detail::put16(dir, v);
    detail::put32(dir, crc);
    detail::put32(dir, size);
    detail::put32(dir, size);
    detail::put16(dir, static_cast<uint32_t>(name.size()));
    for (int i = 0; i < 4; ++i) detail::put16(dir, 0);  // extra, comment, disk, internal attributes
    detail::put32(dir, 0);                              // external attributes
    detail::put32(dir, offset);
    dir += name;
  }
  uint32_t dir_offset = static_cast<uint32_t>(out.size());
  out += dir;
  detail::put32(out, 0x06054b50);
  detail::put16(out, 0);
  detail::put16(out, 0);
  detail::put16(out, static_cast<uint32_t>(entries.size()));
  detail::put16(out, static_cast<uint32_t>(entries.size()));
  detail::put32(out, static_cast<uint32_t>(dir.size()));
  detail::put32(out, dir_offset);
  detail::put16(out, 0);
  write_bytes(path, out);
}

// The rows of the sheet at `index` of sheet_names(path), as (number, cells).
inline std::vector<Row> read_rows_at(const std::string& path, size_t index) {
  std::vector<Row> rows;
  read_sheet_at(path, index, [&](const SheetRow& r) {
    rows.emplace_back(r.number, r.cells);
    return true;
  });
  return rows;
}

// The rows of the first sheet of `path`.
inline std::vector<Row> read_rows(const std::string& path) {
  return read_rows_at(path, 0);
}

}  // namespace guiyan::io::test_support
