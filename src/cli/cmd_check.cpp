// guiyan check id-number|credit-code|phone VALUE.
#include <iostream>

#include "cli/commands.h"
#include "core/clock.h"
#include "core/credit_code.h"
#include "core/id_number.h"
#include "core/identifier_json.h"
#include "core/phone.h"
#include "io/csv.h"
#include "store/embedded.h"

namespace guiyan::cli {
namespace {

// The Hubei region name for a code from the shipped list, or "".
std::string hubei_region_name(const std::string& code) {
  std::string name;
  auto csv = store::embedded_file("data/hubei_regions.csv");
  if (!csv) return name;
  io::for_each_csv_line(*csv, [&](const auto& f, size_t) {
    if (name.empty() && f.size() >= 2 && f[0] == code) name = f[1];
  });
  return name;
}

core::Date today() {
  auto days = std::chrono::floor<std::chrono::days>(core::now() + std::chrono::hours{8});
  std::chrono::year_month_day ymd{days};
  return core::Date{int(ymd.year()), int(unsigned(ymd.month())), int(unsigned(ymd.day()))};
}

int print(nlohmann::json j) {
  std::cout << j.dump(2) << std::endl;
  return j.value("valid", false) ? 0 : 1;
}

}  // namespace

void add_check_command(CLI::App& app, Action& action) {
  auto* check = app.add_subcommand(
      "check", "Validate an identifier and print what it tells as JSON (exit 0 valid, 1 invalid)");
  check->require_subcommand(1);
  auto value = std::make_shared<std::string>();

  auto* id = check->add_subcommand("id-number", "居民身份证号 (GB 11643)");
  id->add_option("value", *value)->required();
  id->callback([&action, value] {
    action = [value] {
      auto j = nlohmann::json(core::check_id_number(*value, today()));
      if (j.value("valid", false)) {
        std::string region = j.value("region_code", "");
        auto name = hubei_region_name(region);
        j["region_name"] = name.empty() ? nlohmann::json() : nlohmann::json(name);
      }
      return print(j);
    };
  });
  auto* cc = check->add_subcommand("credit-code", "统一社会信用代码 (GB 32100)");
  cc->add_option("value", *value)->required();
  cc->callback([&action, value] {
    action = [value] {
      auto j = nlohmann::json(core::check_credit_code(*value));
      if (j.value("valid", false)) {
        auto name = hubei_region_name(j.value("region_code", ""));
        j["region_name"] = name.empty() ? nlohmann::json() : nlohmann::json(name);
      }
      return print(j);
    };
  });
  auto* phone = check->add_subcommand("phone", "手机号或固定电话");
  phone->add_option("value", *value)->required();
  phone->callback([&action, value] {
    action = [value] { return print(nlohmann::json(core::check_phone(*value))); };
  });
}

}  // namespace guiyan::cli
