#include "service/dashboard.h"

#include <algorithm>
#include <cmath>

#include "core/clock.h"
#include "service/indicator_service.h"
#include "service/project_board.h"
#include "service/quarterly_report_service.h"
#include "service/task_service.h"

namespace guiyan::service {
namespace {

// Per child: the mean of its indicators' completion (each capped at 1), over those with a target.
nlohmann::json overall_ranking(const nlohmann::json& indicators) {
  std::vector<std::string> codes, names;
  std::vector<double> sum;
  std::vector<int> n;
  for (const auto& ind : indicators) {
    const auto& kids = ind["children"];
    for (size_t i = 0; i < kids.size(); ++i) {
      if (codes.size() <= i) {
        codes.push_back(kids[i]["code"]);
        names.push_back(kids[i]["name"]);
        sum.push_back(0);
        n.push_back(0);
      }
      if (kids[i]["completion"].is_number()) {
        sum[i] += std::min(1.0, kids[i]["completion"].get<double>());
        n[i]++;
      }
    }
  }
  std::vector<size_t> order(codes.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  auto mean = [&](size_t i) { return n[i] ? sum[i] / n[i] : -1.0; };
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return mean(a) > mean(b); });
  nlohmann::json out = nlohmann::json::array();
  for (size_t r = 0; r < order.size(); ++r) {
    size_t i = order[r];
    out.push_back({{"code", codes[i]},
                   {"name", names[i]},
                   {"completion",
                    n[i] ? nlohmann::json(std::round(mean(i) * 10000) / 10000) : nlohmann::json()},
                   {"indicators_with_target", n[i]},
                   {"rank", r + 1}});
  }
  return out;
}

// The year's overdue tasks of the region and below, at most 20, with the status counts.
nlohmann::json overdue_tasks(store::Db& db, const Principal& p, const std::string& region,
                             int year) {
  TaskQuery q;
  q.year = year;
  q.region = region;
  q.status = "overdue";
  q.limit = 20;
  auto list = list_tasks(db, p, q);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& t : list["items"]) {
    items.push_back(
        {{"id", t["id"]},
         {"number", t["number"]},
         {"content", t["content"]},
         {"lead_unit", t["lead_unit"].is_object() ? t["lead_unit"]["name"] : t["lead_unit"]},
         {"deadline", t["deadline"]},
         {"days_left", t["days_left"]}});
  }
  return {{"counts", list["counts"]}, {"overdue", items}, {"total_overdue", list["total"]}};
}

// The member units that have not filed the latest quarterly report due by today within `year`
// (Q4 for a past year), or null when no quarter of the year has ended yet.
nlohmann::json missing_reports(store::Db& db, const Principal& p, const std::string& region,
                               int year) {
  auto today = core::today_local_date();
  int quarter = year < today.year ? 4 : year == today.year ? (today.month - 1) / 3 : 0;
  if (quarter < 1) return nullptr;
  QuarterQuery q;
  q.year = year;
  q.quarter = quarter;
  q.region = region;
  auto list = quarter_reports_api(db, p, q);
  nlohmann::json missing = nlohmann::json::array();
  for (const auto& m : list["items"]) {
    if (m["timeliness"] == "missing") {
      missing.push_back({{"department_id", m["department_id"]},
                         {"department_name", m["department_name"]},
                         {"region_code", m["region_code"]},
                         {"reminders", m["reminders"].size()}});
    }
  }
  return {{"window", list["window"]}, {"counts", list["counts"]}, {"missing", missing}};
}

}  // namespace

nlohmann::json dashboard_api(store::Db& db, const Principal& p, const std::string& region,
                             int year) {
  auto figures = all_indicator_figures(db, p, region, year);
  nlohmann::json out = {{"region", figures["region"]},
                        {"year", year},
                        {"as_of", figures["as_of"]},
                        {"indicators", figures["items"]}};
  out["ranking"] = overall_ranking(figures["items"]);
  std::string code = figures["region"]["code"];
  out["pipeline"] = p.can("project:read") ? project_board(db, p, code, year) : nlohmann::json();
  out["tasks"] = p.can("task:read") ? overdue_tasks(db, p, code, year) : nlohmann::json();
  out["reports"] = p.can("report:read") ? missing_reports(db, p, code, year) : nlohmann::json();
  return out;
}

}  // namespace guiyan::service
