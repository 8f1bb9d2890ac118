#include "store/reference_data.h"

#include <stdexcept>

#include "io/csv.h"
#include "store/embedded.h"

namespace guiyan::store {
namespace {

std::string_view need(std::string_view name) {
  auto f = embedded_file(name);
  if (!f) throw std::runtime_error("embedded reference file missing: " + std::string(name));
  return *f;
}

// Inserts rows of `width` values each, many rows per statement (one round trip per batch).
class BatchInsert {
 public:
  BatchInsert(Conn& c, std::string head, size_t width)
      : c_(c), head_(std::move(head)), width_(width) {}
  ~BatchInsert() = default;
  void add(std::vector<Value> row) {
    for (auto& v : row) params_.push_back(std::move(v));
    if (params_.size() >= kRows * width_) flush();
  }
  void flush() {
    if (params_.empty()) return;
    std::string sql = head_;
    for (size_t i = 0; i < params_.size(); ++i) {
      sql += (i % width_ == 0 ? (i ? "), (" : " VALUES (") : ", ") + ("$" + std::to_string(i + 1));
    }
    exec(c_, sql + ")", params_);
    params_.clear();
  }

 private:
  static constexpr size_t kRows = 250;
  Conn& c_;
  std::string head_;
  size_t width_;
  Params params_;
};

Value or_null(const std::string& s) {
  return s.empty() ? Value{Null{}} : Value{s};
}

}  // namespace

void load_reference_data(Conn& c) {
  BatchInsert regions(c, "INSERT INTO region (code, name, parent_code, level)", 4);
  io::for_each_csv_line(need("data/hubei_regions.csv"), [&](const auto& f, size_t line) {
    if (line == 1) return;  // header
    if (f.size() != 4) throw std::runtime_error("hubei_regions.csv line " + std::to_string(line));
    regions.add({f[0], f[1], or_null(f[2]), int64_t{std::stoi(f[3])}});
  });
  regions.flush();
  BatchInsert industries(c, "INSERT INTO industry (code, name, parent)", 3);
  io::for_each_csv_line(need("data/industry_gbt4754_2017.csv"), [&](const auto& f, size_t line) {
    if (line == 1) return;
    if (f.size() != 3) throw std::runtime_error("industry csv line " + std::to_string(line));
    industries.add({f[0], f[1], or_null(f[2])});
  });
  industries.flush();
}

}  // namespace guiyan::store
