#include "service/indicator_service.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>

#include "core/clock.h"
#include "http/api_error.h"
#include "service/data_scope.h"
#include "service/indicator_cache.h"
#include "service/indicator_catalogue.h"
#include "service/indicator_snapshot.h"
#include "service/indicator_tally.h"
#include "service/region_service.h"

namespace guiyan::service {
namespace {

using http::bad_request;

struct Entered {
  double value = 0;
  std::string source;
  bool set = false;
};

// What one request works on: the region, its children, entered targets and figures.
struct FigureContext {
  store::Conn& c;
  IndicatorScope scope;
  std::string region_name;
  int level = 0;
  std::vector<std::string> child_names;
  std::vector<int> child_levels;
  std::map<std::string, IndicatorTally> computed;          // by code, computed once per request
  IndicatorCache* cache = nullptr;                         // the database's, or none
  IndicatorSnapshot* snapshots = nullptr;                  // the database\'s, or none
  std::map<std::string, std::string> probes;               // record set → its probes' answers
  std::chrono::seconds max_age = IndicatorCache::kMaxAge;  // of a cached figure to reuse
};

// The answers of a record set's probes, asked once per request.
const std::string& probe_of(FigureContext& fx, const IndicatorRecordSet& rs) {
  auto it = fx.probes.find(rs.key);
  if (it != fx.probes.end()) return it->second;
  std::string answer = rs.key;
  for (const auto& q : rs.probes) {
    auto row = store::query_one(fx.c, q);
    answer += "|" + (row && !row->is_null(0) ? row->text(0) : std::string("-"));
  }
  fx.cache->saw(answer, IndicatorCache::Clock::now());
  return fx.probes.emplace(rs.key, std::move(answer)).first->second;
}

// Entered values (targets or figures) of `code` for the region (slot 0) and each child (1…).
std::vector<Entered> entered(FigureContext& fx, const char* table, const std::string& code) {
  std::vector<Entered> out(fx.scope.children.size() + 1);
  std::map<std::string, size_t> slot{{fx.scope.region, 0}};
  for (size_t i = 0; i < fx.scope.children.size(); ++i) slot[fx.scope.children[i]] = i + 1;
  store::SqlBuilder sql;
  std::string in;
  for (const auto& [region, i] : slot) in += (in.empty() ? "" : ", ") + sql.bind(region);
  std::string q = std::string("SELECT region_code, value, COALESCE(source, '') FROM ") + table +
                  " WHERE year = " + sql.bind(int64_t{fx.scope.year}) +
                  " AND indicator_code = " + sql.bind(code) + " AND region_code IN (" + in + ")";
  fx.c.run(q, sql.params(), [&](const store::Row& r) {
    auto& e = out[slot.at(r.text(0))];
    e.value = r.f64(1);
    e.source = r.text(2);
    e.set = true;
  });
  return out;
}

// The indicator's tally for the request's scope: from the cache while its record set's probes
// answer as when it was computed, else from the records.
const IndicatorTally& computed(FigureContext& fx, const Indicator& ind) {
  auto it = fx.computed.find(ind.code);
  if (it != fx.computed.end()) return it->second;
  if (fx.snapshots && ind.records->as_of) {
    return fx.computed.emplace(ind.code, fx.snapshots->tally(fx.c, ind, fx.scope)).first->second;
  }
  if (!fx.cache)
    return fx.computed.emplace(ind.code, tally_indicator(fx.c, ind, fx.scope)).first->second;
  std::string key = ind.code + "|" + fx.scope.region + "|" + std::to_string(fx.scope.year) + "|" +
                    fx.scope.today + "|" + std::to_string(fx.scope.children.size());
  const std::string& probe = probe_of(fx, *ind.records);
  auto started = IndicatorCache::Clock::now();
  if (auto hit = fx.cache->find(key, probe, started, fx.max_age)) {
    return fx.computed.emplace(ind.code, std::move(*hit)).first->second;
  }
  auto tally = tally_indicator(fx.c, ind, fx.scope);
  fx.cache->store(key, probe, tally, started);
  return fx.computed.emplace(ind.code, std::move(tally)).first->second;
}

nlohmann::json number_or_null(std::optional<double> v) {
  if (!v) return nullptr;
  return std::round(*v * 10000.0) / 10000.0;
}

// Actuals of a non-ratio indicator: computed (if records), replaced by entered figures; slot 0
// the region, then each child.
struct Actuals {
  std::vector<std::optional<double>> value, computed;
  std::vector<Entered> figure;
  std::optional<std::array<double, 12>> months;
};

Actuals actuals_of(FigureContext& fx, const Indicator& ind) {
  size_t n = fx.scope.children.size() + 1;
  Actuals a;
  a.value.assign(n, std::nullopt);
  a.computed.assign(n, std::nullopt);
  a.figure = ind.official ? entered(fx, "indicator_figure", ind.code) : std::vector<Entered>(n);
  if (ind.records) {
    const auto& t = computed(fx, ind);
    a.computed[0] = t.total;
    for (size_t i = 1; i < n; ++i) a.computed[i] = t.children[i - 1];
    a.months = t.months;
  }
  for (size_t i = 0; i < n; ++i) a.value[i] = a.figure[i].set ? a.figure[i].value : a.computed[i];
  if (ind.entered_only() && !a.figure[0].set) {
    // No figure of its own: the sum of those its children entered, when any did.
    double sum = 0;
    bool any = false;
    for (size_t i = 1; i < n; ++i) {
      if (a.figure[i].set) sum += a.figure[i].value, any = true;
    }
    if (any) a.value[0] = sum;
  }
  return a;
}

std::optional<double> divide(std::optional<double> a, std::optional<double> b) {
  if (!a || !b || *b == 0) return std::nullopt;
  return *a / *b;
}

nlohmann::json figure_json(const Entered& e) {
  if (!e.set) return nullptr;
  return {{"value", number_or_null(e.value)}, {"source", e.source}};
}

nlohmann::json target_json(std::optional<double> v, const Entered& e) {
  if (!v) return nullptr;
  return {{"value", number_or_null(v)},
          {"source", e.set ? e.source : std::string("指标默认目标")},
          {"default", !e.set}};
}

nlohmann::json one_indicator(FigureContext& fx, const Indicator& ind) {
  size_t n = fx.scope.children.size() + 1;
  std::vector<std::optional<double>> value(n);
  nlohmann::json out = {{"code", ind.code},
                        {"name", ind.name},
                        {"unit", ind.unit},
                        {"kind", ind.is_ratio() ? "ratio"
                                 : ind.records  ? "records"
                                                : "entered"},
                        {"period_label", period_label(ind.period)}};
  std::optional<std::array<double, 12>> months;
  if (ind.is_ratio()) {
    const auto& num_ind = *find_indicator(ind.numerator);
    const auto& den_ind = *find_indicator(ind.denominator);
    auto num = actuals_of(fx, num_ind);
    auto den = actuals_of(fx, den_ind);
    for (size_t i = 0; i < n; ++i) value[i] = divide(num.value[i], den.value[i]);
    out["numerator"] = {{"code", num_ind.code},
                        {"name", num_ind.name},
                        {"unit", num_ind.unit},
                        {"actual", number_or_null(num.value[0])},
                        {"figure", figure_json(num.figure[0])}};
    out["denominator"] = {{"code", den_ind.code},
                          {"name", den_ind.name},
                          {"unit", den_ind.unit},
                          {"actual", number_or_null(den.value[0])},
                          {"figure", figure_json(den.figure[0])}};
    out["period_label"] = period_label(num_ind.period);
    if (num.months && !den.months && den.value[0] && *den.value[0] > 0) {
      // The share reached by the end of each month: the numerator's running total over the
      // (snapshot) denominator.
      std::array<double, 12> m{};
      double running = 0;
      for (size_t i = 0; i < 12; ++i) m[i] = (running += (*num.months)[i]) / *den.value[0];
      months = m;
    }
  } else {
    auto a = actuals_of(fx, ind);
    value = a.value;
    months = a.months;
    out["computed"] = number_or_null(a.computed[0]);
    out["figure"] = figure_json(a.figure[0]);
  }
  auto targets = entered(fx, "indicator_target", ind.code);
  auto target_of = [&](size_t i) -> std::optional<double> {
    if (targets[i].set) return targets[i].value;
    return default_target(ind, i == 0 ? fx.level : fx.child_levels[i - 1]);
  };
  auto t0 = target_of(0);
  out["actual"] = number_or_null(value[0]);
  out["target"] = target_json(t0, targets[0]);
  auto completion = [&](size_t i) -> std::optional<double> {
    auto t = target_of(i);
    if (!t || *t <= 0 || !value[i]) return std::nullopt;
    return *value[i] / *t;
  };
  out["completion"] = number_or_null(completion(0));
  out["reached"] = completion(0) ? nlohmann::json(*completion(0) >= 1.0) : nlohmann::json();
  if (months) {
    out["months"] = nlohmann::json::array();
    for (double m : *months) out["months"].push_back(number_or_null(m));
  } else {
    out["months"] = nullptr;
  }
  // Children, ranked by completion (those without a target after), then by actual.
  std::vector<size_t> order;
  for (size_t i = 1; i < n; ++i) order.push_back(i);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    auto ca = completion(a), cb = completion(b);
    if (ca.has_value() != cb.has_value()) return ca.has_value();
    if (ca && cb && *ca != *cb) return *ca > *cb;
    return value[a].value_or(-1) > value[b].value_or(-1);
  });
  std::vector<int> rank(n, 0);
  for (size_t r = 0; r < order.size(); ++r) rank[order[r]] = static_cast<int>(r) + 1;
  out["children"] = nlohmann::json::array();
  for (size_t i = 1; i < n; ++i) {
    out["children"].push_back({{"code", fx.scope.children[i - 1]},
                               {"name", fx.child_names[i - 1]},
                               {"actual", number_or_null(value[i])},
                               {"target", number_or_null(target_of(i))},
                               {"completion", number_or_null(completion(i))},
                               {"rank", rank[i]}});
  }
  return out;
}

