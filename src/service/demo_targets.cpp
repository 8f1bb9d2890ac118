#include "service/demo_targets.h"

#include "core/clock.h"

namespace guiyan::service {

void create_demo_targets(store::Db& db, const std::string& city,
                         const std::vector<std::string>& counties) {
  // (indicator, city target, county target); 0: none at that level. Sized to the demo's records
  // (about 330 ventures and a dozen signed projects a year) so completions spread around 100%.
  const std::vector<std::tuple<std::string, double, double>> targets = {
      {"new_ventures", 400, 150},
      {"major_projects_signed", 12, 4},
      {"major_projects_amount", 200000, 0},
      {"projects_landed", 12, 4},
      {"funds_arrived", 100000, 0},
      {"employed_home", 900, 300},
      {"people_trained", 200, 60},
      {"ambassadors_appointed", 20, 5},
      {"liaison_stations", 10, 0},
      {"outstations", 8, 0},
      {"model_cases", 10, 5}};
  int year = core::today_local_date().year;
  std::string now = core::now_iso();
  auto conn = db.acquire();
  store::Tx tx(*conn);
  for (int y : {year - 1, year}) {
    double scale = y == year ? 1.0 : 0.8;
    auto put = [&](const std::string& region, const std::string& code, double value) {
      if (value <= 0) return;
      store::exec(*conn,
                  "INSERT INTO indicator_target (region_code, year, indicator_code, value, "
                  "source, set_at) VALUES ($1, $2, $3, $4, $5, $6)",
                  {region, int64_t{y}, code, value * scale,
                   std::to_string(y) + "年目标任务书（演示数据）", now});
    };
    for (const auto& [code, city_value, county_value] : targets) {
      put(city, code, city_value);
      for (const auto& county : counties) put(county, code, county_value);
    }
  }
  tx.commit();
}

}  // namespace guiyan::service
