#include "service/merchant_import.h"

#include <algorithm>
#include <map>
#include <memory>

#include "core/clock.h"
#include "core/date.h"
#include "core/merchant_fields.h"
#include "core/phone.h"
#include "core/text.h"
#include "io/sheet_reader.h"
#include "service/data_scope.h"
#include "service/import_batch.h"
#include "service/import_rejected.h"
#include "service/import_sheet.h"
#include "service/import_text.h"
#include "service/industry_resolver.h"
#include "service/intention_amount.h"
#include "service/merchant_write.h"
#include "service/region_resolver.h"
#include "service/sheet_headers.h"
#include "store/merchant_repo.h"

namespace guiyan::service {
namespace {

// Header words offices use in their 名录, beyond each field's own label.
const std::map<std::string, std::string>& header_words() {
  static const std::map<std::string, std::string> m = {
      {"企业家姓名", "name"},
      {"联系人", "name"},
      {"楚商姓名", "name"},
      {"人才姓名", "name"},
      {"类别", "categories"},
      {"人员类型", "categories"},
      {"类型", "categories"},
      {"职位", "position"},
      {"现任职务", "position"},
      {"手机", "phone"},
      {"手机号", "phone"},
      {"手机号码", "phone"},
      {"电话", "phone"},
      {"联系方式", "phone"},
      {"企业", "enterprise_name"},
      {"所在企业", "enterprise_name"},
      {"单位名称", "enterprise_name"},
      {"工作单位", "enterprise_name"},
      {"企业（单位）名称", "enterprise_name"},
      {"信用代码", "credit_code"},
      {"社会信用代码", "credit_code"},
      {"行业", "industry"},
      {"行业分类", "industry"},
      {"行业代码", "industry"},
      {"企业所属行业", "industry"},
      {"行业类别", "industry"},
      {"规模", "enterprise_size"},
      {"企业规模（大中小微）", "enterprise_size"},
      {"经营状态", "operating_status"},
      {"营收", "revenue_band"},
      {"年营收", "revenue_band"},
      {"年营业收入", "revenue_band"},
      {"籍贯", "hometown_code"},
      {"籍贯地代码", "hometown_code"},  // the exported list's column (beside the name 籍贯地)
      {"家乡", "hometown_code"},
      {"户籍地", "hometown_code"},
      {"籍贯地（县市区）", "hometown_code"},
      {"所在城市", "location_city"},
      {"所在地", "location_city"},
      {"现居住地", "location_city"},
      {"工作地", "location_city"},
      {"所在国家", "location_country"},
      {"国家", "location_country"},
      {"国家或地区", "location_country"},
      {"商会", "chambers"},
      {"所属商会", "chambers"},
      {"商会协会", "chambers"},
      {"影响力", "influence"},
      {"返乡投资意向", "intention_strength"},
      {"回乡投资意向", "intention_strength"},
      {"投资行业", "intention_industries"},
      {"意向投资金额", "intention_amount"},
      {"投资金额", "intention_amount"},
      {"意向投资额", "intention_amount"},
      {"意向地区", "intention_regions"},
      {"投资地区", "intention_regions"},
      {"意向项目", "intention_note"},
      {"投资意向说明", "intention_note"},
      {"核实日期", "verified_on"},
      {"更新日期", "verified_on"},
      {"最近核实日期", "verified_on"},
      {"序号", "serial"},
      // Columns the exported list adds for its readers: known, not read back.
      {"编号", "serial"},
      {"行业名称", "serial"},
      {"服务专员", "serial"},
      {"更新时间", "serial"},
      {kRejectedReasonHeader, "serial"},  // a rejected-rows file imported again
  };
  return m;
}

struct RowValues {
  size_t row = 0;
  MerchantValues values;
  std::string verified_on;
};

class Importer {
 public:
  Importer(store::Db& db, const Actor& actor, const Principal* by, const ImportOptions& opt)
      : db_(db),
        actor_(actor),
        by_(by),
        opt_(opt),
        today_(core::today_local()),
        conn_(db_.acquire()) {
    regions_ = std::make_unique<RegionResolver>(*conn_, by_ ? by_->region_code : "");
    industries_ = std::make_unique<IndustryResolver>(*conn_);
  }

