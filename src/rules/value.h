// A value the policy rules compute with: unknown (data missing), a truth value, a number, a text
// or a date. Unknown is a value of its own so that rules answer "unknown" instead of guessing.
#pragma once

#include <string>
#include <variant>

#include "core/date.h"

namespace guiyan::rules {

// The static type of a field, parameter or expression.
enum class Type { boolean, number, text, date };

// The Chinese name of a type, for error messages ("数值", "日期" …).
const char* type_name(Type type);

struct Value {
  std::variant<std::monostate, bool, double, std::string, core::Date> v;

  // True when the value is missing.
  bool unknown() const { return v.index() == 0; }
  bool is_bool() const { return v.index() == 1; }
  bool is_number() const { return v.index() == 2; }
  bool is_text() const { return v.index() == 3; }
  bool is_date() const { return v.index() == 4; }
  // The held value; call only after the matching is_…() check.
  bool as_bool() const { return std::get<bool>(v); }
  double as_number() const { return std::get<double>(v); }
  const std::string& as_text() const { return std::get<std::string>(v); }
  core::Date as_date() const { return std::get<core::Date>(v); }

  static Value of(bool b) { return Value{b}; }
  static Value of(double n) { return Value{n}; }
  static Value of(std::string s) { return Value{std::move(s)}; }
  static Value of(core::Date d) { return Value{d}; }

  // Same kind and same content (two unknowns are equal here; rules never compare them so).
  friend bool operator==(const Value&, const Value&) = default;
};

// The value as a clerk reads it: 是/否, a number without trailing zeros (6, 3.45), a date as
// YYYY-MM-DD, a text as is, unknown as 未知.
std::string display(const Value& value);

// A number as display() writes it: at most four decimals, trailing zeros dropped.
std::string display_number(double n);

}  // namespace guiyan::rules
