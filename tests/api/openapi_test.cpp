// docs/openapi.yaml describes every route the server registers, and nothing it does not.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>

#include "http/api_context.h"
#include "store/temp_database.h"

using namespace guiyan;

namespace {

// (method, path) pairs from the OpenAPI file: "  /path:" lines, then "    get:" lines below.
std::set<std::pair<std::string, std::string>> described() {
  std::ifstream in(std::string(GUIYAN_SOURCE_DIR) + "/docs/openapi.yaml");
  std::set<std::pair<std::string, std::string>> out;
  std::string line, path;
  bool in_paths = false;
  std::regex path_re("^  (/[^:]*):\\s*$");
  std::regex method_re("^    (get|post|patch|put|delete):");
  std::smatch m;
  while (std::getline(in, line)) {
    if (line == "paths:") in_paths = true;
    if (!in_paths) continue;
    if (std::regex_match(line, m, path_re)) {
      path = "/api/v1" + m[1].str();
    } else if (std::regex_search(line, m, method_re)) {
      std::string method = m[1].str();
      for (auto& c : method) c = static_cast<char>(std::toupper(c));
      out.insert({method, path});
    }
  }
  return out;
}

}  // namespace

TEST(OpenApi, EveryRouteIsDescribedAndEveryDescriptionIsARoute) {
  store::TempDatabase tmp("openapi_test");
  auto db = store::open_db(tmp.url(), 1);
  http::ApiContext ctx{*db, {}, "test", false};
  http::Router router = http::build_api(ctx);
  std::set<std::pair<std::string, std::string>> registered;
  for (const auto& [method, pattern] : router.routes()) {
    std::string p = std::regex_replace(pattern, std::regex("\\{[a-z_]+\\}"), "{}");
    registered.insert({method, p});
  }
  std::set<std::pair<std::string, std::string>> doc;
  for (const auto& [method, p] : described()) {
    doc.insert({method, std::regex_replace(p, std::regex("\\{[a-z_]+\\}"), "{}")});
  }
  ASSERT_GE(doc.size(), 20u);
  for (const auto& r : registered) {
    EXPECT_TRUE(doc.count(r)) << r.first << " " << r.second << " is not in docs/openapi.yaml";
  }
  for (const auto& d : doc) {
    EXPECT_TRUE(registered.count(d))
        << d.first << " " << d.second << " is documented but not served";
  }
}
