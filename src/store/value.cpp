#include "store/value.h"

#include <charconv>
#include <cstdio>

namespace guiyan::store {

int64_t Row::i64(size_t i) const {
  const Value& v = values_.at(i);
  if (auto p = std::get_if<int64_t>(&v)) return *p;
  if (auto p = std::get_if<double>(&v)) return static_cast<int64_t>(*p);
  if (auto p = std::get_if<std::string>(&v)) {
    int64_t out = 0;
    std::from_chars(p->data(), p->data() + p->size(), out);
    return out;
  }
  return 0;
}

double Row::f64(size_t i) const {
  const Value& v = values_.at(i);
  if (auto p = std::get_if<double>(&v)) return *p;
  if (auto p = std::get_if<int64_t>(&v)) return static_cast<double>(*p);
  if (auto p = std::get_if<std::string>(&v)) return std::strtod(p->c_str(), nullptr);
  return 0;
}

std::string Row::text(size_t i) const {
  const Value& v = values_.at(i);
  if (auto p = std::get_if<std::string>(&v)) return *p;
  if (auto p = std::get_if<Blob>(&v)) return p->bytes;
  if (auto p = std::get_if<int64_t>(&v)) return std::to_string(*p);
  if (auto p = std::get_if<double>(&v)) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.17g", *p);
    return buf;
  }
  return {};
}

std::optional<std::string> Row::opt_text(size_t i) const {
  if (is_null(i)) return std::nullopt;
  return text(i);
}

std::optional<int64_t> Row::opt_i64(size_t i) const {
  if (is_null(i)) return std::nullopt;
  return i64(i);
}

}  // namespace guiyan::store