  // Returns false while the header has not been found yet.
  bool header(const io::SheetRow& row) {
    std::vector<std::string> fields;
    int known = 0;
    for (const auto& cell : row.cells) {
      fields.push_back(merchant_field_for_header(cell));
      if (!fields.back().empty()) ++known;
    }
    auto has = [&](const char* f) {
      return std::find(fields.begin(), fields.end(), f) != fields.end();
    };
    if (known < 2 || (!has("name") && !has("enterprise_name"))) return false;
    if (!has("hometown_code")) {
      throw io::SheetError("第" + std::to_string(row.number) +
                           "行表头缺少“籍贯地”（或“籍贯”“家乡”）列");
    }
    columns_ = fields;
    headers_ = row.cells;
    money_units_ = header_money_units(headers_);
    for (size_t i = 0; i < fields.size(); ++i) {
      if (fields[i].empty() && !clean_header(row.cells[i]).empty()) {
        summary.ignored_columns.push_back(row.cells[i]);
      }
    }
    for (auto& issue : read_region_code_column(columns_, headers_, "hometown_code")) {
      summary.issues.push_back(std::move(issue));
    }
    return true;
  }

  void row(const io::SheetRow& row) {
    ++summary.rows_read;
    RowValues rv{row.number, {}, today_};
    bool bad = false;
    const size_t first_issue = summary.issues.size();
    // A kept issue of the row (said as kept; refuse_kept_issues turns it round if the row is not).
    auto note = [&](size_t col, const std::string& value, const std::string& reason) {
      summary.issues.push_back(
          {row.number, col < headers_.size() ? headers_[col] : "", value, reason, true});
    };
    auto reject = [&](size_t col, const std::string& value, const std::string& reason) {
      summary.issues.push_back(
          {row.number, col < headers_.size() ? headers_[col] : "", value, reason});
      bad = true;
    };
    // A cell that describes the record and cannot be read is left out, the record saved with the
    // rest of its row; who it is (姓名, 联系电话, 统一社会信用代码) and its 籍贯地 refuse the row.
    auto leave_out = [&](size_t col, const std::string& value, const std::string& reason) {
      note(col, value, reason + std::string(kCellLeftOut));
    };
    // A phone's notes in brackets (core::strip_phone_notes): 微信同号 says nothing, a note worth
    // saying (父亲, 秘书) goes to 备注 once the row's own 备注 is read.
    std::vector<std::pair<std::string, size_t>> more_notes;
    for (size_t i = 0; i < row.cells.size() && i < columns_.size(); ++i) {
      const std::string& field = columns_[i];
      core::PhoneNotes noted;
      if (field == "phone") {
        noted = core::strip_phone_notes(row.cells[i]);
        for (const auto& note : noted.kept) {
          more_notes.emplace_back(clean_header(headers_[i]) + "：" + note, i);
        }
      }
      const std::string& cell = noted.cell.empty() ? row.cells[i] : noted.cell;
      if (field.empty() || field == "serial") continue;
      if (core::is_blank_cell(core::find_merchant_field(field), cell)) continue;  // 无, /, 待定
      if (field == "hometown_code") {
        try {
          rv.values[field] = regions_->resolve(cell);
        } catch (const std::invalid_argument& e) {
          reject(i, cell, std::string("籍贯地") + e.what());
        }
        continue;
      }
      if (field == "intention_regions") {
        std::string codes;
        try {
          for (const auto& item : list_items(cell))
            codes += (codes.empty() ? "" : ",") + regions_->resolve(item);
          rv.values[field] = codes;
        } catch (const std::invalid_argument& e) {
          leave_out(i, cell, std::string("意向投资地区") + e.what());
        }
        continue;
      }
      if (field == "industry" || field == "intention_industries") {
        std::string codes;
        // A name may hold 、 itself (计算机、通信和其他电子设备制造业): the whole cell first.
        auto whole = industry_code(clean_header(cell));
        std::vector<std::string> items =
            whole ? std::vector<std::string>{clean_header(cell)} : list_items(cell);
        for (const auto& item : items) {
          auto code = industry_code(item);
          if (!code) {
            leave_out(i, cell, "行业“" + item + "”不是国民经济行业分类（GB/T 4754）的门类或大类");
            codes.clear();
            break;
          }
          if (("," + codes + ",").find("," + *code + ",") == std::string::npos) {
            codes += (codes.empty() ? "" : ",") + *code;
          }
          if (field == "industry") break;  // one industry: the first named
        }
        if (!codes.empty()) rv.values[field] = codes;
        continue;
      }
      if (field == "intention_amount") {
        auto range = intention_amount(cell, today_, money_units_[i]);
        if (!range) {
          leave_out(i, cell, "意向投资金额应为万元数或范围，如 5000、1000-5000 或 1亿以上");
        } else {
          // An open range clears the other end a record may hold ("1亿以上": no upper bound).
          auto value = [](const std::optional<int64_t>& v) {
            return v ? store::Value{*v} : store::Value{store::Null{}};
          };
          rv.values["intention_min_wan"] = value(range->min_wan);
          rv.values["intention_max_wan"] = value(range->max_wan);
        }
        continue;
      }
      if (field == "verified_on") {
        core::Field date{"verified_on", "核实日期", core::FieldKind::date};
        auto v = core::normalize_text(date, cell, today_);
        auto month = v.ok() ? std::nullopt : core::parse_written_month(clean_header(cell));
        if (month && month->to_iso() <= today_) {
          // 2026年3月: verified that month, counted from its first day (the older, safer date).
          rv.verified_on = month->to_iso();
          note(i, cell, "只有年月，核实日期按" + std::to_string(month->month) + "月1日记录");
        } else if (!v.ok()) {
          leave_out(i, cell, v.error);
        } else if (const auto* day = std::get_if<std::string>(&v.value)) {
          rv.verified_on = *day;
        }
        continue;
      }
      if (field == "phone") {
        if (auto phones = core::split_phones(cell); !phones.empty()) {
          // One phone per record: the first is kept, the others named for the notes.
          rv.values["phone"] = phones[0];
          std::string others;
          for (size_t p = 1; p < phones.size(); ++p)
            others += (others.empty() ? "" : "、") + phones[p];
          note(i, cell, "只保存第一个号码，" + others + "请写在备注中");
          continue;
        }
      }
      const core::Field& f = *core::find_merchant_field(field);
      auto v = core::normalize_text(f, sum_in_unit(f, cell, money_units_[i]), today_);
      if (!v.ok() && (field == "name" || field == "phone" || field == "credit_code")) {
        reject(i, cell, core::cell_reason(f, v.error));
      } else if (!v.ok()) {
        leave_out(i, cell, core::cell_reason(f, v.error));
      } else if (!std::holds_alternative<store::Null>(v.value)) {
        rv.values[field] = v.value;
      }
    }
    for (const auto& [text, col] : more_notes) {
      bool fits =
          append_texts(rv.values, *core::find_merchant_field("notes"), {text}, "；", today_);
      note(col, row.cells[col],
           fits ? "“" + text + "”记入备注" : "备注已超过长度上限，“" + text + "”未保存");
    }
    if (!rv.values.count("name") && !rv.values.count("enterprise_name") && !bad) {
      reject(column_of("name"), "", "姓名和企业名称都为空");
    }
    if (!rv.values.count("hometown_code") && !bad)
      reject(column_of("hometown_code"), "", "籍贯地为空");
    if (auto it = rv.values.find("hometown_code");
        it != rv.values.end() && by_ && !in_scope(*by_, std::get<std::string>(it->second))) {
      reject(column_of("hometown_code"), std::get<std::string>(it->second),
             "籍贯地不在您的数据范围内");
    }
    auto lo = rv.values.find("intention_min_wan"), hi = rv.values.find("intention_max_wan");
    const int64_t* lo_wan = lo == rv.values.end() ? nullptr : std::get_if<int64_t>(&lo->second);
    const int64_t* hi_wan = hi == rv.values.end() ? nullptr : std::get_if<int64_t>(&hi->second);
    if (lo_wan && hi_wan && *lo_wan > *hi_wan) {
      reject(column_of("intention_max_wan"), std::to_string(*hi_wan), "意向投资上限不能小于下限");
    }
    if (bad) {
      // A refused row's cells that would have been left out are named too, to mend at once.
      refuse_kept_issues(summary, first_issue, row.number, {kCellLeftOut});
      ++summary.rejected;
      return;
    }
    batch_.push_back(std::move(rv));
    if (batch_.size() >= opt_.batch_rows) flush();
  }

