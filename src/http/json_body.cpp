#include "http/json_body.h"

#include "core/text.h"
#include "http/api_error.h"

namespace guiyan::http {
namespace {

std::string trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

// A string value of field `name` trimmed, without invisible characters; 400 when it holds a
// control character.
std::string clean(const std::string& name, const std::string& label, const nlohmann::json& v) {
  std::string s = trim(core::without_invisible(v.get<std::string>()));
  if (core::has_control(s)) {
    throw bad_request(name, label + "含有看不见的控制字符，请删除后重新输入", "invalid");
  }
  return s;
}

ApiError type_error(const std::string& name, const std::string& label, const char* type) {
  return bad_request(name, "字段“" + name + "”（" + label + "）应为" + type, "invalid_type");
}

}  // namespace

size_t utf8_length(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) {
    if ((c & 0xC0) != 0x80) ++n;
  }
  return n;
}

nlohmann::json parse_json_object(const std::string& body) {
  if (body.empty()) throw bad_request("", "请求内容为空，应为 JSON 对象", "invalid_json");
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(body);
  } catch (const nlohmann::json::parse_error& e) {
    std::string what = e.what();
    if (what.find("UTF-8") != std::string::npos || what.find("utf-8") != std::string::npos) {
      throw bad_request("", "请求内容含有无效的 UTF-8 字符", "invalid_utf8");
    }
    throw bad_request("", "请求内容不是有效的 JSON（第 " + std::to_string(e.byte) + " 字节附近）",
                      "invalid_json");
  }
  if (!doc.is_object()) throw bad_request("", "请求内容应为 JSON 对象", "invalid_json");
  return doc;
}

JsonBody::JsonBody(const std::string& body) : doc_(parse_json_object(body)) {}

bool JsonBody::has(const std::string& name) const {
  return doc_.contains(name);
}

const nlohmann::json* JsonBody::field(const std::string& name) {
  read_.insert(name);
  auto it = doc_.find(name);
  if (it == doc_.end() || it->is_null()) return nullptr;
  return &*it;
}

std::string JsonBody::str(const std::string& name, const std::string& label, size_t max_chars) {
  auto v = opt_str(name, label, max_chars);
  if (!v) throw bad_request(name, "缺少必填字段“" + name + "”（" + label + "）", "required");
  return *v;
}

std::string JsonBody::secret(const std::string& name, const std::string& label, size_t max_chars) {
  auto v = read_str(name, label, max_chars, false, true);
  if (!v) throw bad_request(name, "缺少必填字段“" + name + "”（" + label + "）", "required");
  return *v;
}

std::optional<std::string> JsonBody::opt_str(const std::string& name, const std::string& label,
                                             size_t max_chars, bool allow_empty) {
  return read_str(name, label, max_chars, allow_empty, false);
}

std::optional<std::string> JsonBody::read_str(const std::string& name, const std::string& label,
                                              size_t max_chars, bool allow_empty, bool verbatim) {
  const auto* v = field(name);
  if (!v) return std::nullopt;
  if (!v->is_string()) throw type_error(name, label, "字符串");
  std::string s = verbatim ? trim(v->get<std::string>()) : clean(name, label, *v);
  if (s.empty() && !allow_empty) {
    throw bad_request(name, "字段“" + name + "”（" + label + "）不能为空", "required");
  }
  if (utf8_length(s) > max_chars) {
    throw bad_request(name, label + "过长：最多 " + std::to_string(max_chars) + " 个字符",
                      "too_long");
  }
  return s;
}

std::optional<int64_t> JsonBody::opt_int(const std::string& name, const std::string& label) {
  const auto* v = field(name);
  if (!v) return std::nullopt;
  if (!v->is_number_integer()) throw type_error(name, label, "整数");
  return v->get<int64_t>();
}

std::optional<bool> JsonBody::opt_bool(const std::string& name, const std::string& label) {
  const auto* v = field(name);
  if (!v) return std::nullopt;
  if (!v->is_boolean()) throw type_error(name, label, "true 或 false");
  return v->get<bool>();
}

std::optional<std::vector<std::string>> JsonBody::opt_str_list(const std::string& name,
                                                               const std::string& label) {
  const auto* v = field(name);
  if (!v) return std::nullopt;
  if (!v->is_array()) throw type_error(name, label, "字符串数组");
  std::vector<std::string> out;
  for (const auto& item : *v) {
    if (!item.is_string()) throw type_error(name, label, "字符串数组");
    out.push_back(clean(name, label, item));
  }
  return out;
}

void JsonBody::finish() const {
  for (const auto& [key, value] : doc_.items()) {
    if (!read_.count(key)) {
      throw bad_request(key, "不认识的字段“" + key + "”", "unknown_field");
    }
  }
}

}  // namespace guiyan::http
