#include "service/dashboard.h"

#include <algorithm>
#include <cmath>

#include "service/indicator_service.h"
#include "service/project_board.h"

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
  return out;
}

}  // namespace guiyan::service