  void flush() {
    if (batch_.empty()) return;
    store::Conn& c = *conn_;
    if (opt_.dry_run) {
      for (auto& rv : batch_) {
        try {
          // Counted as write_row would count it (a later row of the file for a record the file
          // would create counts as new again: the records are matched in the registry only).
          auto existing = find_existing(c, rv.values);
          if (existing) {
            auto [before, take] = plan_update(c, *existing, rv);
            ++(merchant_changes(before, take).empty() ? summary.unchanged : summary.updated);
          } else {
            ++summary.created;
          }
          ++summary.accepted;
        } catch (const std::runtime_error& e) {
          ++summary.rejected;
          summary.issues.push_back({rv.row, "", "", e.what()});
        }
      }
      batch_.clear();
      return;
    }
    size_t created = summary.created;
    write_import_batch(
        c, batch_.size(), summary, opt_,
        [&](store::Conn& conn, size_t i) { write_row(conn, batch_[i]); },
        [&](size_t i) { return batch_[i].row; });
    merchants_.added(c, static_cast<int64_t>(summary.created - created));
    batch_.clear();
  }

  ImportSummary summary;

 private:
  static std::vector<std::string> list_items(const std::string& cell) {
    std::string unified = cell;
    for (const char* sep : {"、", "，", "；", ";", "|"}) {
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

  // The GB/T 4754 code of a section or division written as its code or its name.
  std::optional<std::string> industry_code(const std::string& text) const {
    return industries_->code(text);
  }

  size_t column_of(const std::string& field) const {
    auto it = std::find(columns_.begin(), columns_.end(), field);
    return static_cast<size_t>(it - columns_.begin());
  }

  // The record this row describes: the one with its credit code; else the one with its name and
  // phone, else with its enterprise name and name, among records without another credit code.
  // Throws std::runtime_error (the row is reported, not guessed) when several records match.
  std::optional<int64_t> find_existing(store::Conn& c, const MerchantValues& v) {
    auto text = [&](const char* f) {
      auto it = v.find(f);
      return it == v.end() ? std::string() : std::get<std::string>(it->second);
    };
    std::string code = text("credit_code");
    if (!code.empty()) {
      if (auto id = store::merchant_id_by_credit_code(c, code)) return id;
    }
    // A row with a credit code is another enterprise than a record with another code.
    std::string other_code = code.empty() ? "" : " AND (credit_code IS NULL OR credit_code = $3)";
    std::vector<int64_t> ids;
    auto collect = [&](const std::string& sql, store::Params params) {
      if (!code.empty()) params.push_back(code);
      c.run(sql + other_code + " ORDER BY id LIMIT 5", params,
            [&](const store::Row& r) { ids.push_back(r.i64(0)); });
    };
    if (!text("name").empty() && !text("phone").empty()) {
      ids = store::merchant_ids_by_name_phone(c, text("name"), text("phone"), code);
    } else if (!text("enterprise_name").empty()) {
      collect("SELECT id FROM merchant WHERE enterprise_name = $1 AND COALESCE(name, '') = $2",
              {text("enterprise_name"), text("name")});
    }
    if (ids.empty()) return std::nullopt;
    if (ids.size() > 1) {
      std::string list;
      for (int64_t id : ids) list += (list.empty() ? "" : "、") + std::to_string(id);
      throw std::runtime_error(
          "与多条已有记录（编号 " + list +
          "）的姓名和电话（或企业名称）相同，无法确定更新哪一条，请先在楚商档案中核实修正");
    }
    return ids.front();
  }

  // The record `id` a row updates and the values the row gives it: the row's values, and its
  // verification date when later than the record's. Throws std::runtime_error when the record
  // lies outside the account's scope.
  std::pair<store::MerchantRow, MerchantValues> plan_update(store::Conn& c, int64_t id,
                                                            const RowValues& rv) {
    auto before = store::find_merchant(c, id);
    if (by_ && !in_scope(*by_, before->text("hometown_code"), before->created_by)) {
      throw std::runtime_error("该企业（统一社会信用代码）已由其他地区登记，请联系上级部门核实");
    }
    MerchantValues take = rv.values;
    if (!before->verified_on || *before->verified_on < rv.verified_on) {
      take["verified_on"] = rv.verified_on;
    }
    return {std::move(*before), std::move(take)};
  }

  // Creates or updates the merchant of one row; throws when the database refuses it.
  void write_row(store::Conn& c, RowValues& rv) {
    int64_t by = by_ ? by_->user_id : 0;
    auto existing = find_existing(c, rv.values);
    if (existing) {
      auto [before, take] = plan_update(c, *existing, rv);
      if (change_merchant(c, actor_, by, before, take, today_)) {
        ++summary.updated;
      } else {
        ++summary.unchanged;
      }
    } else {
      MerchantValues v = rv.values;
      v.try_emplace("intention_strength", std::string("unknown"));
      int64_t id = create_merchant(c, actor_, by, v, today_);
      if (rv.verified_on != today_) {
        store::exec(c, "UPDATE merchant SET verified_on = $1 WHERE id = $2", {rv.verified_on, id});
      }
      ++summary.created;
    }
    ++summary.accepted;
  }

  store::Db& db_;
  Actor actor_;
  const Principal* by_;
  ImportOptions opt_;
  std::string today_;
  store::ConnLease conn_;
  std::unique_ptr<RegionResolver> regions_;
  std::vector<std::string> columns_, headers_;
  std::vector<std::string> money_units_;  // header_money_unit of each column
  std::vector<RowValues> batch_;
  std::unique_ptr<IndustryResolver> industries_;
  GrowingTable merchants_{*conn_, "merchant"};
};

}  // namespace

std::string merchant_field_for_header(const std::string& header) {
  return header_field(core::merchant_fields(), header_words(), header);
}

ImportSummary import_merchants(store::Db& db, const Actor& actor, const Principal* by,
                               const std::string& path, const ImportOptions& options,
                               const std::function<void(const ImportSummary&)>& progress) {
  Importer imp(db, actor, by, options);
  feed_sheet(imp, path, options, "表头应包含“姓名”或“企业名称”，以及“籍贯地”等列",
             merchant_field_for_header, progress);
  if (progress) progress(imp.summary);
  return imp.summary;
}

}  // namespace guiyan::service