// The context of a region already checked (exists, within what the caller may see).
FigureContext context_of(store::Conn& c, const std::string& region, int year, store::Db* db) {
  FigureContext fx{c,
                   {},
                   {},
                   0,
                   {},
                   {},
                   {},
                   db ? &db->attachment<IndicatorCache>() : nullptr,
                   db ? &db->attachment<IndicatorSnapshot>() : nullptr,
                   {},
                   IndicatorCache::kMaxAge};
  fx.scope.region = region;
  fx.scope.year = year;
  fx.scope.today = core::today_local();
  auto self =
      store::query_one(c, "SELECT name, level FROM region WHERE code = $1", {fx.scope.region});
  fx.region_name = self->text(0);
  fx.level = static_cast<int>(self->i64(1));
  for (const auto& r :
       store::query(c, "SELECT code, name, level FROM region WHERE parent_code = $1 ORDER BY code",
                    {fx.scope.region})) {
    fx.scope.children.push_back(r.text(0));
    fx.child_names.push_back(r.text(1));
    fx.child_levels.push_back(static_cast<int>(r.i64(2)));
  }
  return fx;
}

FigureContext make_context(store::Db& db, store::Conn& c, const Principal& p,
                           const std::string& region_in, int year) {
  return context_of(c, figure_region(c, p, region_in, year), year, &db);
}

