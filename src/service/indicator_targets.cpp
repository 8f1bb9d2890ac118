#include "service/indicator_targets.h"

#include <cmath>
#include <filesystem>
#include <fstream>
#include <random>

#include "core/clock.h"
#include "core/vocabulary_edit.h"
#include "http/api_error.h"
#include "io/sheet_error.h"
#include "io/sheet_reader.h"
#include "service/audit.h"
#include "service/data_scope.h"
#include "service/indicator_catalogue.h"
#include "service/indicator_service.h"
#include "service/region_resolver.h"
#include "service/region_service.h"

namespace guiyan::service {
namespace {

using http::bad_request;

struct TargetRow {
  std::string region;
  int year = 0;
  const Indicator* ind = nullptr;
  double value = 0;
  std::string source;
};

const Indicator* indicator_by_code_or_name(const std::string& s) {
  for (const auto& i : indicator_catalogue()) {
    if (i.code == s || i.name == s) return &i;
  }
  return nullptr;
}

// The checks every way in shares; throws ApiError naming the field.
void check_row(store::Conn& c, const Principal& p, const TargetRow& t) {
  require(p, "indicator:write");
  if (t.year < 2000 || t.year > 2100) throw bad_request("year", "年份应在2000到2100之间");
  if (!region_exists(c, t.region)) throw bad_request("region_code", "区划代码不存在");
  if (!in_scope(p, t.region)) {
    throw http::ApiError(403, "out_of_scope", "该地区超出您的数据范围", "region_code");
  }
  if (!std::isfinite(t.value) || t.value < 0) throw bad_request("value", "数值不能为负数");
  if (t.ind->unit == "%" && t.value > 1) {
    throw bad_request("value", "比例应填写小数（如 2% 填 0.02）");
  }
}

TargetRow row_from_json(const nlohmann::json& body) {
  TargetRow t;
  t.region = body.value("region_code", "");
  if (t.region.empty()) throw bad_request("region_code", "缺少必填字段“地区”", "required");
  auto year = body.find("year");
  if (year == body.end() || !year->is_number_integer()) {
    throw bad_request("year", "年份应为整数", "required");
  }
  t.year = year->get<int>();
  t.ind = find_indicator(body.value("indicator_code", ""));
  if (!t.ind) throw bad_request("indicator_code", "指标不存在");
  auto v = body.find("value");
  if (v == body.end() || !v->is_number()) throw bad_request("value", "数值应为数字", "required");
  t.value = v->get<double>();
  auto s = body.find("source");
  if (s != body.end() && !s->is_null()) {
    if (!s->is_string()) throw bad_request("source", "来源应为文字");
    t.source = core::clean_word(s->get<std::string>());
  }
  if (t.source.size() > 600) throw bad_request("source", "来源过长（最多200个字符）");
  return t;
}

nlohmann::json stored_json(const TargetRow& t, const std::string& region_name,
                           const std::string& at) {
  return {{"region_code", t.region},
          {"region_name", region_name},
          {"year", t.year},
          {"indicator_code", t.ind->code},
          {"indicator_name", t.ind->name},
          {"unit", t.ind->unit},
          {"value", t.value},
          {"source", t.source},
          {"set_at", at}};
}

// Upserts into `table` (indicator_target or indicator_figure) in the caller's transaction.
nlohmann::json store_row(store::Conn& c, const Principal& p, const char* table,
                         const TargetRow& t) {
  auto before =
      store::query_one(c,
                       std::string("SELECT value, COALESCE(source, '') FROM ") + table +
                           " WHERE region_code = $1 AND year = $2 AND indicator_code = $3",
                       {t.region, int64_t{t.year}, t.ind->code});
  std::string now = core::now_iso();
  if (before) {
    store::exec(c,
                std::string("UPDATE ") + table +
                    " SET value = $4, source = $5, set_by = $6, set_at = $7 WHERE region_code = $1 "
                    "AND year = $2 AND indicator_code = $3",
                {t.region, int64_t{t.year}, t.ind->code, t.value, t.source, p.user_id, now});
  } else {
    store::exec(c,
                std::string("INSERT INTO ") + table +
                    " (region_code, year, indicator_code, value, source, set_by, set_at) VALUES "
                    "($1, $2, $3, $4, $5, $6, $7)",
                {t.region, int64_t{t.year}, t.ind->code, t.value, t.source, p.user_id, now});
  }
  auto out = stored_json(t, region_name(c, t.region).value_or(""), now);
  nlohmann::json old;
  if (before) old = {{"value", before->f64(0)}, {"source", before->text(1)}};
  audit(c, Actor::of(p),
        {before ? "update" : "create",
         table,
         t.region + "/" + std::to_string(t.year) + "/" + t.ind->code,
         t.region,
         old,
         {{"value", t.value}, {"source", t.source}}});
  return out;
}

void delete_row(store::Db& db, const Principal& p, const char* table, const std::string& region,
                int year, const std::string& code) {
  auto conn = db.acquire();
  store::Tx tx(*conn);
  const auto* ind = find_indicator(code);
  if (!ind) throw bad_request("indicator", "指标不存在");
  check_row(*conn, p, {region, year, ind, 0, ""});
  auto before =
      store::query_one(*conn,
                       std::string("SELECT value, COALESCE(source, '') FROM ") + table +
                           " WHERE region_code = $1 AND year = $2 AND indicator_code = $3",
                       {region, int64_t{year}, code});
  if (!before) throw http::not_found(std::string(table) == "indicator_target" ? "目标" : "填报数");
  store::exec(*conn,
              std::string("DELETE FROM ") + table +
                  " WHERE region_code = $1 AND year = $2 AND indicator_code = $3",
              {region, int64_t{year}, code});
  audit(*conn, Actor::of(p),
        {"delete",
         table,
         region + "/" + std::to_string(year) + "/" + code,
         region,
         {{"value", before->f64(0)}, {"source", before->text(1)}},
         nullptr});
  tx.commit();
}

// A value cell: "2%" → 0.02; for a ratio a plain number above 1 is read as percent ("90" → 0.9).
std::optional<double> parse_value(std::string s, const Indicator* ind) {
  s = core::clean_word(s);
  bool percent = s.ends_with("%") || s.ends_with("％");
  if (s.ends_with("%")) s.pop_back();
  if (s.ends_with("％")) s.resize(s.size() - std::string("％").size());
  std::string digits;
  for (char ch : s) {
    if (ch != ',') digits += ch;
  }
  try {
    size_t used = 0;
    double v = std::stod(digits, &used);
    if (used != digits.size()) return std::nullopt;
    if (percent || (ind && ind->unit == "%" && v > 1)) v /= 100.0;
    return v;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

}  // namespace

nlohmann::json list_targets_api(store::Db& db, const Principal& p, const std::string& region_in,
                                int year) {
  auto conn = db.acquire();
  std::string region = figure_region(*conn, p, region_in, year);
  nlohmann::json out = {{"targets", nlohmann::json::array()}, {"figures", nlohmann::json::array()}};
  for (const char* table : {"indicator_target", "indicator_figure"}) {
    auto rows = store::query(
        *conn,
        std::string("SELECT t.region_code, COALESCE(r.name, ''), t.indicator_code, t.value, "
                    "COALESCE(t.source, ''), t.set_at FROM ") +
            table +
            " t LEFT JOIN region r ON r.code = t.region_code WHERE t.year = $1 AND "
            "(t.region_code = $2 OR r.parent_code = $2) ORDER BY t.region_code, t.indicator_code",
        {int64_t{year}, region});
    for (const auto& r : rows) {
      const auto* ind = find_indicator(r.text(2));
      if (!ind) continue;
      out[std::string(table) == "indicator_target" ? "targets" : "figures"].push_back(
          stored_json({r.text(0), year, ind, r.f64(3), r.text(4)}, r.text(1), r.text(5)));
    }
  }
  return out;
}

nlohmann::json set_target_api(store::Db& db, const Principal& p, const nlohmann::json& body) {
  auto t = row_from_json(body);
  auto conn = db.acquire();
  store::Tx tx(*conn);
  check_row(*conn, p, t);
  auto out = store_row(*conn, p, "indicator_target", t);
  tx.commit();
  return out;
}

void delete_target_api(store::Db& db, const Principal& p, const std::string& region, int year,
                       const std::string& indicator) {
  delete_row(db, p, "indicator_target", region, year, indicator);
}

nlohmann::json set_figure_api(store::Db& db, const Principal& p, const nlohmann::json& body) {
  auto t = row_from_json(body);
  if (!t.ind->official) {
    throw bad_request("indicator_code", "“" + t.ind->name + "”由业务记录实时计算，不能填报");
  }
  if (t.source.empty())
    throw bad_request("source", "请注明数据来源（如 统计部门年报）", "required");
  auto conn = db.acquire();
  store::Tx tx(*conn);
  check_row(*conn, p, t);
  auto out = store_row(*conn, p, "indicator_figure", t);
  tx.commit();
  return out;
}

void delete_figure_api(store::Db& db, const Principal& p, const std::string& region, int year,
                       const std::string& indicator) {
  delete_row(db, p, "indicator_figure", region, year, indicator);
}

nlohmann::json import_targets_api(store::Db& db, const Principal& p, const std::string& filename,
                                  const std::string& content, bool dry_run) {
  require(p, "indicator:write");
  std::string ext = std::filesystem::path(filename).extension().string();
  for (auto& ch : ext) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  if (!io::is_sheet_file_name(filename)) throw bad_request("filename", io::kSheetFileTypes);
  auto path = std::filesystem::temp_directory_path() /
              ("guiyan-targets-" + std::to_string(std::random_device{}()) + ext);
  std::ofstream(path, std::ios::binary) << content;
  struct PathGuard {
    std::filesystem::path p;
    ~PathGuard() { std::filesystem::remove(p); }
  } guard{path};

  auto conn = db.acquire();
  RegionResolver regions(*conn);
  nlohmann::json errors = nlohmann::json::array();
  std::vector<TargetRow> good;
  std::map<std::string, int> col;  // header → column
  const std::vector<std::pair<std::string, std::vector<std::string>>> headers = {
      {"region", {"地区", "区划", "区划代码", "地区代码"}},
      {"year", {"年度", "年份"}},
      {"indicator", {"指标", "指标名称", "指标代码"}},
      {"value", {"目标值", "目标", "数值"}},
      {"source", {"来源", "依据", "文件"}}};
  size_t rows = 0;
  auto cell = [&](const io::SheetRow& r, const std::string& key) {
    auto it = col.find(key);
    if (it == col.end() || static_cast<size_t>(it->second) >= r.cells.size()) return std::string();
    return core::clean_word(r.cells[static_cast<size_t>(it->second)]);
  };
  try {
    io::read_sheet(path.string(), [&](const io::SheetRow& r) {
      if (col.empty()) {
        for (size_t i = 0; i < r.cells.size(); ++i) {
          for (const auto& [key, names] : headers) {
            for (const auto& n : names) {
              if (core::clean_word(r.cells[i]) == n && !col.count(key))
                col[key] = static_cast<int>(i);
            }
          }
        }
        for (const char* need : {"region", "year", "indicator", "value"}) {
          if (!col.count(need)) {
            throw bad_request("file", "第1行应为表头，须含“地区”“年度”“指标”“目标值”列");
          }
        }
        return true;
      }
      ++rows;
      auto bad = [&](const char* column, const std::string& value, const std::string& reason) {
        errors.push_back(
            {{"row", r.number}, {"column", column}, {"value", value}, {"reason", reason}});
      };
      TargetRow t;
      try {
        t.region = regions.resolve(cell(r, "region"));
      } catch (const std::invalid_argument& e) {
        bad("地区", cell(r, "region"), e.what());
        return true;
      }
      try {
        size_t used = 0;
        std::string y = cell(r, "year");
        if (y.ends_with("年")) y.resize(y.size() - std::string("年").size());
        t.year = std::stoi(y, &used);
        if (used != y.size()) throw std::invalid_argument("year");
      } catch (const std::exception&) {
        bad("年度", cell(r, "year"), "年度应为四位数字，如 2025");
        return true;
      }
      t.ind = indicator_by_code_or_name(cell(r, "indicator"));
      if (!t.ind) {
        bad("指标", cell(r, "indicator"), "没有这个指标（请用指标名称或代码）");
        return true;
      }
      auto v = parse_value(cell(r, "value"), t.ind);
      if (!v) {
        bad("目标值", cell(r, "value"), "目标值应为数字（比例可写 2%）");
        return true;
      }
      t.value = *v;
      t.source = cell(r, "source");
      try {
        check_row(*conn, p, t);
      } catch (const http::ApiError& e) {
        std::string f = e.field();
        bad(f == "year"    ? "年度"
            : f == "value" ? "目标值"
                           : "地区",
            cell(r, f == "year"    ? "year"
                    : f == "value" ? "value"
                                   : "region"),
            e.what());
        return true;
      }
      good.push_back(t);
      return true;
    });
  } catch (const io::SheetError& e) {
    throw bad_request("file", e.what());
  }
  if (!dry_run && !good.empty()) {
    store::Tx tx(*conn);
    for (const auto& t : good) store_row(*conn, p, "indicator_target", t);
    tx.commit();
  }
  return {{"rows", rows},
          {"accepted", good.size()},
          {"rejected", rows - good.size()},
          {"dry_run", dry_run},
          {"errors", errors}};
}

}  // namespace guiyan::service
