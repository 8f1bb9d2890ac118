#include "service/venture_import.h"

#include <algorithm>
#include <map>
#include <memory>

#include "core/clock.h"
#include "core/id_number.h"
#include "core/text.h"
#include "core/venture_fields.h"
#include "http/api_error.h"
#include "io/sheet_reader.h"
#include "service/data_scope.h"
#include "service/import_batch.h"
#include "service/import_rejected.h"
#include "service/import_sheet.h"
#include "service/industry_resolver.h"
#include "service/region_resolver.h"
#include "service/sheet_headers.h"
#include "service/venture_service.h"
#include "store/person_repo.h"

namespace guiyan::service {
namespace {

// The fields that only describe a venture: a cell of theirs that cannot be read is left out.
bool describes_venture(const std::string& field) {
  return field == "address" || field == "in_park" || field == "notes";
}

// Header words offices use in their ledgers, beyond each field's own label.
const std::map<std::string, std::string>& venture_header_words() {
  static const std::map<std::string, std::string> m = {
      {"类型", "type"},
      {"市场主体类型", "type"},
      {"经营主体类型", "type"},
      {"名称", "name"},
      {"企业名称", "name"},
      {"个体户名称", "name"},
      {"经营主体名称", "name"},
      {"字号名称", "name"},
      {"信用代码", "credit_code"},
      {"社会信用代码", "credit_code"},
      {"成立日期", "registered_on"},
      {"登记日期", "registered_on"},
      {"注册登记日期", "registered_on"},
      {"初次注册", "first_registration"},
      {"是否首次注册", "first_registration"},
      {"是否初次注册登记", "first_registration"},
      {"行业代码", "industry"},
      {"所属行业", "industry"},
      {"行业分类", "industry"},
      {"所在地代码", "region_code"},
      {"所在地区", "region_code"},
      {"经营地", "region_code"},
      {"所在村（社区）", "region_code"},
      {"地址", "address"},
      {"入驻园区", "in_park"},
      {"是否入驻园区", "in_park"},
      {"是否入驻孵化基地", "in_park"},
      {"状态", "status"},
      {"创办人身份证号", "founders"},
      {"创办人身份证号码", "founders"},
      {"身份证号", "founders"},
      {"身份证号码", "founders"},
      {"经营者身份证号", "founders"},
      {"负责人身份证号", "founders"},
      {"法定代表人身份证号", "founders"},
      {"带动就业人数", "employees"},
      {"就业人数", "employees"},
      {"从业人数", "employees"},
      {"员工人数", "employees"},
      {"统计日期", "counted_on"},
      {"序号", "skip"},
      {kRejectedReasonHeader, "skip"},  // a rejected-rows file imported again
      {"编号", "skip"},
      {"行业名称", "skip"},
      {"所在地名称", "region_code"},  // the exported ledger's path, read when its code is not
      {"创办人", "skip"},
      {"创办人姓名", "skip"},
      {"更新时间", "skip"},
  };
  return m;
}

// The ID numbers of a cell: several separated by 、，,;；/ or spaces.
std::vector<std::string> id_numbers_of(const std::string& cell) {
  std::string unified = cell;
  for (const char* sep : {"、", "，", "；", ";", "/", " ", "　"}) {
    for (size_t pos; (pos = unified.find(sep)) != std::string::npos;) {
      unified.replace(pos, std::string(sep).size(), ",");
    }
  }
  std::vector<std::string> out;
  for (const auto& part : core::split(unified, ',')) {
    std::string t = clean_header(part);
    if (!t.empty()) out.push_back(t);
  }
  return out;
}

// One accepted row: its fields, founders and count.
struct VentureRowValues {
  size_t row = 0;
  VentureValues values;
  std::vector<int64_t> founders;
  std::optional<int64_t> employees;
  std::string counted_on;  // "" when the sheet gives none
};

class VentureImporter {
 public:
  VentureImporter(store::Db& db, const Actor& actor, const Principal* by, const ImportOptions& opt)
      : actor_(actor), by_(by), opt_(opt), today_(core::today_local()), conn_(db.acquire()) {
    regions_ = std::make_unique<RegionResolver>(*conn_, by_ ? by_->region_code : "");
    industries_ = std::make_unique<IndustryResolver>(*conn_);
  }

