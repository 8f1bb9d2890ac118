#include "rules/value.h"

#include <cmath>
#include <cstdio>

namespace guiyan::rules {

const char* type_name(Type type) {
  switch (type) {
    case Type::boolean:
      return "是否";
    case Type::number:
      return "数值";
    case Type::text:
      return "文本";
    case Type::date:
      return "日期";
  }
  return "未知";
}

std::string display_number(double n) {
  if (std::isnan(n) || std::isinf(n)) return "未知";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.4f", n);
  std::string s = buf;
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  if (s == "-0") s = "0";
  return s;
}

std::string display(const Value& value) {
  if (value.unknown()) return "未知";
  if (value.is_bool()) return value.as_bool() ? "是" : "否";
  if (value.is_number()) return display_number(value.as_number());
  if (value.is_date()) return value.as_date().to_iso();
  return value.as_text();
}

}  // namespace guiyan::rules
