// The error every handler and service throws to answer a request with a JSON error.
#pragma once

#include <stdexcept>
#include <string>

namespace guiyan::http {

// An error answered as HTTP `status` with {"error":{"code","message","field"}}.
// `message` is Chinese for the clerk; `code` is a stable English key.
class ApiError : public std::runtime_error {
 public:
  ApiError(int status, std::string code, const std::string& message, std::string field = {})
      : std::runtime_error(message),
        status_(status),
        code_(std::move(code)),
        field_(std::move(field)) {}
  int status() const { return status_; }
  const std::string& code() const { return code_; }
  const std::string& field() const { return field_; }

 private:
  int status_;
  std::string code_;
  std::string field_;
};

// 400 with the field named.
inline ApiError bad_request(const std::string& field, const std::string& message,
                            std::string code = "invalid_field") {
  return ApiError(400, std::move(code), message, field);
}
// 404: used both for missing records and for records outside the data scope.
inline ApiError not_found(const std::string& what = "记录") {
  return ApiError(404, "not_found", what + "不存在或不在您的数据范围内");
}
// 403: the account lacks a permission.
inline ApiError forbidden() {
  return ApiError(403, "forbidden", "您没有执行此操作的权限");
}

}  // namespace guiyan::http