void add_place(nlohmann::json& out, const FigureContext& fx) {
  out["region"] = {{"code", fx.scope.region}, {"name", fx.region_name}, {"level", fx.level}};
  out["year"] = fx.scope.year;
  out["as_of"] = fx.scope.today;
}

const Indicator& indicator_or_404(const std::string& code) {
  const auto* ind = find_indicator(code);
  if (!ind) throw http::not_found("指标");
  return *ind;
}

}  // namespace

std::string figure_region(store::Conn& c, const Principal& p, const std::string& region_in,
                          int year) {
  require(p, "indicator:read");
  if (year < 2000 || year > 2100) throw bad_request("year", "年份应在2000到2100之间");
  std::string region = region_in.empty() ? p.region_code : region_in;
  auto name = region_name(c, region);
  if (!name) throw bad_request("region", "区划代码不存在");
  if (!sees_subtree(p, region)) {
    throw http::ApiError(403, "out_of_scope", "“" + *name + "”超出您的数据范围", "region");
  }
  return region;
}

nlohmann::json indicator_progress(store::Db& db, store::Conn& c, const std::string& code,
                                  const std::string& region, int year,
                                  std::optional<double> target) {
  const auto* ind = find_indicator(code);
  if (!ind || !region_name(c, region)) return nullptr;
  auto fx = context_of(c, region, year, &db);
  fx.scope.children.clear();  // the region's total is all a task needs
  fx.child_names.clear();
  fx.child_levels.clear();
  auto fig = one_indicator(fx, *ind);
  nlohmann::json t = target                      ? nlohmann::json(*target)
                     : fig["target"].is_object() ? fig["target"]["value"]
                                                 : nlohmann::json();
  nlohmann::json completion;
  if (t.is_number() && t.get<double>() > 0 && fig["actual"].is_number()) {
    completion = std::round(fig["actual"].get<double>() / t.get<double>() * 10000.0) / 10000.0;
  }
  return {{"indicator_code", code},
          {"indicator_name", ind->name},
          {"unit", ind->unit},
          {"actual", fig["actual"]},
          {"target", t},
          {"completion", completion}};
}

nlohmann::json indicator_catalogue_json() {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& ind : indicator_catalogue()) {
    nlohmann::json targets = nlohmann::json::object();
    if (ind.target) targets["all"] = *ind.target;
    for (const auto& [level, v] : ind.target_by_level) targets[level] = v;
    items.push_back({{"code", ind.code},
                     {"name", ind.name},
                     {"unit", ind.unit},
                     {"kind", ind.is_ratio() ? "ratio"
                              : ind.records  ? "records"
                                             : "entered"},
                     {"records", ind.records ? ind.records->label : ""},
                     {"period_label", period_label(ind.period)},
                     {"official", ind.official},
                     {"numerator", ind.numerator},
                     {"denominator", ind.denominator},
                     {"default_targets", targets}});
  }
  return {{"items", items}};
}