  // Returns false while the header has not been found yet.
  bool header(const io::SheetRow& row) {
    std::vector<std::string> fields;
    int known = 0;
    for (const auto& cell : row.cells) {
      fields.push_back(venture_field_for_header(cell));
      if (!fields.back().empty() && fields.back() != "skip") ++known;
    }
    auto has = [&](const char* f) {
      return std::find(fields.begin(), fields.end(), f) != fields.end();
    };
    if (known < 2 || !has("name")) return false;
    for (const auto& [field, label] :
         {std::pair{"region_code", "所在地"}, std::pair{"type", "主体类型"},
          std::pair{"founders", "创办人身份证号"}}) {
      if (!has(field)) {
        throw io::SheetError("第" + std::to_string(row.number) + "行表头缺少“" + label + "”列");
      }
    }
    columns_ = fields;
    headers_ = row.cells;
    for (size_t i = 0; i < fields.size(); ++i) {
      if (fields[i].empty() && !clean_header(row.cells[i]).empty()) {
        summary.ignored_columns.push_back(row.cells[i]);
      }
    }
    for (auto& issue : read_region_code_column(columns_, headers_, "region_code")) {
      summary.issues.push_back(std::move(issue));
    }
    return true;
  }

  // Checks one data row; a good one joins the batch, a bad one is reported with its reasons.
  void row(const io::SheetRow& row) {
    ++summary.rows_read;
    VentureRowValues rv;
    rv.row = row.number;
    bool bad = false;
    const size_t first_issue = summary.issues.size();
    auto reject = [&](size_t col, const std::string& value, const std::string& reason) {
      summary.issues.push_back(
          {row.number, col < headers_.size() ? headers_[col] : "", value, reason});
      bad = true;
    };
    // A cell that only describes the venture (行业, 经营地址, 是否入驻创业园区, 备注) and cannot
    // be read is left out, the venture saved with the rest of its row: unknown is no wrong
    // answer to a policy's question. What it is, where, whose and what it counts as refuse.
    auto leave_out = [&](size_t col, const std::string& value, const std::string& reason) {
      summary.issues.push_back({row.number, col < headers_.size() ? headers_[col] : "", value,
                                reason + std::string(kCellLeftOut), true});
    };
    for (size_t i = 0; i < row.cells.size() && i < columns_.size(); ++i) {
      const std::string& field = columns_[i];
      const std::string& cell = row.cells[i];
      if (field.empty() || field == "skip") continue;
      if (core::is_blank_cell(core::find_venture_field(field), cell)) continue;  // 无, /, 待定
      if (field == "region_code") {
        try {
          std::string code = regions_->resolve(cell);
          if (by_ && !in_scope(*by_, code)) {
            reject(i, cell, "所在地不在您的数据范围内");
          } else {
            rv.values[field] = code;
          }
        } catch (const std::invalid_argument& e) {
          reject(i, cell, std::string("所在地") + e.what());
        }
      } else if (field == "industry") {
        auto code = industries_->code(clean_header(cell));
        if (!code) {
          leave_out(i, cell, "行业“" + cell + "”不是国民经济行业分类（GB/T 4754）的门类或大类");
        } else {
          rv.values[field] = *code;
        }
      } else if (field == "founders") {
        for (const auto& number : id_numbers_of(cell)) {
          auto founder = founder_of(number);
          if (!founder.second.empty()) {
            reject(i, number, founder.second);
          } else if (std::find(rv.founders.begin(), rv.founders.end(), founder.first) ==
                     rv.founders.end()) {
            rv.founders.push_back(founder.first);
          }
        }
      } else if (field == "employees") {
        core::Field n{"employees", "带动就业人数", core::FieldKind::integer};
        auto v = core::normalize_text(n, cell, today_);
        const int64_t* count = std::get_if<int64_t>(&v.value);  // none for 无 or /: blank
        if (!v.ok() || (count && *count < 1)) {
          reject(i, cell, "带动就业人数应为不小于1的整数（含创办人本人）");
        } else if (count) {
          rv.employees = *count;
        }
      } else if (field == "counted_on") {
        core::Field d{"counted_on", "统计日期", core::FieldKind::date};
        auto v = core::normalize_text(d, cell, today_);
        if (!v.ok()) {
          reject(i, cell, v.error);
        } else if (const auto* day = std::get_if<std::string>(&v.value)) {
          rv.counted_on = *day;
        }
      } else {
        const core::Field& f = *core::find_venture_field(field);
        auto v = core::normalize_text(f, cell, today_);
        if (!v.ok() && describes_venture(field)) {
          leave_out(i, cell, core::cell_reason(f, v.error));
        } else if (!v.ok()) {
          reject(i, cell, core::cell_reason(f, v.error));
        } else {
          rv.values[field] = v.value;
        }
      }
    }
    if (!bad) {
      for (const auto& [field, label] :
           {std::pair{"name", "主体名称"}, std::pair{"type", "主体类型"},
            std::pair{"region_code", "所在地"}}) {
        if (!rv.values.count(field)) reject(column_of(field), "", std::string(label) + "为空");
      }
    }
    if (!bad && !rv.counted_on.empty() && !rv.employees) {
      reject(column_of("employees"), "", "填写统计日期时需同时填写带动就业人数");
    }
    if (!bad) {
      try {
        auto count = count_of(rv);
        auto existing = find_existing(*conn_, rv.values);
        // Founders are only ever added: a known venture's row may leave them out.
        if (!existing && rv.founders.empty()) {
          throw http::bad_request("founders", "创办人身份证号为空（新登记的主体须填写创办人）");
        }
        VentureValues before;
        if (existing) before = stored(*existing);
        check_venture_rules(*conn_, rv.values, before, count);
      } catch (const http::ApiError& e) {
        reject(column_of(e.field()), "", e.what());
      } catch (const std::runtime_error& e) {
        reject(column_of("name"), "", e.what());
      }
    }
    if (bad) {
      refuse_kept_issues(summary, first_issue, row.number, {kCellLeftOut});
      ++summary.rejected;
      return;
    }
    batch_.push_back(std::move(rv));
    if (batch_.size() >= opt_.batch_rows) flush();
  }

