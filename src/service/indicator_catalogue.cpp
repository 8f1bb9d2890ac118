#include "service/indicator_catalogue.h"

#include "rules/policy_reader.h"
#include "store/embedded.h"

namespace guiyan::service {
namespace {

[[noreturn]] void fail(const std::string& code, const std::string& what) {
  throw IndicatorError("data/indicators.toml: " + (code.empty() ? "" : code + ": ") + what);
}

std::string text_of(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

IndicatorPeriod parse_period(const std::string& code, const std::string& s) {
  if (s == "year") return IndicatorPeriod::year;
  if (s == "to_year_end") return IndicatorPeriod::to_year_end;
  if (s == "previous_year_end") return IndicatorPeriod::previous_year_end;
  if (s == "quarter_at") return IndicatorPeriod::quarter_at;
  fail(code, "unknown period \"" + s + "\"");
}

int level_of_name(const std::string& s) {
  if (s == "province") return 1;
  if (s == "city") return 2;
  if (s == "county") return 3;
  if (s == "township") return 4;
  return 0;
}

void read_target(Indicator& ind, const nlohmann::json& t) {
  if (t.is_number()) {
    ind.target = t.get<double>();
  } else if (t.is_object()) {
    for (const auto& [level, v] : t.items()) {
      if (!level_of_name(level) || !v.is_number()) fail(ind.code, "bad target for " + level);
      ind.target_by_level[level] = v.get<double>();
    }
  } else if (!t.is_null()) {
    fail(ind.code, "target must be a number or a table by level");
  }
}

void read_filters(Indicator& ind, const nlohmann::json& filters) {
  if (!filters.is_object()) return;
  for (const auto& [key, v] : filters.items()) {
    IndicatorFilter f;
    f.field = key;
    if (key.size() > 4 && key.ends_with("_min")) {
      f.field = key.substr(0, key.size() - 4);
      f.at_least = true;
      if (!v.is_number()) fail(ind.code, key + " must be a number");
      f.number = v.get<double>();
    } else if (v.is_string()) {
      f.text = v.get<std::string>();
    } else if (v.is_number_integer()) {
      f.text = std::to_string(v.get<int64_t>());
    } else {
      fail(ind.code, key + " must be text or a whole number");
    }
    if (!ind.records->fields.count(f.field)) fail(ind.code, "no field " + f.field + " to filter");
    ind.filters.push_back(std::move(f));
  }
}

Indicator read_one(const nlohmann::json& j) {
  Indicator ind;
  ind.code = text_of(j, "code");
  ind.name = text_of(j, "name");
  ind.unit = text_of(j, "unit");
  if (ind.code.empty() || ind.name.empty() || ind.unit.empty()) {
    fail(ind.code, "code, name and unit are required");
  }
  ind.official = j.value("official", false);
  read_target(ind, j.value("target", nlohmann::json()));
  ind.numerator = text_of(j, "numerator");
  ind.denominator = text_of(j, "denominator");
  if (ind.is_ratio()) {
    if (ind.denominator.empty()) fail(ind.code, "a ratio needs a denominator");
    return ind;
  }
  std::string records = text_of(j, "records");
  if (records == "none") {
    if (!ind.official) fail(ind.code, "an indicator without records must be official");
    return ind;
  }
  ind.records = find_indicator_record_set(records);
  if (!ind.records) fail(ind.code, "unknown record set \"" + records + "\"");
  ind.period = parse_period(ind.code, text_of(j, "period"));
  if (ind.records->as_of != (ind.period == IndicatorPeriod::previous_year_end)) {
    fail(ind.code, "period previous_year_end goes with a snapshot record set, and only with one");
  }
  if (!ind.records->as_of) {
    auto date = ind.records->dates.find(text_of(j, "date"));
    if (date == ind.records->dates.end())
      fail(ind.code, "unknown date \"" + text_of(j, "date") + "\"");
    ind.date = date->second;
  }
  std::string measure = text_of(j, "measure");
  if (measure == "count" || measure == "distinct") {
    ind.measure = measure;
  } else if (measure.starts_with("sum:")) {
    auto f = ind.records->fields.find(measure.substr(4));
    if (f == ind.records->fields.end()) fail(ind.code, "no field to sum in " + measure);
    ind.measure = "sum";
    ind.sum_expr = f->second;
  } else {
    fail(ind.code, "unknown measure \"" + measure + "\"");
  }
  read_filters(ind, j.value("filters", nlohmann::json()));
  return ind;
}

}  // namespace

std::vector<Indicator> read_indicators(const std::string& toml_text) {
  nlohmann::json doc;
  try {
    doc = rules::toml_to_json(toml_text);
  } catch (const std::exception& e) {
    fail("", e.what());
  }
  std::vector<Indicator> out;
  for (const auto& j : doc.value("indicator", nlohmann::json::array())) out.push_back(read_one(j));
  auto known = [&](const std::string& code) {
    for (const auto& i : out) {
      if (i.code == code && !i.is_ratio()) return true;
    }
    return false;
  };
  for (size_t i = 0; i < out.size(); ++i) {
    for (size_t k = 0; k < i; ++k) {
      if (out[k].code == out[i].code) fail(out[i].code, "defined twice");
    }
    if (out[i].is_ratio() && (!known(out[i].numerator) || !known(out[i].denominator))) {
      fail(out[i].code, "a ratio's numerator and denominator must be indicators with records");
    }
  }
  return out;
}

const std::vector<Indicator>& indicator_catalogue() {
  static const std::vector<Indicator> all = [] {
    auto text = store::embedded_file("data/indicators.toml");
    if (!text) throw IndicatorError("data/indicators.toml is not embedded");
    return read_indicators(std::string(*text));
  }();
  return all;
}

const Indicator* find_indicator(const std::string& code) {
  for (const auto& i : indicator_catalogue()) {
    if (i.code == code) return &i;
  }
  return nullptr;
}

std::optional<double> default_target(const Indicator& ind, int level) {
  if (ind.target) return ind.target;
  static const char* names[] = {"", "province", "city", "county", "township"};
  if (level < 1 || level > 4) return std::nullopt;
  auto it = ind.target_by_level.find(names[level]);
  if (it == ind.target_by_level.end()) return std::nullopt;
  return it->second;
}

std::optional<int> event_yearly_minimum(const std::string& level) {
  int depth = level_of_name(level);
  const auto* ind = find_indicator("events_" + level);
  if (!ind || !depth) return std::nullopt;
  auto t = default_target(*ind, depth);
  if (!t) return std::nullopt;
  return static_cast<int>(*t);
}

std::string period_label(IndicatorPeriod p) {
  switch (p) {
    case IndicatorPeriod::year:
      return "当年";
    case IndicatorPeriod::to_year_end:
      return "截至年末累计";
    case IndicatorPeriod::previous_year_end:
      return "上年末";
    case IndicatorPeriod::quarter_at:
      return "年末所在季度（当年为本季度）";
    case IndicatorPeriod::none:
      break;
  }
  return "";
}

}  // namespace guiyan::service