nlohmann::json indicator_figures_api(store::Db& db, const Principal& p, const std::string& code,
                                     const std::string& region, int year) {
  const auto& ind = indicator_or_404(code);
  auto conn = db.acquire();
  auto fx = make_context(db, *conn, p, region, year);
  auto out = one_indicator(fx, ind);
  add_place(out, fx);
  return out;
}

nlohmann::json all_indicator_figures(store::Db& db, const Principal& p, const std::string& region,
                                     int year) {
  auto conn = db.acquire();
  auto fx = make_context(db, *conn, p, region, year);
  nlohmann::json out = {{"items", nlohmann::json::array()}};
  for (const auto& ind : indicator_catalogue()) out["items"].push_back(one_indicator(fx, ind));
  add_place(out, fx);
  return out;
}

void warm_indicator_figures(store::Db& db, const std::function<bool()>& settle,
                            const std::function<bool()>& go_on) {
  std::vector<std::string> roots;
  {
    auto conn = db.acquire();
    conn->run("SELECT code FROM region WHERE parent_code IS NULL ORDER BY code", {},
              [&](const store::Row& r) { roots.push_back(r.text(0)); });
  }
  int year = std::stoi(core::today_local().substr(0, 4));
  // Ask every record set's probes first: figures are kept only when computed at least kSettle
  // after their probes' answers were first seen.
  for (const auto& root : roots) {
    auto conn = db.acquire();
    FigureContext fx = context_of(*conn, root, year, &db);
    for (const auto& ind : indicator_catalogue()) {
      if (ind.records && !ind.records->as_of) probe_of(fx, *ind.records);
    }
  }
  if (!settle()) return;
  for (const auto& root : roots) {
    auto conn = db.acquire();
    FigureContext fx = context_of(*conn, root, year, &db);
    // Figures past half their life are computed again, so that a warmer calling every few
    // minutes renews them before anyone finds them expired.
    fx.max_age = IndicatorCache::kMaxAge / 2;
    for (const auto& ind : indicator_catalogue()) {
      if (!go_on()) return;  // a stopping server does not wait for the rest
      one_indicator(fx, ind);
    }
  }
}

nlohmann::json indicator_records_api(store::Db& db, const Principal& p, const std::string& code,
                                     const std::string& region, int year, int month, int64_t limit,
                                     int64_t offset) {
  const Indicator* ind = &indicator_or_404(code);
  if (ind->is_ratio()) ind = find_indicator(ind->numerator);
  if (month < 0 || month > 12) throw bad_request("month", "月份应在1到12之间");
  auto conn = db.acquire();
  IndicatorScope scope;
  scope.region = figure_region(*conn, p, region, year);
  scope.year = year;
  scope.today = core::today_local();
  nlohmann::json out = {{"items", nlohmann::json::array()},
                        {"total", 0},
                        {"indicator", {{"code", ind->code}, {"name", ind->name}}}};
  if (!ind->records) {
    out["label"] = "";
    return out;
  }
  const auto& rs = *ind->records;
  out["label"] = rs.label;
  store::SqlBuilder sql;
  std::string where = indicator_condition(*ind, scope, sql, month);
  // A snapshot's count comes from the snapshot held in memory (counting it in SQL reads every
  // person's history); the page itself stops at its last row.
  out["total"] =
      rs.as_of
          ? static_cast<int64_t>(db.attachment<IndicatorSnapshot>().tally(*conn, *ind, scope).total)
          : store::query_int(*conn, "SELECT COUNT(*) FROM " + rs.from + " WHERE " + where,
                             sql.params());
  std::string date = rs.as_of ? "''" : ind->date;
  std::string amount = ind->measure == "sum" ? ind->sum_expr : "NULL";
  std::string q = "SELECT " + rs.id + ", " + rs.title + ", " + rs.region +
                  ", COALESCE(r.name, ''), " + date + ", " + amount + " FROM " + rs.from +
                  " LEFT JOIN region r ON r.code = " + rs.region + " WHERE " + where +
                  " ORDER BY " + (rs.as_of ? "" : date + " DESC, ") + rs.id + " DESC LIMIT " +
                  sql.bind(limit) + " OFFSET " + sql.bind(offset);
  conn->run(q, sql.params(), [&](const store::Row& r) {
    std::string link = rs.link;
    link.replace(link.find("{id}"), 4, r.text(0));
    out["items"].push_back({{"id", r.i64(0)},
                            {"title", r.text(1)},
                            {"region_code", r.text(2)},
                            {"region_name", r.text(3)},
                            {"date", r.text(4)},
                            {"amount", r.is_null(5) ? nlohmann::json() : nlohmann::json(r.f64(5))},
                            {"link", link}});
  });
  return out;
}

}  // namespace guiyan::service