  // Writes (or, in a dry run, only counts) the rows of the batch.
  void flush() {
    if (batch_.empty()) return;
    store::Conn& c = *conn_;
    if (opt_.dry_run) {
      for (const auto& rv : batch_) count_dry_row(c, rv);
      batch_.clear();
      return;
    }
    write_import_batch(
        c, batch_.size(), summary, opt_,
        [&](store::Conn& conn, size_t i) { write_row(conn, batch_[i]); },
        [&](size_t i) { return batch_[i].row; });
    batch_.clear();
  }

  ImportSummary summary;

 private:
  // The sheet column of a field (past the last column when the sheet has none).
  size_t column_of(const std::string& field) const {
    auto it = std::find(columns_.begin(), columns_.end(), field);
    return static_cast<size_t>(it - columns_.begin());
  }

  // The person with this ID number in the account's scope, or a Chinese reason.
  std::pair<int64_t, std::string> founder_of(const std::string& text) {
    auto checked = core::check_id_number(
        text, core::Date{std::stoi(today_.substr(0, 4)), std::stoi(today_.substr(5, 2)),
                         std::stoi(today_.substr(8, 2))});
    std::optional<int64_t> id;
    if (checked.valid) {
      id = store::person_id_by_id_number(*conn_, checked.normalized);
    } else if (auto raw = core::unverified_id_number(text)) {
      // The unverified number a person is registered with (as the exported ledger writes it).
      std::vector<int64_t> ids;
      conn_->first_column_int64(
          "SELECT id FROM person WHERE id_number_raw = $1 AND COALESCE(id_number, '') = '' "
          "ORDER BY id LIMIT 2",
          {*raw}, ids);
      if (ids.size() != 1) return {0, "创办人身份证号有误：" + checked.reason};
      id = ids.front();
    } else {
      return {0, "创办人身份证号有误：" + checked.reason};
    }
    if (!id) return {0, "身份证号为 " + text + " 的人员不在返乡人员信息库中，请先登记该人员"};
    auto person = store::find_person(*conn_, *id);
    if (person->merged_into) {
      id = *person->merged_into;
      person = store::find_person(*conn_, *id);
    }
    if (by_ && !in_scope(*by_, person->text("region_code"), person->created_by)) {
      return {0, "身份证号为 " + text + " 的人员不在您的数据范围内"};
    }
    return {*id, ""};
  }

  // The stored field values of a venture.
  VentureValues stored(int64_t id) {
    VentureValues v;
    std::string cols;
    for (const auto& f : core::venture_fields()) cols += (cols.empty() ? "" : ", ") + f.name;
    auto r = store::query_one(*conn_, "SELECT " + cols + " FROM venture WHERE id = $1", {id});
    size_t i = 0;
    for (const auto& f : core::venture_fields()) v[f.name] = r->at(i++);
    return v;
  }

  // The venture this row describes: the one with its credit code; without a code, the one of
  // the same name in the same place that has no code either. Throws std::runtime_error when
  // several match, or when the match lies outside the account's scope.
  std::optional<int64_t> find_existing(store::Conn& c, const VentureValues& v) {
    auto text = [&](const char* f) {
      auto it = v.find(f);
      if (it == v.end()) return std::string();
      auto s = std::get_if<std::string>(&it->second);
      return s ? *s : std::string();
    };
    std::vector<int64_t> ids;
    if (!text("credit_code").empty()) {
      if (auto id = venture_id_by_credit_code(c, text("credit_code"))) ids.push_back(*id);
    } else {
      c.first_column_int64(
          "SELECT id FROM venture WHERE name = $1 AND region_code = $2 AND credit_code IS NULL "
          "ORDER BY id LIMIT 5",
          {text("name"), text("region_code")}, ids);
      if (ids.size() > 1) {
        throw std::runtime_error(
            "所在地有多个同名且无统一社会信用代码的主体，无法确定更新哪一个，"
            "请补充统一社会信用代码");
      }
    }
    if (ids.empty()) return std::nullopt;
    auto r = store::query_one(c, "SELECT region_code, created_by FROM venture WHERE id = $1",
                              {ids.front()});
    if (by_ && !in_scope(*by_, r->text(0), r->opt_i64(1))) {
      throw std::runtime_error("该主体（统一社会信用代码）已由其他地区登记，请联系上级部门核实");
    }
    return ids.front();
  }

