#include "api/api_env.h"

#include "io/sheet_reader.h"
#include "store/db.h"

namespace guiyan::testing {

ApiEnv& ApiEnv::get() {
  static ApiEnv env;
  return env;
}

ApiEnv& ApiEnv::policies() {
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

std::string tally_mismatch(const std::string& db_url) {
  auto db = store::open_db(db_url, 1);
  auto conn = db->acquire();
  std::map<std::string, int64_t> tally, live;
  auto key = [](const store::Row& r) { return r.text(0) + "/" + r.text(1) + "/" + r.text(2); };
  for (const auto& r : store::query(*conn,
                                    "SELECT unit, status, funnel_stage, n FROM person_tally "
                                    "WHERE n <> 0")) {
    tally[key(r)] = r.i64(3);
  }
  for (const auto& r : store::query(*conn,
                                    "SELECT SUBSTR(region_code, 1, 9), status, funnel_stage, "
                                    "COUNT(*) FROM person WHERE merged_into IS NULL GROUP BY "
                                    "SUBSTR(region_code, 1, 9), status, funnel_stage")) {
    live[key(r)] = r.i64(3);
  }
  if (tally == live) return "";
  for (const auto& [k, n] : live) {
    if (tally[k] != n)
      return k + ": tally " + std::to_string(tally[k]) + ", records " + std::to_string(n);
  }
  for (const auto& [k, n] : tally) {
    if (!live.count(k)) return k + ": tally " + std::to_string(n) + ", records 0";
  }
  return "differs";
}

int64_t region_token_mismatches(const std::string& db_url) {
  auto db = store::open_db(db_url, 1);
  auto conn = db->acquire();
  return store::query_int(
      *conn,
      "SELECT COUNT(*) FROM person WHERE (' ' || search_tokens) NOT LIKE '%' || (' rg' || "
      "SUBSTR(region_code, 1, 2) || ' rg' || SUBSTR(region_code, 1, 4) || ' rg' || "
      "SUBSTR(region_code, 1, 6) || CASE WHEN LENGTH(region_code) >= 9 THEN ' rg' || "
      "SUBSTR(region_code, 1, 9) ELSE '' END || CASE WHEN LENGTH(region_code) >= 12 THEN ' rg' || "
      "SUBSTR(region_code, 1, 12) ELSE '' END)",
      {});
}

std::string report_lines(const std::string& path) {
  std::string text;
  guiyan::io::read_sheet(path, [&](const guiyan::io::SheetRow& r) {
    if (r.cells.size() >= 4) text += r.cells[0] + " " + r.cells[1] + ": " + r.cells[3] + "\n";
    return true;
  });
  return text;
}

}  // namespace guiyan::testing
