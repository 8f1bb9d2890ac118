// Values bound to and read from SQL statements, common to every database backend.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace guiyan::store {

struct Null {
  bool operator==(const Null&) const = default;
};

// Binary data (BLOB in SQLite, bytea in PostgreSQL), e.g. an uploaded file.
struct Blob {
  std::string bytes;
  bool operator==(const Blob&) const = default;
};

// One SQL value: NULL, a 64-bit integer, a double, UTF-8 text or binary data.
using Value = std::variant<Null, int64_t, double, std::string, Blob>;
using Params = std::vector<Value>;

// Returns a NULL value when `v` is empty, its content otherwise.
template <typename T>
Value nullable(const std::optional<T>& v) {
  if (!v) return Null{};
  return Value{*v};
}

// A result row: values in the column order of the query.
class Row {
 public:
  explicit Row(std::vector<Value> values) : values_(std::move(values)) {}
  // True when column i is NULL.
  bool is_null(size_t i) const { return std::holds_alternative<Null>(values_.at(i)); }
  // Integer value of column i; 0 for NULL; text is parsed.
  int64_t i64(size_t i) const;
  // Double value of column i; 0 for NULL.
  double f64(size_t i) const;
  // Text of column i; empty for NULL; numbers are formatted; binary data as its bytes.
  std::string text(size_t i) const;
  // Text of column i or nullopt for NULL.
  std::optional<std::string> opt_text(size_t i) const;
  // Integer of column i or nullopt for NULL.
  std::optional<int64_t> opt_i64(size_t i) const;
  size_t size() const { return values_.size(); }
  const Value& at(size_t i) const { return values_.at(i); }

 private:
  std::vector<Value> values_;
};

}  // namespace guiyan::store
