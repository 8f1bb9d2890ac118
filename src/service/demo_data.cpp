#include "service/demo_data.h"

#include <sodium.h>

#include <stdexcept>

#include "service/demo_case_work.h"
#include "service/demo_events.h"
#include "service/demo_merchants.h"
#include "service/demo_people.h"
#include "service/demo_projects.h"
#include "service/demo_targets.h"
#include "service/demo_tasks.h"
#include "service/department_service.h"
#include "service/principal.h"
#include "service/region_service.h"
#include "service/user_service.h"

namespace guiyan::service {
namespace {

// A password that meets the policy: upper, lower, digits and a symbol, 12 characters.
std::string demo_password() {
  static const char upper[] = "ABCDEFGHJKLMNPQRSTUVWXYZ";
  static const char lower[] = "abcdefghijkmnpqrstuvwxyz";
  static const char digits[] = "23456789";
  std::string p;
  p += upper[randombytes_uniform(sizeof upper - 1)];
  for (int i = 0; i < 5; ++i) p += lower[randombytes_uniform(sizeof lower - 1)];
  p += '#';
  for (int i = 0; i < 5; ++i) p += digits[randombytes_uniform(sizeof digits - 1)];
  return p;
}

// Short pinyin-like prefixes for the demo usernames of the demo regions.
std::string prefix_for(const std::string& code, int index) {
  if (code == "421000") return "jz";
  if (code == "421022") return "ga";
  if (code == "421088") return "jl";
  return "r" + std::to_string(index);
}

}  // namespace

std::vector<DemoAccount> create_demo_data(store::Db& db, const std::string& city) {
  std::vector<std::pair<std::string, std::string>> regions;  // code, name
  {
    auto conn = db.acquire();
    if (store::query_int(*conn, "SELECT COUNT(*) FROM app_user") > 0) return {};
    auto name = region_name(*conn, city);
    if (!name || city.size() != 6 || city.substr(4) != "00") {
      throw std::runtime_error("演示城市代码“" + city + "”不是湖北省的地级行政区划");
    }
    regions.emplace_back(city, *name);
    std::vector<std::string> preferred = {"421022", "421088"};  // 公安县, 监利市
    for (const auto& r : store::query(*conn,
                                      "SELECT code, name FROM region WHERE parent_code = $1 "
                                      "ORDER BY code",
                                      {city})) {
      bool pick = city == "421000" ? (r.text(0) == preferred[0] || r.text(0) == preferred[1])
                                   : regions.size() < 3;
      if (pick) regions.emplace_back(r.text(0), r.text(1));
    }
  }
  Actor actor = Actor::system("demo");
  std::vector<DemoAccount> accounts;
  const std::vector<std::pair<std::string, std::string>> city_departments = {
      {"人力资源和社会保障局", "hrss"}, {"招商服务中心", "investment"},
      {"农业农村局", "agriculture"},    {"工商业联合会", "commerce_federation"},
      {"教育局", "education"},          {"楚商回乡返乡创业联席会议办公室", "joint_office"}};
  const std::vector<std::string> roles = {"sysadmin", "secadmin", "auditor", "leader", "clerk"};
  for (size_t i = 0; i < regions.size(); ++i) {
    const auto& [code, name] = regions[i];
    std::vector<std::pair<std::string, std::string>> departments(
        city_departments.begin(), city_departments.begin() + (i == 0 ? 6 : 2));
    int64_t hrss_id = 0;
    for (const auto& [dname, kind] : departments) {
      DepartmentInput in{name + dname, kind, code};
      auto d = create_department(db, actor, nullptr, in);
      if (kind == "hrss") hrss_id = d["id"].get<int64_t>();
    }
    if (i == 0)
      create_department(db, actor, nullptr,
                        {"湖北银行" + name.substr(0, 6) + "分行", "bank", code});
    for (const auto& role : roles) {
      NewUser u;
      u.username = prefix_for(code, static_cast<int>(i)) + "_" + role;
      u.display_name = name + (role == "leader"     ? "分管领导"
                               : role == "clerk"    ? "业务经办员"
                               : role == "sysadmin" ? "系统管理员"
                               : role == "secadmin" ? "安全管理员"
                                                    : "审计管理员");
      u.password = demo_password();
      u.department_id = hrss_id;
      u.region_code = code;
      u.roles = {role};
      create_user(db, actor, nullptr, u);
      accounts.push_back({u.username, u.password, role, name, name + "人力资源和社会保障局"});
    }
  }
  create_demo_people(db, city, 3000);
  create_demo_case_work(db, city);
  create_demo_ventures(db, city);
  create_demo_merchants(db, city, 400);
  create_demo_projects(db, city, 48);
  create_demo_tasks(db, city);
  std::vector<std::string> event_regions;
  for (const auto& region : regions) event_regions.push_back(region.first);
  create_demo_events(db, event_regions);
  create_demo_targets(db, city, {event_regions.begin() + 1, event_regions.end()});
  return accounts;
}

}  // namespace guiyan::service
