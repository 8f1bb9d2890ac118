#include "io/zip_reader.h"

#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <vector>

#include "io/chunk.h"
#include "io/sheet_error.h"

namespace guiyan::io {
namespace {

constexpr uint32_t kLocalSig = 0x04034b50;
constexpr uint32_t kCentralSig = 0x02014b50;
constexpr uint32_t kEndSig = 0x06054b50;
constexpr uint32_t kZip64EndSig = 0x06064b50;
constexpr uint32_t kZip64LocatorSig = 0x07064b50;

[[noreturn]] void corrupt(const char* why) {
  throw SheetError(std::string("文件不是有效的 xlsx 文件（") + why + "）");
}

uint16_t u16(const unsigned char* p) {
  return static_cast<uint16_t>(p[0] | (p[1] << 8));
}
uint32_t u32(const unsigned char* p) {
  return static_cast<uint32_t>(p[0]) | (static_cast<uint32_t>(p[1]) << 8) |
         (static_cast<uint32_t>(p[2]) << 16) | (static_cast<uint32_t>(p[3]) << 24);
}
uint64_t u64(const unsigned char* p) {
  return static_cast<uint64_t>(u32(p)) | (static_cast<uint64_t>(u32(p + 4)) << 32);
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Releases a zlib inflate stream however the caller leaves.
struct Inflater {
  z_stream z{};
  Inflater() {
    if (inflateInit2(&z, -MAX_WBITS) != Z_OK) throw SheetError("读取 xlsx 文件失败：内存不足");
  }
  ~Inflater() { inflateEnd(&z); }
};

}  // namespace

ZipReader::ZipReader(const std::string& path) {
  file_ = std::fopen(path.c_str(), "rb");
  if (!file_) {
    throw SheetError((errno == ENOENT ? "文件不存在：" : "无法读取文件：") + path);
  }
  try {
    load_directory();
  } catch (...) {
    std::fclose(file_);
    throw;
  }
}

ZipReader::~ZipReader() {
  std::fclose(file_);
}

void ZipReader::read_at(uint64_t offset, void* buf, size_t n) const {
  if (offset > size_ || n > size_ - offset) corrupt("文件被截断");
  if (fseeko(file_, static_cast<off_t>(offset), SEEK_SET) != 0 ||
      std::fread(buf, 1, n, file_) != n) {
    corrupt("文件被截断");
  }
}

void ZipReader::load_directory() {
  if (fseeko(file_, 0, SEEK_END) != 0) corrupt("无法定位");
  size_ = static_cast<uint64_t>(ftello(file_));
  if (size_ < 22) corrupt("不是 zip 压缩包");

  // The end-of-central-directory record sits in the last 64 KiB + 22 bytes.
  size_t tail_len = static_cast<size_t>(std::min<uint64_t>(size_, 65535 + 22));
  std::vector<unsigned char> tail(tail_len);
  read_at(size_ - tail_len, tail.data(), tail_len);
  size_t end_pos = std::string::npos;
  for (size_t i = tail_len - 22 + 1; i-- > 0;) {
    if (u32(&tail[i]) == kEndSig) {
      end_pos = i;
      break;
    }
  }
  if (end_pos == std::string::npos) corrupt("不是 zip 压缩包或文件被截断");
  const unsigned char* end = &tail[end_pos];
  uint64_t count = u16(end + 10);
  uint64_t dir_size = u32(end + 12);
  uint64_t dir_offset = u32(end + 16);
  if (count == 0xFFFF || dir_size == 0xFFFFFFFF || dir_offset == 0xFFFFFFFF) {
    if (end_pos < 20 || u32(end - 20) != kZip64LocatorSig) corrupt("zip64 目录缺失");
    unsigned char rec[56];
    read_at(u64(end - 20 + 8), rec, sizeof rec);
    if (u32(rec) != kZip64EndSig) corrupt("zip64 目录损坏");
    count = u64(rec + 32);
    dir_size = u64(rec + 40);
    dir_offset = u64(rec + 48);
  }
  if (dir_offset > size_ || dir_size > size_ - dir_offset || dir_size > (256u << 20)) {
    corrupt("目录损坏");
  }
  std::vector<unsigned char> dir(static_cast<size_t>(dir_size));
  read_at(dir_offset, dir.data(), dir.size());

  size_t p = 0;
  for (uint64_t i = 0; i < count; ++i) {
    if (p + 46 > dir.size() || u32(&dir[p]) != kCentralSig) corrupt("目录损坏");
    const unsigned char* h = &dir[p];
    Entry e;
    e.flags = u16(h + 8);
    e.method = u16(h + 10);
    e.crc = u32(h + 16);
    e.compressed = u32(h + 20);
    e.uncompressed = u32(h + 24);
    size_t name_len = u16(h + 28), extra_len = u16(h + 30), comment_len = u16(h + 32);
    e.local_offset = u32(h + 42);
    if (p + 46 + name_len + extra_len + comment_len > dir.size()) corrupt("目录损坏");
    std::string name(reinterpret_cast<const char*>(h + 46), name_len);
    // A zip64 extra field carries the sizes and offset that did not fit in 32 bits.
    const unsigned char* x = h + 46 + name_len;
    for (size_t k = 0; k + 4 <= extra_len;) {
      uint16_t id = u16(x + k), len = u16(x + k + 2);
      if (k + 4 + len > extra_len) break;
      if (id == 0x0001) {
        const unsigned char* v = x + k + 4;
        size_t left = len;
        auto take = [&](uint64_t& field) {
          if (field != 0xFFFFFFFF) return;
          if (left < 8) corrupt("目录损坏");
          field = u64(v);
          v += 8;
          left -= 8;
        };
        take(e.uncompressed);
        take(e.compressed);
        take(e.local_offset);
      }
      k += 4 + len;
    }
    entries_.emplace(lower(name), e);
    p += 46 + name_len + extra_len + comment_len;
  }
}

bool ZipReader::contains(std::string_view name) const {
  return entries_.count(lower(name)) != 0;
}

const ZipReader::Entry& ZipReader::find(std::string_view name) const {
  auto it = entries_.find(lower(name));
  if (it == entries_.end()) corrupt("缺少必需的部件");
  const Entry& e = it->second;
  if (e.flags & 1) throw SheetError("文件已加密，请取消密码后重新上传");
  if (e.method != 0 && e.method != 8) corrupt("不支持的压缩方式");
  return e;
}

uint64_t ZipReader::data_offset(const Entry& e) const {
  unsigned char h[30];
  read_at(e.local_offset, h, sizeof h);
  if (u32(h) != kLocalSig) corrupt("压缩数据损坏");
  uint64_t offset = e.local_offset + 30 + u16(h + 26) + u16(h + 28);
  if (offset > size_ || e.compressed > size_ - offset) corrupt("文件被截断");
  return offset;
}

std::string ZipReader::read(std::string_view name, size_t max_size) const {
  std::string out;
  stream(name, [&](std::string_view chunk) {
    if (out.size() + chunk.size() > max_size) corrupt("部件过大");
    out.append(chunk);
    return true;
  });
  return out;
}

void ZipReader::stream(std::string_view name,
                       const std::function<bool(std::string_view)>& on_chunk) const {
  const Entry& e = find(name);
  uint64_t offset = data_offset(e);
  uint64_t left = e.compressed;
  std::vector<unsigned char> in(kReadChunk);
  std::vector<unsigned char> out(kReadChunk);
  uint32_t crc = crc32(0, nullptr, 0);

  if (e.method == 0) {  // stored
    while (left > 0) {
      size_t n = static_cast<size_t>(std::min<uint64_t>(left, kReadChunk));
      read_at(offset, in.data(), n);
      offset += n;
      left -= n;
      crc = crc32(crc, in.data(), static_cast<uInt>(n));
      if (!on_chunk(std::string_view(reinterpret_cast<const char*>(in.data()), n))) return;
    }
  } else {
    Inflater inf;
    bool done = false;
    while (!done) {
      if (inf.z.avail_in == 0) {
        if (left == 0) corrupt("压缩数据不完整");
        size_t n = static_cast<size_t>(std::min<uint64_t>(left, kReadChunk));
        read_at(offset, in.data(), n);
        offset += n;
        left -= n;
        inf.z.next_in = in.data();
        inf.z.avail_in = static_cast<uInt>(n);
      }
      inf.z.next_out = out.data();
      inf.z.avail_out = static_cast<uInt>(out.size());
      int rc = inflate(&inf.z, Z_NO_FLUSH);
      if (rc == Z_STREAM_END) {
        done = true;
      } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
        corrupt("压缩数据损坏");
      }
      size_t produced = out.size() - inf.z.avail_out;
      if (rc == Z_BUF_ERROR && produced == 0 && inf.z.avail_in > 0) corrupt("压缩数据损坏");
      if (produced > 0) {
        crc = crc32(crc, out.data(), static_cast<uInt>(produced));
        if (!on_chunk(std::string_view(reinterpret_cast<const char*>(out.data()), produced))) {
          return;
        }
      }
    }
  }
  if (crc != e.crc) corrupt("校验和不符，文件已损坏");
}

}  // namespace guiyan::io
