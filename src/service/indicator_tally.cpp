#include "service/indicator_tally.h"

#include <map>
#include <unordered_set>

#include "core/date.h"
#include "service/child_regions.h"
#include "service/data_scope.h"

namespace guiyan::service {
namespace {

std::string replace_as_of(std::string where, const std::string& placeholder) {
  auto at = where.find("{as_of}");
  if (at != std::string::npos) where.replace(at, 7, placeholder);
  return where;
}

std::string month_end(int year, int month) {
  core::Date d{year, month, core::days_in_month(year, month)};
  return d.to_iso();
}

std::string measure_sql(const Indicator& ind) {
  if (ind.measure == "sum") return "COALESCE(SUM(" + ind.sum_expr + "), 0)";
  return "COUNT(*)";
}

}  // namespace

std::pair<std::string, std::string> indicator_period(const Indicator& ind, int year,
                                                     const std::string& today) {
  std::string y = std::to_string(year);
  switch (ind.period) {
    case IndicatorPeriod::year:
      return {y + "-01-01", y + "-12-31"};
    case IndicatorPeriod::to_year_end:
      return {"", y + "-12-31"};
    case IndicatorPeriod::previous_year_end: {
      std::string d = std::to_string(year - 1) + "-12-31";
      return {d, d};
    }
    case IndicatorPeriod::quarter_at: {
      std::string ref = std::min(y + "-12-31", today);
      if (ref < y + "-01-01") ref = y + "-12-31";
      int month = std::stoi(ref.substr(5, 2));
      int first = (month - 1) / 3 * 3 + 1;
      return {core::Date{year, first, 1}.to_iso(), ref};
    }
    case IndicatorPeriod::none:
      break;
  }
  return {"", ""};
}

std::string indicator_condition(const Indicator& ind, const IndicatorScope& scope,
                                store::SqlBuilder& sql, int month) {
  const auto& rs = *ind.records;
  auto [first, last] = indicator_period(ind, scope.year, scope.today);
  std::string where = rs.as_of ? replace_as_of(rs.where, sql.bind(last)) : rs.where;
  where += " AND " + subtree_condition(sql, rs.region, scope.region);
  if (!rs.as_of) {
    if (month >= 1 && month <= 12) {
      if (ind.period == IndicatorPeriod::year) first = core::Date{scope.year, month, 1}.to_iso();
      last = month_end(scope.year, month);
    }
    if (!first.empty()) where += " AND " + ind.date + " >= " + sql.bind(first);
    where += " AND " + ind.date + " <= " + sql.bind(last);
  }
  for (const auto& f : ind.filters) {
    const auto& expr = rs.fields.at(f.field);
    if (f.at_least) {
      where += " AND " + expr + " >= " + sql.bind(f.number);
    } else {
      where += " AND " + expr + " = " + sql.bind(f.text);
    }
  }
  return where;
}

IndicatorTally tally_indicator(store::Conn& c, const Indicator& ind, const IndicatorScope& scope) {
  const auto& rs = *ind.records;
  IndicatorTally t;
  t.children.assign(scope.children.size(), 0.0);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& code : scope.children) items.push_back({{"code", code}});
  ChildRegions kids(items);
  std::string child =
      "SUBSTR(" + rs.region + ", 1, " + std::to_string(child_code_length(scope.region)) + ")";
  bool dated = !rs.as_of && ind.period != IndicatorPeriod::quarter_at;
  bool cumulative = ind.period == IndicatorPeriod::to_year_end;
  std::string month = dated ? "SUBSTR(" + ind.date + ", 1, 7)" : "''";
  std::string year_prefix = std::to_string(scope.year) + "-";
  std::array<double, 12> months{};
  double before_year = 0;

  auto run = [&](const std::string& select, const std::string& group,
                 const std::function<void(const store::Row&)>& fn) {
    store::SqlBuilder sql;
    std::string where = indicator_condition(ind, scope, sql);
    c.run("SELECT " + select + " FROM " + rs.from + " WHERE " + where +
              (group.empty() ? "" : " GROUP BY " + group),
          sql.params(), fn);
  };
  auto add_month = [&](const std::string& ym, double v) {
    if (ym.size() == 7 && ym.starts_with(year_prefix)) {
      months[static_cast<size_t>(std::stoi(ym.substr(5, 2)) - 1)] += v;
    } else {
      before_year += v;
    }
  };

  if (ind.measure != "distinct") {
    // One pass grouped by child and month; totals and series are sums of its cells.
    // (PostgreSQL refuses a constant in GROUP BY: undated sets group by child alone.)
    run(child + ", " + month + ", " + measure_sql(ind), dated ? child + ", " + month : child,
        [&](const store::Row& r) {
          double v = r.f64(2);
          t.total += v;
          int k = kids.index_of(r.text(0));
          if (k >= 0) t.children[static_cast<size_t>(k)] += v;
          if (dated) add_month(r.text(1), v);
        });
  } else {
    // A person counted once however many records: one pass over the (child, month, person)
    // cells, the people gathered per child and month in memory (a query per breakdown would read
    // the records three times).
    std::unordered_set<int64_t> everyone;
    std::vector<std::unordered_set<int64_t>> per_child(scope.children.size());
    std::array<std::unordered_set<int64_t>, 12> per_month;
    const std::string& who = rs.distinct;
    run(child + ", " + month + ", " + who,
        dated ? child + ", " + month + ", " + who : child + ", " + who, [&](const store::Row& r) {
          int64_t id = r.i64(2);
          everyone.insert(id);
          int k = kids.index_of(r.text(0));
          if (k >= 0) per_child[static_cast<size_t>(k)].insert(id);
          std::string ym = r.text(1);
          if (dated && ym.size() == 7 && ym.starts_with(year_prefix)) {
            per_month[static_cast<size_t>(std::stoi(ym.substr(5, 2)) - 1)].insert(id);
          }
        });
    t.total = static_cast<double>(everyone.size());
    for (size_t i = 0; i < per_child.size(); ++i) {
      t.children[i] = static_cast<double>(per_child[i].size());
    }
    for (size_t m = 0; m < 12; ++m) months[m] = static_cast<double>(per_month[m].size());
  }
  if (dated && !(cumulative && ind.measure == "distinct")) {
    if (cumulative) {
      double running = before_year;
      for (auto& m : months) m = running += m;
    }
    t.months = months;
  }
  return t;
}

}  // namespace guiyan::service
