#include "api/api_env.h"

namespace guiyan::testing {

ApiEnv& ApiEnv::get() {
  static ApiEnv env;
  return env;
}

ApiEnv::ApiEnv() : server_(std::make_unique<ServerProcess>()) {
  auto& s = *server_;
  s.add_user("city_sys", "sysadmin", "421000", "荆州市人社局", kPassword);
  s.add_user("city_sec", "secadmin", "421000", "荆州市人社局", kPassword);
  s.add_user("city_aud", "auditor", "421000", "荆州市人社局", kPassword);
  s.add_user("ga_sys", "sysadmin", "421022", "公安县人社局", kPassword);
  s.add_user("ga_aud", "auditor", "421022", "公安县人社局", kPassword);
  s.add_user("ga_clerk", "clerk", "421022", "公安县人社局", kPassword);
  s.add_user("jl_sys", "sysadmin", "421088", "监利市人社局", kPassword);
  s.add_user("jl_clerk", "clerk", "421088", "监利市人社局", kPassword);
  s.start();
}

HttpResult ApiEnv::login(const std::string& username, const std::string& password) {
  return client().post("/api/v1/auth/login", {{"username", username}, {"password", password}});
}

std::string ApiEnv::token(const std::string& username) {
  auto it = tokens_.find(username);
  if (it != tokens_.end()) return it->second;
  auto r = login(username, kPassword);
  if (r.status != 200) throw std::runtime_error("login failed for " + username + ": " + r.body);
  return tokens_[username] = r.json()["token"].get<std::string>();
}

}  // namespace guiyan::testing