  // The employment count a row gives, if any (dated today when the sheet gives no date).
  std::optional<EmploymentCount> count_of(const VentureRowValues& rv) const {
    if (!rv.employees) return std::nullopt;
    return EmploymentCount{
        rv.counted_on.empty() ? today_ : rv.counted_on, *rv.employees, std::string("台账导入"), {}};
  }

  // What a row gives the existing venture `id`: its founders with the row's added (founders
  // are added, never taken away), and its count unless that repeats the one stored (for its
  // date, or the latest when the sheet gives none), so a re-run of the same sheet, or of an
  // exported ledger, changes nothing.
  std::pair<std::vector<int64_t>, std::optional<EmploymentCount>> plan_update(
      store::Conn& c, int64_t id, const VentureRowValues& rv) {
    std::vector<int64_t> founders;
    c.first_column_int64("SELECT person_id FROM venture_founder WHERE venture_id = $1", {id},
                         founders);
    for (int64_t f : rv.founders) {
      if (std::find(founders.begin(), founders.end(), f) == founders.end()) founders.push_back(f);
    }
    std::sort(founders.begin(), founders.end());
    auto count = count_of(rv);
    if (count) {
      auto same = store::query_one(
          c,
          rv.counted_on.empty()
              ? "SELECT employees FROM venture_employment WHERE venture_id = $1 ORDER BY "
                "counted_on DESC LIMIT 1"
              : "SELECT employees FROM venture_employment WHERE venture_id = $1 AND counted_on = "
                "$2",
          rv.counted_on.empty() ? store::Params{id} : store::Params{id, rv.counted_on});
      if (same && same->i64(0) == count->employees) count.reset();
    }
    return {std::move(founders), std::move(count)};
  }

  // A dry run's count of one accepted row, as write_row would count it (a later row of the file
  // for a venture the file would create counts as new again: ventures are matched in the
  // registry only).
  void count_dry_row(store::Conn& c, const VentureRowValues& rv) {
    ++summary.accepted;
    auto existing = find_existing(c, rv.values);
    if (!existing) {
      ++summary.created;
      return;
    }
    auto [founders, count] = plan_update(c, *existing, rv);
    bool changed = count || founders != founder_ids(c, *existing);
    VentureValues before = stored(*existing);
    for (const auto& [k, v] : rv.values) changed = changed || before[k] != v;
    ++(changed ? summary.updated : summary.unchanged);
  }

  // Creates or updates the venture of one row; throws when the database refuses it.
  void write_row(store::Conn& c, VentureRowValues& rv) {
    auto existing = find_existing(c, rv.values);
    if (!existing) {
      insert_venture(c, actor_, by_, rv.values, rv.founders, count_of(rv));
      ++summary.created;
      ++summary.accepted;
      return;
    }
    auto [founders, count] = plan_update(c, *existing, rv);
    if (change_venture(c, actor_, by_, *existing, rv.values, founders, count)) {
      ++summary.updated;
    } else {
      ++summary.unchanged;
    }
    ++summary.accepted;
  }

  Actor actor_;
  const Principal* by_;
  ImportOptions opt_;
  std::string today_;
  store::ConnLease conn_;
  std::unique_ptr<RegionResolver> regions_;
  std::unique_ptr<IndustryResolver> industries_;
  std::vector<std::string> columns_, headers_;
  std::vector<VentureRowValues> batch_;
};

}  // namespace

std::string venture_field_for_header(const std::string& header) {
  return header_field(core::venture_fields(), venture_header_words(), header);
}

ImportSummary import_ventures(store::Db& db, const Actor& actor, const Principal* by,
                              const std::string& path, const ImportOptions& options,
                              const std::function<void(const ImportSummary&)>& progress) {
  VentureImporter imp(db, actor, by, options);
  feed_sheet(imp, path, options, "表头应包含“主体名称”“主体类型”“所在地”“创办人身份证号”等列",
             venture_field_for_header, progress);
  if (progress) progress(imp.summary);
  return imp.summary;
}

}  // namespace guiyan::service
