// Strict reading of a JSON request body: types checked, unknown fields refused, Chinese errors.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace guiyan::http {

class JsonBody {
 public:
  // Parses `body` as a JSON object; throws ApiError 400 on malformed JSON, invalid UTF-8 or a
  // value that is not an object.
  explicit JsonBody(const std::string& body);
  // True when the field is present (null counts as present).
  bool has(const std::string& name) const;
  // A required non-empty string of at most max_chars characters, trimmed; `label` is Chinese.
  // Invisible format characters are left out and a control character answers 400, as in a
  // sheet's cells (core::is_invisible, core::is_control).
  std::string str(const std::string& name, const std::string& label, size_t max_chars = 200);
  // An optional string (absent or null → nullopt), read as str; an empty string after trimming
  // is allowed only when allow_empty.
  std::optional<std::string> opt_str(const std::string& name, const std::string& label,
                                     size_t max_chars = 200, bool allow_empty = false);
  // A required password: as str, but only trimmed, every other character kept as typed.
  std::string secret(const std::string& name, const std::string& label, size_t max_chars);
  // An optional integer.
  std::optional<int64_t> opt_int(const std::string& name, const std::string& label);
  // An optional boolean.
  std::optional<bool> opt_bool(const std::string& name, const std::string& label);
  // An optional array of strings, each trimmed and cleaned as str.
  std::optional<std::vector<std::string>> opt_str_list(const std::string& name,
                                                       const std::string& label);
  // Throws 400 naming the first field the handler did not read.
  void finish() const;

 private:
  const nlohmann::json* field(const std::string& name);
  std::optional<std::string> read_str(const std::string& name, const std::string& label,
                                      size_t max_chars, bool allow_empty, bool verbatim);
  nlohmann::json doc_;
  std::set<std::string> read_;
};

// Parses `body` as a JSON object; throws ApiError 400 (invalid_json / invalid_utf8) otherwise.
nlohmann::json parse_json_object(const std::string& body);

// Counts UTF-8 characters (code points) of valid UTF-8 text.
size_t utf8_length(std::string_view s);

}  // namespace guiyan::http
