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

}  // namespace

void load_reference_data(Conn& c) {
  io::for_each_csv_line(need("data/hubei_regions.csv"), [&](const auto& f, size_t line) {
    if (line == 1) return;  // header
    if (f.size() != 4) throw std::runtime_error("hubei_regions.csv line " + std::to_string(line));
    exec(c, "INSERT INTO region (code, name, parent_code, level) VALUES ($1, $2, $3, $4)",
         {f[0], f[1], f[2].empty() ? Value{Null{}} : Value{f[2]}, int64_t{std::stoi(f[3])}});
  });
  io::for_each_csv_line(need("data/industry_gbt4754_2017.csv"), [&](const auto& f, size_t line) {
    if (line == 1) return;
    if (f.size() != 3) throw std::runtime_error("industry csv line " + std::to_string(line));
    exec(c, "INSERT INTO industry (code, name, parent) VALUES ($1, $2, $3)",
         {f[0], f[1], f[2].empty() ? Value{Null{}} : Value{f[2]}});
  });
}

}  // namespace guiyan::store
