// docs/openapi.yaml describes every route the server registers, and nothing it does not.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "http/api_context.h"
#include "store/temp_database.h"

using namespace guiyan;

namespace {

// (method, path) pairs of the OpenAPI file, read by a real YAML parser (Debian's python3-yaml,
// which scripts/install-deps.sh installs for the tests): a file that is not valid YAML fails
// here, as it would in any tool that loads it.
std::set<std::pair<std::string, std::string>> described() {
  std::string file = std::string(GUIYAN_SOURCE_DIR) + "/docs/openapi.yaml";
  std::string cmd =
      "python3 -c 'import json, sys, yaml; d = yaml.safe_load(open(sys.argv[1], "
      "encoding=\"utf-8\"));"
      " print(json.dumps({p: sorted(ops) for p, ops in d[\"paths\"].items()}))' '" +
      file + "' 2>&1";
  std::string out;
  if (FILE* f = popen(cmd.c_str(), "r")) {
    char buf[4096];
    while (size_t n = fread(buf, 1, sizeof buf, f)) out.append(buf, n);
    int status = pclose(f);
    if (status != 0)
      throw std::runtime_error("docs/openapi.yaml could not be read as YAML: " + out);
  }
  std::set<std::pair<std::string, std::string>> pairs;
  nlohmann::json paths = nlohmann::json::parse(out);  // kept: items() refers into it
  for (const auto& [path, ops] : paths.items()) {
    for (const auto& op : ops) {
      std::string method = op.get<std::string>();
      if (method == "parameters" || method == "summary" || method == "description") continue;
      for (auto& c : method) c = static_cast<char>(std::toupper(c));
      pairs.insert({method, "/api/v1" + path});
    }
  }
  return pairs;
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
